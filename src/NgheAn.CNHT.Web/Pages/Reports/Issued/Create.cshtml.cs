using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Issuing;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Authorization;

namespace NgheAn.CNHT.Web.Pages.Reports.Issued;

/// <summary>Lãnh đạo Sở issues a report: number, date, signer. Its figures and files are frozen from then on.</summary>
[RequestSizeLimit((2 * IssuedReportService.MaxUploadBytes) + 1_000_000)]
[RequestFormLimits(MultipartBodyLengthLimit = (2 * IssuedReportService.MaxUploadBytes) + 1_000_000)]
public sealed class CreateModel(IssuedReportService issued, CatalogQueries catalog, ICurrentUser user, IAuthorizationService auth, TimeProvider clock,
    IDocumentSigner signer, Microsoft.Extensions.Options.IOptions<PortalOptions> portal) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<ProgramSummary> Programs { get; private set; } = [];

    /// <summary>The signing certificate's state, shown before anyone fills the form.</summary>
    public SigningStatus Signing { get; private set; } = null!;

    public sealed class InputModel
    {
        [Display(Name = "Loại báo cáo")] public string Kind { get; set; } = ReportKind.Document.Slug();
        [Display(Name = "Chương trình")] public string ProgramCode { get; set; } = "";
        [Display(Name = "Từ năm")] public int? FromYear { get; set; }
        [Display(Name = "Đến năm")] public int? ToYear { get; set; }

        /// <summary>The final text edited in Word and exported to PDF: issued (signed) instead of the generated PDF.</summary>
        [Display(Name = "Bản PDF hoàn chỉnh")] public IFormFile? FinalPdf { get; set; }

        /// <summary>The final Word text, kept beside the PDF.</summary>
        [Display(Name = "Bản Word hoàn chỉnh")] public IFormFile? FinalDocx { get; set; }
        [Display(Name = "Ngày ban hành")] public DateOnly? IssueDate { get; set; }
        [Display(Name = "Chức vụ người ký")] public string? SignerTitle { get; set; }
        [Display(Name = "Người ký")] public string? SignerName { get; set; }
        [Display(Name = "Nơi nhận")] public string? Recipients { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string? program, CancellationToken ct)
    {
        Programs = await catalog.ListProgramsAsync(ct);
        Signing = signer.Status();
        var today = VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime);
        Input = new InputModel
        {
            ProgramCode = program ?? await catalog.DefaultProgramCodeAsync(today.Year, ct) ?? "",
            IssueDate = today,
            SignerTitle = "GIÁM ĐỐC",
            SignerName = user.Actor.DisplayName,
            Recipients = string.Join("\n", DocumentQuery.DefaultRecipients),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, Policies.IssueReports)).Succeeded)
        {
            return Forbid();
        }

        if (!ReportKinds.TryParse(Input.Kind, out var kind))
        {
            ModelState.AddModelError("Input.Kind", "Vui lòng chọn loại báo cáo.");
        }

        if (Input.IssueDate is null)
        {
            ModelState.AddModelError("Input.IssueDate", "Vui lòng nhập ngày ban hành.");
        }

        if (ModelState.IsValid)
        {
            try
            {
                var id = await issued.IssueAsync(new IssueReportInput(kind, Input.ProgramCode, Input.FromYear, Input.ToYear,
                    Input.IssueDate!.Value, Input.SignerTitle, Input.SignerName, Input.Recipients, PublicUrl(),
                    await ReadAsync(Input.FinalPdf, ct), await ReadAsync(Input.FinalDocx, ct)), ct);
                TempData["Success"] = "Đã ban hành báo cáo: số văn bản lấy từ sổ đăng ký văn bản đi, tệp PDF đã được ký số; số liệu và tệp đã được chốt.";
                return RedirectToPage("./Details", new { id });
            }
            catch (DomainException ex)
            {
                ModelState.AddModelError(ex.Field is null ? string.Empty : "Input." + ex.Field, ex.Message);
            }
            catch (NotFoundException ex)
            {
                ModelState.AddModelError("Input.ProgramCode", ex.Message);
            }
        }

        Programs = await catalog.ListProgramsAsync(ct);
        Signing = signer.Status();
        return Page();
    }

    private string PublicUrl() =>
        string.IsNullOrWhiteSpace(portal.Value.PublicUrl) ? $"{Request.Scheme}://{Request.Host}{Request.PathBase}" : portal.Value.PublicUrl;

    private static async Task<UploadedText?> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return null;
        }

        if (file.Length > IssuedReportService.MaxUploadBytes)
        {
            throw new DomainException($"Tệp {Path.GetFileName(file.FileName)} lớn hơn 20 MB.");
        }

        using var memory = new MemoryStream();
        await file.CopyToAsync(memory, ct);
        return new UploadedText(Path.GetFileName(file.FileName), memory.ToArray());
    }
}

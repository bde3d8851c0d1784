using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Web.Authorization;

namespace NgheAn.CNHT.Web.Pages.Reports.Issued;

/// <summary>An issued report: its frozen files, and what has changed in the live figures since it was issued.</summary>
public sealed class DetailsModel(IssuedReportService issued, ReportDownloadLog downloads, IAuthorizationService auth,
    Microsoft.Extensions.Options.IOptions<PortalOptions> portal) : PageModel
{
    public IssuedReportComparison Comparison { get; private set; } = null!;
    public bool CanRevoke { get; private set; }

    /// <summary>The verification page's address, as printed in the QR code of the issued PDF.</summary>
    public string? VerificationUrl { get; private set; }

    /// <summary>The same QR code as on page 1 of the issued PDF, as inline SVG.</summary>
    public string? QrSvg { get; private set; }

    [BindProperty]
    [Display(Name = "Lý do thu hồi")]
    public string? RevokeReason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var comparison = await issued.CompareAsync(id, ct);
        if (comparison is null)
        {
            return false;
        }

        Comparison = comparison;
        CanRevoke = !comparison.Report.IsRevoked && (await auth.AuthorizeAsync(User, Policies.IssueReports)).Succeeded;
        if (comparison.Report.VerificationCode is { } code)
        {
            var root = string.IsNullOrWhiteSpace(portal.Value.PublicUrl) ? $"{Request.Scheme}://{Request.Host}{Request.PathBase}" : portal.Value.PublicUrl;
            VerificationUrl = root.TrimEnd('/') + IssuedReportService.VerificationPath + code;
            using var generator = new QRCoder.QRCodeGenerator();
            using var data = generator.CreateQrCode(VerificationUrl, QRCoder.QRCodeGenerator.ECCLevel.M);
            QrSvg = new QRCoder.SvgQRCode(data).GetGraphic(4);
        }

        return true;
    }

    /// <summary>Lãnh đạo Sở revokes the document with a reason; the public verification page says so.</summary>
    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, Policies.IssueReports)).Succeeded)
        {
            return Forbid();
        }

        try
        {
            await issued.RevokeAsync(id, RevokeReason, ct);
            TempData["Success"] = "Đã thu hồi văn bản; trang xác thực công khai hiển thị việc thu hồi và lý do.";
            return RedirectToPage("./Details", new { id });
        }
        catch (NgheAn.CNHT.Domain.Common.DomainException ex)
        {
            ModelState.AddModelError(nameof(RevokeReason), ex.Message);
        }
        catch (NgheAn.CNHT.Application.Common.NotFoundException)
        {
            return NotFound();
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>The kept files beside the issued one: the generated PDF/DOCX and the uploaded final texts.</summary>
    public async Task<IActionResult> OnGetKeptAsync(int id, string? which, CancellationToken ct)
    {
        var summary = await issued.GetAsync(id, ct);
        var file = which is null ? null : await issued.GetKeptFileAsync(id, which, ct);
        if (summary is null || file is null)
        {
            return NotFound();
        }

        await downloads.RecordAsync(summary.Kind.Slug(), file.FileName.EndsWith(".pdf", StringComparison.Ordinal) ? ReportFormat.Pdf : ReportFormat.Docx,
            summary.Parameters + ";kept=" + which, ct);
        return File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnGetDownloadAsync(int id, string? format, CancellationToken ct)
    {
        if (!ReportKinds.TryParseFormat(format, out var fileFormat))
        {
            return NotFound();
        }

        var summary = await issued.GetAsync(id, ct);
        var file = await issued.GetFileAsync(id, fileFormat, ct);
        if (summary is null || file is null)
        {
            return NotFound();
        }

        await downloads.RecordAsync(summary.Kind.Slug(), fileFormat, summary.Parameters, ct);
        return File(file.Content, file.ContentType, file.FileName);
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Estimates;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Authorization;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.Estimates;

public sealed class IndexModel(EstimateService estimates, CatalogQueries catalog, IAuthorizationService auth, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "program")]
    public string? ProgramCode { get; set; }

    [BindProperty]
    public CreateInput Input { get; set; } = new();

    public IReadOnlyList<ProgramSummary> Programs { get; private set; } = [];
    public IReadOnlyList<EstimateSummary> Estimates { get; private set; } = [];
    public ProgramSummary? Program { get; private set; }

    public sealed class CreateInput
    {
        [Required(ErrorMessage = "Vui lòng nhập năm dự toán.")]
        [Range(2000, 2100, ErrorMessage = "Năm dự toán không hợp lệ.")]
        [Display(Name = "Năm dự toán")]
        public int? Year { get; set; }

        [Display(Name = "Lấy số từ các đề án dự kiến thực hiện trong năm")]
        public bool Prefill { get; set; } = true;

        [StringLength(2000, ErrorMessage = "Ghi chú dài tối đa 2000 ký tự.")]
        [Display(Name = "Ghi chú")]
        public string? Note { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.Year = VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime).Year + 1;
        if (Program is not null)
        {
            Input.Year = Math.Clamp(Input.Year.Value, Program.StartYear, Program.EndYear);
        }
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, Policies.ManageEstimates)).Succeeded)
        {
            return Forbid();
        }

        await LoadAsync(ct);
        if (!ModelState.IsValid || ProgramCode is null)
        {
            return Page();
        }

        try
        {
            var id = await estimates.CreateAsync(ProgramCode, Input.Year!.Value, Input.Note, Input.Prefill, ct);
            TempData["Success"] = $"Đã tạo dự toán năm {Input.Year}.";
            return RedirectToPage("./Details", new { id });
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Programs = await catalog.ListProgramsAsync(ct);
        ProgramCode ??= await catalog.DefaultProgramCodeAsync(VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime).Year, ct);
        Program = Programs.FirstOrDefault(p => p.Code == ProgramCode);
        Estimates = ProgramCode is null ? [] : await estimates.ListAsync(ProgramCode, ct);
    }
}

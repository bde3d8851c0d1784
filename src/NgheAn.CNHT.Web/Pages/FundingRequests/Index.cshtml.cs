using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.FundingRequests;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Authorization;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.FundingRequests;

/// <summary>Next year's funding request per item, written into the annual estimate; the budget assigned per item (ADR 0174).</summary>
public sealed class IndexModel(FundingRequestQuery query, TimeProvider clock, IAuthorizationService auth) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "program")]
    [Display(Name = "Chương trình")]
    public string? Program { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    [Display(Name = "Năm")]
    public int? Year { get; set; }

    [BindProperty]
    public AssignInput Assign { get; set; } = new();

    public FundingRequest Funding { get; private set; } = null!;

    public sealed class AssignInput
    {
        [Display(Name = "Nội dung")]
        public int ItemId { get; set; }

        [Display(Name = "Dự toán được giao (đồng)")]
        public string? Amount { get; set; }

        [StringLength(200, ErrorMessage = "Số quyết định dài tối đa 200 ký tự.")]
        [Display(Name = "Số, ngày quyết định giao dự toán")]
        public string? DecisionReference { get; set; }

        [Display(Name = "Mã phiên bản")]
        public Guid? ConcurrencyStamp { get; set; }
    }

    private string Code => string.IsNullOrWhiteSpace(Program) ? "2026-2030" : Program;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEstimateAsync(CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, Policies.ManageEstimates)).Succeeded)
        {
            return Forbid();
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        try
        {
            var id = await query.ToEstimateAsync(Code, Funding.Year, ct);
            TempData["Success"] = $"Đã ghi nhu cầu kinh phí năm {Funding.Year} theo nội dung vào dự toán (bản nháp). Hoạt động do Sở thực hiện không thuộc nội dung nào: chúng nằm trong văn bản nhu cầu kinh phí gửi Sở Tài chính.";
            return RedirectToPage("/Estimates/Details", new { id });
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostAssignAsync(CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, Policies.ManageEstimates)).Succeeded)
        {
            return Forbid();
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var amount = ModelState.ReadAmount("Assign.Amount", Assign.Amount, "Dự toán được giao");
        if (!ModelState.IsValid || amount is null)
        {
            return Page();
        }

        try
        {
            await query.AssignAsync(Code, Funding.Year, Assign.ItemId, Assign.ConcurrencyStamp, amount.Value, Assign.DecisionReference ?? "", ct);
        }
        catch (ConcurrencyConflictException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, "Assign");
            return Page();
        }

        TempData["Success"] = "Đã ghi dự toán được giao.";
        return RedirectToPage(new { program = Code, year = Funding.Year });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        try
        {
            var request = await query.BuildAsync(Code, Year ?? VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime).Year + 1, ct);
            if (request is null)
            {
                return false;
            }

            Funding = request;
            return true;
        }
        catch (DomainException)
        {
            var request = await query.BuildAsync(Code, 2026, ct);
            if (request is null)
            {
                return false;
            }

            Funding = request;
            return true;
        }
    }
}

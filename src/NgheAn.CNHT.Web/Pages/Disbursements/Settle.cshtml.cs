using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Disbursements;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Authorization;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.Disbursements;

/// <summary>Settlement (quyết toán) of an accepted proposal, by the Support Center.</summary>
[Authorize(Policy = Policies.RecordDisbursements)]
public sealed class SettleModel(LedgerService ledger, LedgerQueries queries, IAppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int ProposalId { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ProposalBalance Balance { get; private set; } = null!;
    public decimal ApprovedTotalCost { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vui lòng nhập số quyết định quyết toán.")]
        [StringLength(100, ErrorMessage = "Số quyết định dài tối đa 100 ký tự.")]
        [Display(Name = "Số quyết định quyết toán")]
        public string? DecisionNumber { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập ngày quyết toán.")]
        [Display(Name = "Ngày quyết toán")]
        public DateOnly? SettlementDate { get; set; }

        [Display(Name = "Tổng kinh phí quyết toán (đồng)")]
        public string? SettledTotalCost { get; set; }

        [Display(Name = "Ngân sách tỉnh quyết toán (đồng)")]
        public string? SettledProvincialShare { get; set; }

        [StringLength(4000, ErrorMessage = "Ghi chú dài tối đa 4000 ký tự.")]
        [Display(Name = "Ghi chú")]
        public string? Comment { get; set; }

        /// <summary>The ledger's version when the form was opened (LedgerService.VersionAsync).</summary>
        [Display(Name = "Phiên bản")]
        public string? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Input.SettlementDate = VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime);
        Input.SettledTotalCost = VnFormat.Dong(ApprovedTotalCost);
        Input.SettledProvincialShare = VnFormat.Dong(Balance.ApprovedProvincialShare);
        Input.Version = await ledger.VersionAsync(ProposalId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var total = ModelState.ReadAmount("Input.SettledTotalCost", Input.SettledTotalCost, "Tổng kinh phí quyết toán");
        var share = ModelState.ReadAmount("Input.SettledProvincialShare", Input.SettledProvincialShare, "Ngân sách tỉnh quyết toán");
        if (!ModelState.IsValid || total is null || share is null)
        {
            return Page();
        }

        try
        {
            await ledger.SettleAsync(new SettleInput(ProposalId, Input.DecisionNumber!, Input.SettlementDate!.Value, total.Value, share.Value, Input.Comment, Input.Version), ct);
        }
        catch (ConcurrencyConflictException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            ModelState.Remove("Input.Version");
            Input.Version = await ledger.VersionAsync(ProposalId, ct);
            return Page();
        }
        catch (DomainException ex)
        {
            // The domain names the decision number SettlementDecisionNumber; on this form it is Input.DecisionNumber (ADR 0129).
            ModelState.AddDomainError(ex, fieldMap: new Dictionary<string, string> { ["SettlementDecisionNumber"] = nameof(InputModel.DecisionNumber) });
            return Page();
        }

        TempData["Success"] = $"Đã quyết toán đề án {Balance.Code}. Từ nay các báo cáo dùng số quyết toán.";
        return RedirectToPage("./Index", new { proposal = ProposalId });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var balance = await queries.BalanceAsync(ProposalId, ct);
        if (balance is null)
        {
            return false;
        }

        Balance = balance;
        ApprovedTotalCost = await db.Proposals.Where(p => p.Id == ProposalId).Select(p => p.ApprovedTotalCost ?? 0m).SingleAsync(ct);
        return true;
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Disbursements;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Web.Authorization;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.Disbursements;

[Authorize(Policy = Policies.RecordDisbursements)]
public sealed class RecordModel(LedgerService ledger, LedgerQueries queries, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int ProposalId { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ProposalBalance Balance { get; private set; } = null!;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vui lòng nhập ngày chứng từ.")]
        [Display(Name = "Ngày chứng từ")]
        public DateOnly? EntryDate { get; set; }

        [Display(Name = "Số tiền (đồng)")]
        public string? Amount { get; set; }

        [Display(Name = "Nguồn kinh phí")]
        public FundingSource Source { get; set; } = FundingSource.ProvincialBudget;

        [Display(Name = "Loại bút toán")]
        public DisbursementKind Kind { get; set; } = DisbursementKind.Advance;

        [Required(ErrorMessage = "Vui lòng nhập số chứng từ.")]
        [StringLength(50, ErrorMessage = "Số chứng từ dài tối đa 50 ký tự.")]
        [Display(Name = "Số chứng từ")]
        public string? VoucherNumber { get; set; }

        [StringLength(1000, ErrorMessage = "Ghi chú dài tối đa 1000 ký tự.")]
        [Display(Name = "Ghi chú")]
        public string? Note { get; set; }

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

        Input.EntryDate = VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime);
        Input.Version = await ledger.VersionAsync(ProposalId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var amount = ModelState.ReadAmount("Input.Amount", Input.Amount, "Số tiền");
        if (!ModelState.IsValid || amount is null)
        {
            return Page();
        }

        try
        {
            await ledger.RecordAsync(new RecordEntryInput(ProposalId, Input.EntryDate!.Value, amount.Value, Input.Source, Input.Kind, Input.VoucherNumber!, Input.Note, Input.Version), ct);
        }
        catch (ConcurrencyConflictException ex)
        {
            // The balance shown is now the current one; posting again is a deliberate choice on it.
            ModelState.AddModelError(string.Empty, ex.Message);
            ModelState.Remove("Input.Version");
            Input.Version = await ledger.VersionAsync(ProposalId, ct);
            return Page();
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex);
            return Page();
        }

        TempData["Success"] = $"Đã ghi {DisbursementEntry.KindDisplayName(Input.Kind).ToLowerInvariant()} {VnFormat.Dong(amount.Value)} đồng cho đề án {Balance.Code}.";
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
        return true;
    }
}

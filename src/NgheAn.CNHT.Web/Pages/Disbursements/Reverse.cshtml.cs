using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Disbursements;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Authorization;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.Disbursements;

[Authorize(Policy = Policies.RecordDisbursements)]
public sealed class ReverseModel(LedgerService ledger, LedgerQueries queries, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public LedgerRow Entry { get; private set; } = null!;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vui lòng nhập ngày chứng từ.")]
        [Display(Name = "Ngày bút toán đảo")]
        public DateOnly? EntryDate { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập số chứng từ.")]
        [StringLength(50, ErrorMessage = "Số chứng từ dài tối đa 50 ký tự.")]
        [Display(Name = "Số chứng từ")]
        public string? VoucherNumber { get; set; }

        [Required(ErrorMessage = "Vui lòng nêu lý do đảo bút toán.")]
        [StringLength(1000, ErrorMessage = "Lý do dài tối đa 1000 ký tự.")]
        [Display(Name = "Lý do")]
        public string? Reason { get; set; }

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
        Input.VoucherNumber = $"{Entry.VoucherNumber}-ĐẢO";
        Input.Version = await ledger.VersionAsync(Entry.ProposalId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await ledger.ReverseAsync(new ReverseEntryInput(Id, Input.EntryDate!.Value, Input.VoucherNumber!, Input.Reason!, Input.Version), ct);
        }
        catch (ConcurrencyConflictException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            ModelState.Remove("Input.Version");
            Input.Version = await ledger.VersionAsync(Entry.ProposalId, ct);
            return Page();
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, fieldMap: new Dictionary<string, string> { ["Note"] = "Reason" });
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        TempData["Success"] = $"Đã ghi bút toán đảo cho chứng từ {Entry.VoucherNumber}.";
        return RedirectToPage("./Index", new { proposal = Entry.ProposalId });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var page = await queries.RegisterAsync(new LedgerFilter(EntryId: Id), ct);
        if (page.Rows.Count == 0)
        {
            return false;
        }

        Entry = page.Rows[0];
        return true;
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Authorization;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.Catalog;

/// <summary>Revises one content item's period plan target; the history is kept.</summary>
[Authorize(Policy = Policies.ManageCatalog)]
public sealed class PlanModel(CatalogService catalog, IAppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ItemView Item { get; private set; } = null!;
    public IReadOnlyList<PlanRevisionView> History { get; private set; } = [];

    public sealed record ItemView(string ProgramCode, bool ProgramLocked, string GroupCode, string Code, string Name, decimal PlanAmount);

    public sealed class InputModel
    {
        [Display(Name = "Kế hoạch mới (đồng)")]
        public string? NewAmount { get; set; }

        [StringLength(200, ErrorMessage = "Số quyết định dài tối đa 200 ký tự.")]
        [Display(Name = "Số, ngày quyết định điều chỉnh")]
        public string? DecisionReference { get; set; }

        [StringLength(1000, ErrorMessage = "Lý do dài tối đa 1000 ký tự.")]
        [Display(Name = "Lý do")]
        public string? Reason { get; set; }

        /// <summary>The plan's version when the form was opened (CatalogService.PlanVersionAsync).</summary>
        [Display(Name = "Phiên bản")]
        public string? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Input.NewAmount = VnFormat.Dong(Item.PlanAmount);
        Input.Version = await catalog.PlanVersionAsync(Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var amount = ModelState.ReadAmount("Input.NewAmount", Input.NewAmount, "Kế hoạch mới");
        if (!ModelState.IsValid || amount is null)
        {
            return Page();
        }

        try
        {
            await catalog.RevisePlanAsync(Id, amount.Value, Input.DecisionReference, Input.Reason, Input.Version, ct);
        }
        catch (ConcurrencyConflictException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            ModelState.Remove("Input.Version");
            Input.Version = await catalog.PlanVersionAsync(Id, ct);
            return Page();
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, fieldMap: new Dictionary<string, string> { ["PlanAmount"] = "NewAmount" });
            return Page();
        }

        TempData["Success"] = $"Đã điều chỉnh kế hoạch nội dung {Item.Code} thành {VnFormat.Million(amount.Value)} triệu đồng.";
        return RedirectToPage("./Program", new { code = Item.ProgramCode });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var item = await db.ContentItems.AsNoTracking().Where(i => i.Id == Id)
            .Select(i => new ItemView(i.Group.Program.Code, i.Group.Program.Status != Domain.Catalog.ProgramStatus.Draft, i.Group.Code, i.Code, i.Name, i.PlanAmount))
            .FirstOrDefaultAsync(ct);
        if (item is null)
        {
            return false;
        }

        Item = item;
        History = (await catalog.PlanHistoryAsync(item.ProgramCode, ct)).Where(h => h.ItemCode == item.Code).ToList();
        return true;
    }
}

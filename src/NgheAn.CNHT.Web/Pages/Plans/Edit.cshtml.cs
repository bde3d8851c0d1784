using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Plans;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Authorization;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.Plans;

/// <summary>Enters one content item's yearly plans (ADR 0170); the page says whether they add up to the period plan.</summary>
[Authorize(Policy = Policies.ManageCatalog)]
public sealed class EditModel(YearlyPlanQuery plans, YearlyPlanService service) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public YearlyPlanRow Item { get; private set; } = null!;
    public string ProgramCode { get; private set; } = "";

    public sealed class InputModel
    {
        /// <summary>Amount per year typed the Vietnamese way, in the order of the program's years.</summary>
        [Display(Name = "Kế hoạch năm (đồng)")]
        public List<YearInput> Years { get; set; } = [];

        [Display(Name = "Đây là kế hoạch đã được phê duyệt (bỏ nhãn giá trị minh họa)")]
        public bool Approved { get; set; }

        [StringLength(200, ErrorMessage = "Số quyết định dài tối đa 200 ký tự.")]
        [Display(Name = "Số, ngày quyết định phê duyệt kế hoạch")]
        public string? DecisionReference { get; set; }

        [Display(Name = "Mã phiên bản")]
        public Guid? ConcurrencyStamp { get; set; }
    }

    public sealed class YearInput
    {
        [Display(Name = "Năm")]
        public int Year { get; set; }

        [Display(Name = "Kế hoạch năm (đồng)")]
        public string? Amount { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(fill: true, ct))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(fill: false, ct))
        {
            return NotFound();
        }

        var amounts = new Dictionary<int, decimal>();
        for (var i = 0; i < Input.Years.Count; i++)
        {
            var amount = ModelState.ReadAmount($"Input.Years[{i}].Amount", string.IsNullOrWhiteSpace(Input.Years[i].Amount) ? "0" : Input.Years[i].Amount, $"Kế hoạch năm {Input.Years[i].Year}");
            if (amount is { } value)
            {
                amounts[Input.Years[i].Year] = value;
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await service.SaveAsync(Id, Input.ConcurrencyStamp, amounts, Input.Approved, Input.DecisionReference, ct);
        }
        catch (ConcurrencyConflictException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            ModelState.Remove("Input.ConcurrencyStamp");
            Input.ConcurrencyStamp = Item.Stamp;
            return Page();
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex);
            return Page();
        }

        var saved = await plans.ItemAsync(Id, ct);
        TempData["Success"] = saved?.Row.GapSentence is { } gap
            ? $"Đã lưu kế hoạch năm của nội dung {Item.Code}. {gap}"
            : $"Đã lưu kế hoạch năm của nội dung {Item.Code}; các năm cộng lại đúng bằng kế hoạch giai đoạn.";
        return RedirectToPage("./Index", new { program = ProgramCode });
    }

    private async Task<bool> LoadAsync(bool fill, CancellationToken ct)
    {
        var found = await plans.ItemAsync(Id, ct);
        if (found is null)
        {
            return false;
        }

        Item = found.Value.Row;
        ProgramCode = found.Value.ProgramCode;
        if (fill)
        {
            Input.Years = Item.Years.Select(y => new YearInput { Year = y.Key, Amount = VnFormat.Dong(y.Value) }).ToList();
            Input.ConcurrencyStamp = Item.Stamp;
            Input.DecisionReference = found.Value.Decision;
            Input.Approved = Item.HasYearlyPlan && !Item.IsIllustrative;
        }

        return true;
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Outcomes;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Authorization;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.Outcomes;

/// <summary>Program outcomes (ADR 0173): targets, yearly values with their source, disagreeing values flagged, trend charts.</summary>
public sealed class IndexModel(OutcomeQueries queries, OutcomeService service, IAuthorizationService auth) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "program")]
    [Display(Name = "Chương trình")]
    public string? Program { get; set; }

    [BindProperty]
    public ValueInput Value { get; set; } = new();

    public ProgramOutcomes Outcomes { get; private set; } = null!;

    public sealed class ValueInput
    {
        [Display(Name = "Chỉ tiêu")]
        public int IndicatorId { get; set; }

        [Display(Name = "Năm")]
        public int? Year { get; set; }

        [Display(Name = "Giá trị")]
        public string? Amount { get; set; }

        [StringLength(300, ErrorMessage = "Nguồn dài tối đa 300 ký tự.")]
        [Display(Name = "Nguồn số liệu")]
        public string? Source { get; set; }

        [StringLength(1000, ErrorMessage = "Ghi chú dài tối đa 1000 ký tự.")]
        [Display(Name = "Ghi chú")]
        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostValueAsync(CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, Policies.ManageCatalog)).Succeeded)
        {
            return Forbid();
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var text = (Value.Amount ?? "").Trim().Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        if (!decimal.TryParse(text, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var amount))
        {
            ModelState.AddModelError("Value.Amount", "Giá trị phải là số, ví dụ 9,5 hoặc 85.");
        }

        if (Value.Year is null)
        {
            ModelState.AddModelError("Value.Year", "Vui lòng nhập năm.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await service.AddValueAsync(Value.IndicatorId, Value.Year!.Value, amount, Value.Source ?? "", Value.Note, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, "Value");
            return Page();
        }

        TempData["Success"] = "Đã ghi giá trị chỉ tiêu.";
        return RedirectToPage(new { program = Outcomes.ProgramCode });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var outcomes = await queries.GetAsync(string.IsNullOrWhiteSpace(Program) ? "2026-2030" : Program, ct);
        if (outcomes is null)
        {
            return false;
        }

        Outcomes = outcomes;
        return true;
    }
}

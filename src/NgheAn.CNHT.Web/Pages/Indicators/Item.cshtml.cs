using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Indicators;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Indicators;
using NgheAn.CNHT.Web.Authorization;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.Indicators;

/// <summary>Sets one output indicator of a content item: kind, period target and yearly targets (ADR 0171).</summary>
[Authorize(Policy = Policies.ManageCatalog)]
public sealed class ItemModel(IndicatorQueries queries, IndicatorService service) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ItemIndicators Item { get; private set; } = null!;

    public sealed class InputModel
    {
        [Display(Name = "Loại chỉ tiêu")]
        public IndicatorKind Kind { get; set; }

        [Display(Name = "Chỉ tiêu giai đoạn")]
        public string? PeriodTarget { get; set; }

        [Display(Name = "Chỉ tiêu năm")]
        public List<YearTarget> Years { get; set; } = [];

        [Display(Name = "Đây là chỉ tiêu đã được phê duyệt (bỏ nhãn giá trị minh họa)")]
        public bool Approved { get; set; }

        [Display(Name = "Mã phiên bản")]
        public Guid? ConcurrencyStamp { get; set; }
    }

    public sealed class YearTarget
    {
        [Display(Name = "Năm")]
        public int Year { get; set; }

        [Display(Name = "Chỉ tiêu năm")]
        public string? Target { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(IndicatorKind? kind, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var existing = Item.Indicators.FirstOrDefault(i => i.Kind == kind);
        Input.Kind = existing?.Kind ?? kind ?? IndicatorKinds.All.FirstOrDefault(k => Item.Indicators.All(i => i.Kind != k));
        Input.PeriodTarget = existing is null ? "0" : N(existing.PeriodTarget);
        Input.Years = Enumerable.Range(Item.StartYear, Item.EndYear - Item.StartYear + 1)
            .Select(y => new YearTarget { Year = y, Target = N(existing?.Yearly.GetValueOrDefault(y) ?? 0) }).ToList();
        Input.Approved = existing is { IsIllustrative: false };
        Input.ConcurrencyStamp = existing?.Stamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var period = ReadCount("Input.PeriodTarget", Input.PeriodTarget, "Chỉ tiêu giai đoạn");
        var yearly = new Dictionary<int, decimal>();
        for (var i = 0; i < Input.Years.Count; i++)
        {
            if (ReadCount($"Input.Years[{i}].Target", Input.Years[i].Target, $"Chỉ tiêu năm {Input.Years[i].Year}") is { } v)
            {
                yearly[Input.Years[i].Year] = v;
            }
        }

        if (!ModelState.IsValid || period is null)
        {
            return Page();
        }

        try
        {
            await service.SaveIndicatorAsync(Id, Input.Kind, Input.ConcurrencyStamp, period.Value, yearly, Input.Approved, ct);
        }
        catch (ConcurrencyConflictException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex);
            return Page();
        }

        TempData["Success"] = $"Đã lưu chỉ tiêu \"{Input.Kind.DisplayName()}\" của nội dung {Item.ItemCode}.";
        return RedirectToPage("./Index", new { program = Item.ProgramCode });
    }

    private decimal? ReadCount(string key, string? text, string label)
    {
        var cleaned = (text ?? "").Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (cleaned.Length == 0)
        {
            return 0;
        }

        if (!decimal.TryParse(cleaned, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            ModelState.AddModelError(key, $"{label} phải là số nguyên không âm.");
            return null;
        }

        return value;
    }

    private static string N(decimal v) => v.ToString("#,##0", VnFormat.Culture);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var item = await queries.ForItemAsync(Id, ct);
        if (item is null)
        {
            return false;
        }

        Item = item;
        return true;
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Indicators;

namespace NgheAn.CNHT.Web.Pages.Indicators;

/// <summary>The output indicators of a program: targets, achieved, % per item, group and program (ADR 0171, 0172).</summary>
public sealed class IndexModel(IndicatorReportQuery report, CatalogQueries catalog) : PageModel
{
    public IndicatorReport Report { get; private set; } = null!;
    public IReadOnlyDictionary<string, int> ItemIds { get; private set; } = new Dictionary<string, int>();

    public async Task<IActionResult> OnGetAsync(string? program, CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(program) ? "2026-2030" : program;
        var items = await catalog.GetAsync(code, ct);
        if (items is null)
        {
            return NotFound();
        }

        Report = await report.BuildAsync(code, ct: ct);
        ItemIds = items.Groups.SelectMany(g => g.Items).ToDictionary(i => i.Code, i => i.Id);
        return Page();
    }
}

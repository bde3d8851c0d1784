using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Plans;

namespace NgheAn.CNHT.Web.Pages.Plans;

/// <summary>The two programs' plans and results on one page (ADR 0175).</summary>
public sealed class CompareModel(PeriodComparisonQuery query) : PageModel
{
    public PeriodComparison Comparison { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Comparison = await query.BuildAsync(ct);
}

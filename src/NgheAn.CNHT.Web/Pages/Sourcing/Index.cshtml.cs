using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Sourcing;

namespace NgheAn.CNHT.Web.Pages.Sourcing;

/// <summary>DOIT: the linkage statistics per year (requests, matches, interests) and every sourcing request, paged.</summary>
public sealed class IndexModel(SourcingService sourcing, SourcingStatistics statistics) : PageModel
{
    public IReadOnlyList<LinkageYear> Years { get; private set; } = [];
    public SourcingPage Requests { get; private set; } = null!;

    [FromQuery(Name = "year")]
    [System.ComponentModel.DataAnnotations.Display(Name = "Năm")]
    public int? Year { get; set; }

    [FromQuery(Name = "page")]
    [System.ComponentModel.DataAnnotations.Display(Name = "Trang")]
    public int PageNumber { get; set; } = 1;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Years = await statistics.ByYearAsync(ct);
        Requests = await sourcing.ListAsync(Year, PageNumber, ct);
    }
}

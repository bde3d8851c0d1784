using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Sourcing;

namespace NgheAn.CNHT.Web.Pages.DoanhNghiep.NhuCau;

/// <summary>The enterprise's own sourcing requests (never another's: the organization comes from the account).</summary>
public sealed class IndexModel(SourcingService sourcing) : PageModel
{
    public SourcingPage Requests { get; private set; } = null!;

    [FromQuery(Name = "page")]
    [System.ComponentModel.DataAnnotations.Display(Name = "Trang")]
    public int PageNumber { get; set; } = 1;

    public async Task OnGetAsync(CancellationToken ct) => Requests = await sourcing.ListAsync(null, PageNumber, ct);
}

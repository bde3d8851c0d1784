using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Sourcing;
using NgheAn.CNHT.Web.Pages.Sourcing;

namespace NgheAn.CNHT.Web.Pages.DoanhNghiep.NhuCau;

/// <summary>The buyer's own request: ranked suppliers with reasons, interests, closing. Another enterprise's id is 404.</summary>
public sealed class ChiTietModel(SourcingService sourcing) : PageModel
{
    public SourcingRequestModel Need { get; private set; } = null!;

    [BindProperty]
    [System.ComponentModel.DataAnnotations.Display(Name = "Phiên bản")]
    public Guid? Stamp { get; set; }

    [FromQuery(Name = "page")]
    [System.ComponentModel.DataAnnotations.Display(Name = "Trang")]
    public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await SourcingPages.LoadAsync(this, sourcing, id, PageNumber, "./ChiTiet", r => Need = r, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) =>
        SourcingPages.CloseAsync(this, sourcing, id, Stamp, "./ChiTiet", r => Need = r, ct);
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Sourcing;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Pages.Shared;

namespace NgheAn.CNHT.Web.Pages.Sourcing;

/// <summary>DOIT: any request, its ranked suppliers and interests; closing it.</summary>
public sealed class DetailsModel(SourcingService sourcing) : PageModel
{
    public SourcingRequestModel Need { get; private set; } = null!;

    [BindProperty]
    [System.ComponentModel.DataAnnotations.Display(Name = "Phiên bản")]
    public Guid? Stamp { get; set; }

    [FromQuery(Name = "page")]
    [System.ComponentModel.DataAnnotations.Display(Name = "Trang")]
    public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await SourcingPages.LoadAsync(this, sourcing, id, PageNumber, "./Details", r => Need = r, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) =>
        SourcingPages.CloseAsync(this, sourcing, id, Stamp, "./Details", r => Need = r, ct);
}

/// <summary>The request page's load and close, shared by the buyer's page and DOIT's (one behaviour, two folders).</summary>
public static class SourcingPages
{
    public static async Task<bool> LoadAsync(PageModel page, SourcingService sourcing, int id, int pageNumber, string pageName, Action<SourcingRequestModel> set, CancellationToken ct)
    {
        try
        {
            var view = await sourcing.ViewAsync(id, ct);
            var ranking = await sourcing.RankingAsync(id, pageNumber, ct);
            var pager = new PagerModel(ranking.Page, ranking.PageCount, pageName,
                n => new Dictionary<string, string> { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["page"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                "Phân trang nhà cung ứng phù hợp");
            set(new SourcingRequestModel(view, ranking, pager, true));
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    public static async Task<IActionResult> CloseAsync(PageModel page, SourcingService sourcing, int id, Guid? stamp, string pageName, Action<SourcingRequestModel> set, CancellationToken ct)
    {
        try
        {
            await sourcing.CloseAsync(id, stamp, ct);
            page.TempData["Success"] = "Đã đóng nhu cầu.";
            return page.RedirectToPage(pageName, new { id });
        }
        catch (NotFoundException)
        {
            return page.NotFound();
        }
        catch (DomainException ex)
        {
            page.ModelState.AddModelError(string.Empty, ex.Message);
        }
        catch (ConcurrencyConflictException ex)
        {
            page.ModelState.AddModelError(string.Empty, ex.Message);
        }

        return await LoadAsync(page, sourcing, id, 1, pageName, set, ct) ? page.Page() : page.NotFound();
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Suppliers;

namespace NgheAn.CNHT.Web.Pages.Directory;

/// <summary>The directory's management page for DOIT specialists: the moderation queue and every profile (issue 17).</summary>
public sealed class IndexModel(DirectoryModeration moderation, ProfileImages images) : PageModel
{
    [FromQuery(Name = "q")]
    [Display(Name = "Tìm doanh nghiệp")]
    public string? Query { get; set; }

    [FromQuery(Name = "page")]
    [Display(Name = "Trang")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<PendingChangeRow> Pending { get; private set; } = [];
    public IReadOnlyList<ProfileAdminRow> Profiles { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + DirectoryModeration.PageSize - 1) / DirectoryModeration.PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            PageNumber = 1;
        }

        Pending = await moderation.PendingAsync(ct);
        (Profiles, Total) = await moderation.ProfilesAsync(Query, PageNumber, ct);
    }

    /// <summary>Any profile image, pending ones included, for the reviewer (ADR 0193).</summary>
    public async Task<IActionResult> OnGetImageAsync(Guid id, CancellationToken ct) =>
        await images.ForModerationAsync(id, ct) is { } image ? NgheAn.CNHT.Web.Portal.ProfileImageEndpoints.Private(Response, image) : NotFound();
}

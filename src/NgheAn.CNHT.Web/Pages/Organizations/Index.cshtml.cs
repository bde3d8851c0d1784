using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Organizations;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Web.Authorization;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.Organizations;

public sealed class IndexModel(OrganizationQueries queries, IAuthorizationService auth) : PageModel
{
    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "kind")] public OrganizationKind? Kind { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public OrganizationPage Result { get; private set; } = null!;
    public bool CanCreate { get; private set; }

    public const string FilterCookie = "cnht.organizations.filter";

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Q) || Kind is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (RememberedFilters.Apply(this, FilterCookie, "/Organizations") is { } redirect)
        {
            return redirect;
        }

        Result = await queries.ListAsync(Q, Kind, PageNumber, ct);
        CanCreate = (await auth.AuthorizeAsync(User, Policies.EditProposals)).Succeeded;
        return Page();
    }

    public IDictionary<string, string> RouteValues(int page) => Shared.RouteData.Clean(new Dictionary<string, string?>
    {
        ["q"] = Q,
        ["kind"] = Kind?.ToString(),
        ["page"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
    });
}

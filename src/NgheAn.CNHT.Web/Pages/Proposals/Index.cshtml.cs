using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Web.Authorization;
using NgheAn.CNHT.Web.Rendering;

namespace NgheAn.CNHT.Web.Pages.Proposals;

/// <summary>
/// The register of proposals: filters, search with or without diacritics, sorting and paging, with the
/// totals of the whole filtered set. The last filters are kept in a cookie, so coming back to
/// /Proposals shows the list as the user left it.
/// </summary>
public sealed class IndexModel(ProposalQueries queries, IAuthorizationService auth) : PageModel
{
    public const string FilterCookie = "cnht.proposals.filter";

    [FromQuery(Name = "program")] public string? Program { get; set; }
    [FromQuery(Name = "year")] public int? Year { get; set; }
    /// <summary>"g{id}" for a content group, "i{id}" for one item.</summary>
    [FromQuery(Name = "content")] public string? ContentFilter { get; set; }
    /// <summary>One lead unit by id: the links from an organization's page and the dashboard.</summary>
    [FromQuery(Name = "org")] public int? Org { get; set; }
    /// <summary>Typed: words of a lead unit's name, with or without diacritics, or its tax code.</summary>
    [FromQuery(Name = "lead")] public string? Lead { get; set; }
    [FromQuery(Name = "status")] public ProposalStatus? Status { get; set; }
    [FromQuery(Name = "q")] public string? Q { get; set; }
    /// <summary>Only the proposals the reports count (approved and later).</summary>
    [FromQuery(Name = "counted")] public bool Counted { get; set; }
    [FromQuery(Name = "sort")] public RegisterSort Sort { get; set; } = RegisterSort.Code;
    [FromQuery(Name = "desc")] public bool Desc { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public RegisterPage Result { get; private set; } = null!;
    public ProposalChoices Choices { get; private set; } = null!;
    public bool CanCreate { get; private set; }
    public bool IsFiltered => Program is not null || Year is not null || ContentFilter is not null || Org is not null || Status is not null || Counted || !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrWhiteSpace(Lead);

    /// <summary>
    /// The key under which the page's body is kept rendered (issue 21 § 4): what the body shows — its rows, totals and page
    /// (hashed) and the filter choices (one key per kept choices object) — the query string as typed and whether the user
    /// may create (ADR 0244). A write to a proposal the page does not show leaves the key, and the body rendered before
    /// is served; the key is made from the rows themselves, so it is never older than what it labels.
    /// </summary>
    public string RenderKey { get; private set; } = "";

    /// <summary>The name of the lead unit chosen by <see cref="Org"/>, shown above the list with a way to drop it.</summary>
    public string? OrgName { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "reset")] bool reset, CancellationToken ct)
    {
        if (reset)
        {
            Response.Cookies.Delete(FilterCookie, CookieOptions());
            return RedirectToPage();
        }

        var saved = Request.Cookies[FilterCookie];
        if (Request.Query.Count == 0 && !string.IsNullOrEmpty(saved) && saved.StartsWith('?'))
        {
            return Redirect(Url.Page("./Index") + saved);
        }

        if (!ModelState.IsValid)
        {
            // A hand-edited query string with a value that does not parse: start from a clean register.
            Response.Cookies.Delete(FilterCookie, CookieOptions());
            return RedirectToPage();
        }

        var (groupId, itemId) = ParseContent(ContentFilter);
        (Result, Choices) = await queries.RegisterWithChoicesAsync(new RegisterFilter(Program, Year, groupId, itemId, Org, Status, Q, Sort, Desc, PageNumber, Counted, Lead), ct);
        OrgName = Org is { } orgId ? Choices.Organizations.FirstOrDefault(o => o.Id == orgId)?.Name ?? $"#{orgId}" : null;
        CanCreate = (await auth.AuthorizeAsync(User, Policies.EditProposals)).Succeeded;
        var shown = ContentKey.Of(Result.Rows.Append<object>(Result));
        RenderKey = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{shown}|{ContentKey.IdentityOf(Choices)}|{CanCreate}|{Request.QueryString.Value}");

        var query = QueryString.Create(RouteValues(1).Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)));
        if (IsFiltered || Sort != RegisterSort.Code || Desc)
        {
            Response.Cookies.Append(FilterCookie, query.Value ?? "", CookieOptions());
        }
        else
        {
            Response.Cookies.Delete(FilterCookie, CookieOptions());
        }

        return Page();
    }

    private CookieOptions CookieOptions() => new()
    {
        Path = "/Proposals",
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Lax,
        Secure = Request.IsHttps,
        MaxAge = TimeSpan.FromDays(90),
    };

    public static (int? GroupId, int? ItemId) ParseContent(string? content)
    {
        if (string.IsNullOrEmpty(content) || content.Length < 2 || !int.TryParse(content.AsSpan(1), out var id))
        {
            return (null, null);
        }

        return content[0] switch
        {
            'g' => (id, null),
            'i' => (null, id),
            _ => (null, null),
        };
    }

    /// <summary>The current filters as route values, for sorting and paging links.</summary>
    public Dictionary<string, string> RouteValues(int page, RegisterSort? sort = null, bool? desc = null)
    {
        var s = sort ?? Sort;
        var d = desc ?? Desc;
        return Shared.RouteData.Clean(new Dictionary<string, string?>
        {
            ["program"] = Program,
            ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["content"] = ContentFilter,
            ["org"] = Org?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["lead"] = string.IsNullOrWhiteSpace(Lead) ? null : Lead.Trim(),
            ["status"] = Status?.ToString(),
            ["q"] = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
            ["counted"] = Counted ? "true" : null,
            ["sort"] = s == RegisterSort.Code ? null : s.ToString(),
            ["desc"] = d ? "true" : null,
            ["page"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        });
    }

    /// <summary>The current filters without the one lead unit chosen by id.</summary>
    public Dictionary<string, string> WithoutOrg()
    {
        var values = RouteValues(1);
        values.Remove("org");
        return values;
    }

    /// <summary>Clicking a column sorts by it; clicking it again reverses the order.</summary>
    public Dictionary<string, string> SortRoute(RegisterSort column) =>
        RouteValues(1, column, column == Sort ? !Desc : column is RegisterSort.TotalCost or RegisterSort.ProvincialShare or RegisterSort.Changed);

    public string? AriaSort(RegisterSort column) => column == Sort ? (Desc ? "descending" : "ascending") : null;
}

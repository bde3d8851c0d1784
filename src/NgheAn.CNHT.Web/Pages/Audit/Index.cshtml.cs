using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Auditing;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.Audit;

/// <summary>The audit trail, newest first: who changed what, when, field by field (Admin and DOIT leadership).</summary>
public sealed class IndexModel(AuditQueries queries) : PageModel
{
    [FromQuery(Name = "entity")] public string? Entity { get; set; }
    [FromQuery(Name = "key")] public string? Key { get; set; }
    [FromQuery(Name = "user")] public string? UserFilter { get; set; }
    [FromQuery(Name = "from")] public DateOnly? From { get; set; }
    [FromQuery(Name = "to")] public DateOnly? To { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public AuditPage Result { get; private set; } = new([], 0, 1, AuditQueries.PageSize);
    public IReadOnlyList<string> EntityTypes { get; private set; } = [];
    public string? Problem { get; private set; }

    public const string FilterCookie = "cnht.audit.filter";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (RememberedFilters.Apply(this, FilterCookie, "/Audit") is { } redirect)
        {
            return redirect;
        }

        EntityTypes = await queries.EntityTypesAsync(ct);
        if (!ModelState.IsValid)
        {
            Problem = "Ngày lọc không hợp lệ; vui lòng chọn lại.";
            return Page();
        }

        try
        {
            Result = await queries.SearchAsync(new AuditFilter(Entity, Key, UserFilter, From, To, PageNumber), ct);
        }
        catch (DomainException ex)
        {
            Problem = ex.Message;
        }

        return Page();
    }

    public IDictionary<string, string> RouteValues(int page) => Shared.RouteData.Clean(new Dictionary<string, string?>
    {
        ["entity"] = Entity,
        ["key"] = Key,
        ["user"] = UserFilter,
        ["from"] = From?.ToString("yyyy-MM-dd"),
        ["to"] = To?.ToString("yyyy-MM-dd"),
        ["page"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
    });

    /// <summary>Link to the record an entry is about, where the portal has a page for it.</summary>
    public string? RecordLink(string entityType, string key) => ImportedRows.TryRange(key, out _, out _) ? null : entityType switch
    {
        "Proposal" => Url.Page("/Proposals/Details", new { id = key }),
        "Organization" => Url.Page("/Organizations/Details", new { id = key }),
        _ => null,
    };
}

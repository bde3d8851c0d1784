using System.Security.Claims;
using System.Text;
using NgheAn.CNHT.Domain;

namespace NgheAn.CNHT.Web.Pages.Shared;

/// <summary>
/// The key under which the layout's main menu is kept rendered (ADR 0217): the roles of the user (every policy the menu
/// asks is a role check, <c>Policies</c>) and the sections the path is in (what the menu marks active). The menu holds
/// no user data and no antiforgery token, so two users with the same roles on the same section share one rendering.
/// </summary>
public static class LayoutMenu
{
    /// <summary>Every prefix the layout and <c>_EnterpriseNav</c> mark active (checked by LayoutMenuTests).</summary>
    public static readonly IReadOnlyList<string> Sections =
    [
        "/Proposals", "/Disbursements", "/Estimates", "/Catalog", "/Plans", "/Indicators", "/Outcomes", "/FundingRequests",
        "/SupportRules", "/Organizations", "/Reports", "/Export", "/Import", "/Audit", "/Admin", "/Admin/Users", "/Admin/ApiKeys",
        "/DoanhNghiep", "/DoanhNghiep/HoSo", "/DoanhNghiep/NhuCau", "/Calls", "/Directory", "/Sourcing", "/PublicContent", "/Intake",
        "/Guide", "/Account",
    ];

    public static string Key(ClaimsPrincipal user, string path)
    {
        var key = new StringBuilder(64);
        if (user.Identity?.IsAuthenticated == true)
        {
            foreach (var role in Roles.Known)
            {
                if (user.IsInRole(role))
                {
                    key.Append(role).Append(',');
                }
            }
        }

        key.Append('|');
        if (path == "/")
        {
            key.Append('/');
        }

        for (var i = 0; i < Sections.Count; i++)
        {
            if (path.StartsWith(Sections[i], StringComparison.OrdinalIgnoreCase))
            {
                key.Append(i).Append(',');
            }
        }

        return key.ToString();
    }
}

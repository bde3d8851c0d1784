using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NgheAn.CNHT.Web.Portal;

/// <summary>
/// A public page: knows its language from the address and tells the layout its address in both languages
/// (language switch, canonical and hreflang links) and how it is described to search engines and link previews.
/// </summary>
public abstract class PortalPage : PageModel
{
    public bool English => PortalUrls.IsEnglish(HttpContext);

    protected void Describe(string pathVi, string pathEn, string title, string? description = null)
    {
        ViewData["PathVi"] = pathVi;
        ViewData["PathEn"] = pathEn;
        ViewData["Title"] = title;
        ViewData["Description"] = description;
    }
}

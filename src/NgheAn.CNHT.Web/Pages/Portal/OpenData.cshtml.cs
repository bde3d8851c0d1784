using Microsoft.AspNetCore.OutputCaching;
using NgheAn.CNHT.Web.Portal;

namespace NgheAn.CNHT.Web.Pages.Portal;

/// <summary>The open data page (/du-lieu-mo, /en/open-data): the files, their licence and what they contain.</summary>
[OutputCache(PolicyName = PortalCaching.Policy)]
public sealed class OpenDataModel : PortalPage
{
    public void OnGet() =>
        Describe(PortalUrls.OpenData(false), PortalUrls.OpenData(true), English ? "Open data" : "Dữ liệu mở",
            English ? "The directory of CNHT enterprises as CSV and JSON, CC BY 4.0." : "Danh bạ doanh nghiệp CNHT dạng CSV và JSON, giấy phép CC BY 4.0.");
}

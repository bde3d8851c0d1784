using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using NgheAn.CNHT.Application.Suppliers;
using NgheAn.CNHT.Domain.Suppliers;
using NgheAn.CNHT.Web.Portal;

namespace NgheAn.CNHT.Web.Pages.Portal;

/// <summary>The public directory of CNHT enterprises (/danh-ba, /en/directory): facets, search without diacritics, paging.</summary>
[OutputCache(PolicyName = PortalCaching.Policy)]
public sealed class DirectoryModel(DirectoryQuery directory) : PortalPage
{
    [FromQuery(Name = "q")]
    [Display(Name = "Từ khóa")]
    public string? Query { get; set; }

    [FromQuery(Name = "sector")]
    [Display(Name = "Lĩnh vực")]
    public string? Sector { get; set; }

    [FromQuery(Name = "process")]
    [Display(Name = "Công đoạn sản xuất")]
    public string? Process { get; set; }

    [FromQuery(Name = "cert")]
    [Display(Name = "Chứng nhận")]
    public string? Certification { get; set; }

    [FromQuery(Name = "zone")]
    [Display(Name = "Khu công nghiệp, khu kinh tế")]
    public string? Zone { get; set; }

    [FromQuery(Name = "commune")]
    [Display(Name = "Xã, phường")]
    public string? Commune { get; set; }

    [FromQuery(Name = "size")]
    [Display(Name = "Quy mô lao động")]
    public WorkforceSize? Size { get; set; }

    [FromQuery(Name = "verified")]
    [Display(Name = "Chỉ doanh nghiệp được xác nhận năng lực")]
    public bool Verified { get; set; }

    [FromQuery(Name = "page")]
    [Display(Name = "Trang")]
    public int PageNumber { get; set; } = 1;

    public DirectoryPage Result { get; private set; } = null!;
    public IReadOnlyList<CommuneOption> Communes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // A hand-edited address (?size=abc): the filter is ignored rather than an error shown.
            Size = null;
            PageNumber = 1;
        }

        Query = Query?.Length > 200 ? Query[..200] : Query;
        Result = await directory.SearchAsync(new DirectoryFilter(Query, Sector, Process, Certification, Zone, Commune, Size, Verified, PageNumber), ct);
        Communes = await directory.CommunesAsync(ct);
        Describe(PortalUrls.Directory(false), PortalUrls.Directory(true),
            English ? "Directory of CNHT enterprises" : "Danh bạ doanh nghiệp CNHT",
            English ? "Search supporting-industry suppliers of Nghe An by sector, process, certification, location and size." : "Tìm nhà cung ứng công nghiệp hỗ trợ Nghệ An theo lĩnh vực, công đoạn, chứng nhận, địa bàn và quy mô.");
    }

    /// <summary>The current filters with another page number, as a query string.</summary>
    public string PageLink(int page)
    {
        var values = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                values.Add(key + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("q", Query);
        Add("sector", Sector);
        Add("process", Process);
        Add("cert", Certification);
        Add("zone", Zone);
        Add("commune", Commune);
        Add("size", Size?.ToString());
        Add("verified", Verified ? "true" : null);
        Add("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return PortalUrls.Directory(English) + "?" + string.Join("&", values);
    }
}

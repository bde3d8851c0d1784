using Microsoft.AspNetCore.OutputCaching;
using NgheAn.CNHT.Application.Suppliers;
using NgheAn.CNHT.Web.Portal;

namespace NgheAn.CNHT.Web.Pages.Portal;

/// <summary>The English home page (/en); the Vietnamese one is what an anonymous visitor gets at / (ADR 0180).</summary>
[OutputCache(PolicyName = PortalCaching.Policy)]
public sealed class HomeModel(DirectoryQuery directory) : PortalPage
{
    public DirectoryHome Home { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Home = await directory.HomeAsync(ct);
        Describe(PortalUrls.Home(false), PortalUrls.Home(true), "Nghe An supporting industries",
            "Directory of supporting-industry suppliers in Nghe An province, Vietnam: sectors, processes, certifications, verified capability.");
    }
}

using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Web.Portal;

/// <summary>The public portal's share of the composition root (issue 17): localization, routes, caching.</summary>
public static class PortalSetup
{
    public static IServiceCollection AddPublicPortal(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddPortalCaching();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(VnFormat.Culture);
            o.SupportedCultures = [VnFormat.Culture, PortalCultureProvider.English];
            o.SupportedUICultures = [VnFormat.Culture, PortalCultureProvider.English];
            o.RequestCultureProviders.Clear();
            o.RequestCultureProviders.Add(new PortalCultureProvider());
        });
        return services;
    }

    /// <summary>Public pages: anonymous, each with its English route under /en/ (ADR 0180).</summary>
    public static void Configure(PageConventionCollection pages)
    {
        pages.AllowAnonymousToFolder("/Portal");
        pages.AddPageRoute("/Portal/Directory", "en/directory");
        pages.AddPageRoute("/Portal/Profile", "en/directory/{slug}");
        pages.AddPageRoute("/Portal/OpenData", "en/open-data");
    }
}

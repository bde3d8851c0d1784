using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace NgheAn.CNHT.Web.Portal;

/// <summary>
/// The language of a request comes from its address alone (ADR 0180): /en/... is English, everything else
/// Vietnamese. No cookie, no Accept-Language: a link or a cached page always shows the language its address says.
/// </summary>
public sealed class PortalCultureProvider : RequestCultureProvider
{
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en-GB");

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        Task.FromResult(PortalUrls.IsEnglish(httpContext) ? new ProviderCultureResult("en-GB") : null);
}

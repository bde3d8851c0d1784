using Microsoft.AspNetCore.OutputCaching;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.Web.Portal;

/// <summary>
/// Public pages and open data files are output-cached (ADR 0183). An entry is keyed by the database's data version
/// (raised by every business write, on any node), so an approved change or a new verification is visible on the
/// next request on the node that made it, and within a second on any other (ADR 0198, 0216) — the cache is invalidated
/// by the data, not by a timer. Signed-in requests are never cached
/// (the default policy), so staff and enterprises always see live pages.
/// </summary>
public static class PortalCaching
{
    public const string Policy = "PublicPortal";

    public static IServiceCollection AddPortalCaching(this IServiceCollection services) =>
        services.AddOutputCache(o => o.AddPolicy(Policy, b => b
            .Expire(TimeSpan.FromMinutes(10))
            .VaryByValue(async (context, ct) =>
            {
                // At most one database read per second for all visitors, and a fresh one after this node's own commits
                // (ADR 0198; IDataVersion reads through the node's DataVersionWatch, ADR 0216): a page served from the cache
                // costs no round trip.
                var version = await context.RequestServices.GetRequiredService<IDataVersion>().CurrentAsync(ct);
                return new KeyValuePair<string, string>("data", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            })));
}

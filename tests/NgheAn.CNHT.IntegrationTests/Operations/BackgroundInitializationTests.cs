using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Operations;

/// <summary>
/// Portal:InitializeInBackground (issue 21, cold start): the portal answers /health/live before the database is prepared,
/// and a page requested meanwhile waits for the migrations and the catalog instead of meeting an empty database.
/// </summary>
public sealed class BackgroundInitializationTests
{
    [Fact]
    public async Task A_page_requested_while_the_database_is_prepared_in_the_background_waits_and_finds_it_ready()
    {
        await using var portal = new CnhtFactory(seedDemoData: false)
        {
            Settings = { ["Portal:InitializeInBackground"] = "true" },
        };
        var client = portal.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        // The sign-in page and the readiness check need the database: they answer once it is migrated and seeded.
        var login = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Empty(await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Database.GetPendingMigrationsAsync()));
        Assert.True(await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Programs.AnyAsync()));
    }
}

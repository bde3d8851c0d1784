using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Infrastructure.Sourcing;
using NgheAn.CNHT.IntegrationTests.PublicPortal;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Sourcing;

/// <summary>The demo data has a few sourcing requests of the fictitious enterprises, said to be illustrative, added once.</summary>
public sealed class SourcingDemoTests(DirectoryPortal portal) : IClassFixture<DirectoryPortal>
{
    [Fact]
    public async Task The_demo_seeder_adds_a_few_illustrative_requests_with_an_interest_once()
    {
        Assert.True(await portal.ScopedAsync(sp => sp.GetRequiredService<SourcingDemoSeeder>().SeedAsync()));
        Assert.False(await portal.ScopedAsync(sp => sp.GetRequiredService<SourcingDemoSeeder>().SeedAsync()));
        var titles = await portal.ReadAsync(db => db.SourcingRequests.Where(r => r.IsSample).Select(r => r.Title).ToListAsync());
        Assert.InRange(titles.Count, 3, 6);
        Assert.All(titles, t => Assert.Contains("minh họa", t, StringComparison.Ordinal));
        Assert.Equal(1, await portal.ReadAsync(db => db.SourcingInterests.CountAsync(i => i.SourcingRequest.IsSample)));

        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var page = await specialist.GetStringAsync("/Sourcing");
        Assert.Contains(titles[0], page);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Suppliers;
using NgheAn.CNHT.IntegrationTests.Enterprises;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.PublicPortal;

/// <summary>
/// Public pages are keyed by the data version read at most once a second, and again after this node's own commits
/// (ADR 0198): a change shows on the next request on the node that made it, and within a second on any other node.
/// </summary>
public sealed class PublicCacheFreshnessTests : IAsyncLifetime, IDisposable
{
    private readonly CnhtFactory _nodeA = new();
    private CnhtFactory _nodeB = null!;

    public async Task InitializeAsync()
    {
        await _nodeA.ScopedAsync(sp => sp.GetRequiredService<DirectoryDemoSeeder>().SeedAsync());
        _nodeB = new CnhtFactory(seedDemoData: false, databasePath: _nodeA.DatabasePath);
        _ = _nodeB.Server;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _nodeB?.Dispose();
        _nodeA.Dispose();
    }

    [Fact]
    public async Task The_version_is_read_once_a_second_and_again_after_a_commit_of_this_node()
    {
        var clock = new MovableClock();
        var watch = new DataVersionWatch(clock);
        var reads = 0;
        long stored = 7;
        Task<long> Read(CancellationToken _)
        {
            reads++;
            return Task.FromResult(stored);
        }

        Assert.Equal(7, await watch.CurrentAsync(Read));
        stored = 8;
        Assert.Equal(7, await watch.CurrentAsync(Read));
        Assert.Equal(1, reads);

        watch.Committed();
        Assert.Equal(8, await watch.CurrentAsync(Read));
        Assert.Equal(2, reads);

        stored = 9;
        clock.Offset += DataVersionWatch.Freshness;
        Assert.Equal(9, await watch.CurrentAsync(Read));
        Assert.Equal(3, reads);
    }

    [Fact]
    public async Task A_change_shows_at_once_on_the_node_that_made_it_and_within_a_second_on_another()
    {
        var slug = await _nodeA.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().SupplierProfiles
            .Where(p => p.IsPublished && p.CapabilityVerifiedOn == null).OrderBy(p => p.Id).Select(p => p.Slug).FirstAsync());
        var onA = _nodeA.CreateClient();
        var onB = _nodeB.CreateClient();
        const string badge = "Đã được Sở Công Thương xác nhận năng lực";
        Assert.DoesNotContain(badge, await onA.GetStringAsync($"/danh-ba/{slug}"));
        Assert.DoesNotContain(badge, await onB.GetStringAsync($"/danh-ba/{slug}"));

        await _nodeA.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var profile = await db.SupplierProfiles.SingleAsync(p => p.Slug == slug);
            var today = DateOnly.FromDateTime(DateTime.Today);
            profile.VerifyCapability(new Actor("chuyenvien@cnht.demo", "Chuyên viên", new HashSet<string> { Roles.DoitSpecialist }), today, null, today);
            return await db.SaveChangesAsync();
        });
        var changedAt = DateTime.UtcNow;

        Assert.Contains(badge, await onA.GetStringAsync($"/danh-ba/{slug}"));
        // Node B learns of it from the database, not from node A: at the latest once its second has passed.
        string page;
        do
        {
            page = await onB.GetStringAsync($"/danh-ba/{slug}");
            if (page.Contains(badge, StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow - changedAt < DataVersionWatch.Freshness + TimeSpan.FromSeconds(2));

        Assert.Contains(badge, page);
    }
}

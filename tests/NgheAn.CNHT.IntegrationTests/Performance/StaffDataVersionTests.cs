using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Performance;

/// <summary>A clock that does not move: whatever is kept "for a second" is kept until something else says otherwise.</summary>
public sealed class FrozenClock : TimeProvider
{
    private readonly DateTimeOffset _at = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _at;
}

/// <summary>A demo portal whose clock never moves (<see cref="FrozenClock"/>).</summary>
public sealed class FrozenClockPortal : CnhtFactory, IAsyncLifetime
{
    public async Task InitializeAsync() => await EnsureDemoUsersAsync();

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FrozenClock()));
    }
}

/// <summary>
/// Staff pages, cached read models and report files read the data version through the node's one-second watch
/// (ADR 0216, amending ADR 0198): any write of this node — a committed transaction, an audited save, a write command
/// outside a transaction — is seen on the next request; a write through another node within the second.
/// </summary>
public sealed class StaffDataVersionTests
{
    private static Task<long> VersionAsync(CnhtFactory node) => node.ScopedAsync(sp => sp.GetRequiredService<IDataVersion>().CurrentAsync());

    private static Task<long> StoredVersionAsync(CnhtFactory node) =>
        node.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Database
            .SqlQueryRaw<long>("SELECT \"Version\" AS \"Value\" FROM \"DataVersions\" WHERE \"Id\" = 1").SingleAsync());

    [Fact]
    public async Task Every_kind_of_write_of_this_node_is_seen_at_once_although_the_clock_never_moves()
    {
        await using var node = new FrozenClockPortal();
        var before = await VersionAsync(node);
        Assert.Equal(before, await VersionAsync(node));

        // A write command outside any transaction (the bulk paths' raise, ExecuteUpdate, raw SQL).
        await node.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync(DataVersion.RaiseSql));
        Assert.Equal(before + DataVersionSteps.OtherStep, await VersionAsync(node));

        // A transaction of this node.
        await node.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync(DataVersion.RaiseSql);
            await tx.CommitAsync();
            return 0;
        });
        Assert.Equal(before + (2 * DataVersionSteps.OtherStep), await VersionAsync(node));

        // An audited business save (the audit interceptor raises the version in its own transaction).
        await node.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var organization = await db.Organizations.OrderBy(o => o.Id).FirstAsync();
            db.Entry(organization).Property("Phone").CurrentValue = "0238 000 0216";
            return await db.SaveChangesAsync();
        });
        var stored = await StoredVersionAsync(node);
        Assert.True(stored > before + (2 * DataVersionSteps.OtherStep));
        Assert.Equal(stored, await VersionAsync(node));

        // Nothing written: the kept reading is used (the clock never moves, so it is never a second old).
        await using var outside = new Microsoft.Data.Sqlite.SqliteConnection(node.ConnectionString);
        await outside.OpenAsync();
        await using (var command = outside.CreateCommand())
        {
            command.CommandText = DataVersion.RaiseSql;
            await command.ExecuteNonQueryAsync();
        }

        Assert.Equal(stored, await VersionAsync(node));
    }

    [Fact]
    public async Task A_change_through_this_node_shows_on_its_next_page_and_through_another_node_within_the_second()
    {
        await using var nodeA = new DemoPortal();
        await nodeA.EnsureDemoUsersAsync();
        await using var nodeB = new CnhtFactory(seedDemoData: false, databasePath: nodeA.DatabasePath);
        var onA = await nodeA.SignInAsAsync("Viewer");
        var onB = await nodeB.SignInAsAsync("Viewer");

        var (id, code) = await nodeA.ScopedAsync(async sp => await sp.GetRequiredService<AppDbContext>().Proposals.AsNoTracking()
            .OrderBy(p => p.Code).Select(p => new ValueTuple<int, string>(p.Id, p.Code)).FirstAsync());
        var register = "/Proposals?q=" + Uri.EscapeDataString(code);
        Assert.Equal(HttpStatusCode.OK, (await onA.GetAsync(register)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync(register)).StatusCode);
        const string renamed = "Đề án đổi tên trên nút A (ADR 0216)";
        Assert.DoesNotContain(renamed, await onB.GetStringAsync(register));

        // A business write through node A: its title and the data version in one transaction.
        await nodeA.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE \"Proposals\" SET \"Title\" = {renamed} WHERE \"Id\" = {id}");
            await db.Database.ExecuteSqlRawAsync(DataVersion.RaiseSql);
            await tx.CommitAsync();
            return 0;
        });

        // Node A: on the very next request, without waiting.
        Assert.Contains(renamed, await onA.GetStringAsync(register));

        // Node B committed nothing: within its second.
        var changedAt = DateTime.UtcNow;
        string html;
        do
        {
            html = await onB.GetStringAsync(register);
            if (html.Contains(renamed, StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow - changedAt < TimeSpan.FromSeconds(4));

        Assert.Contains(renamed, html);
    }
}

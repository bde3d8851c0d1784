using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Auditing;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Auditing;

/// <summary>
/// The audit page on a trail longer than it counts (issue 21, ADR 0243): the count stops at 10.000 and says so, the pages
/// stop at 200, and a user filter finds the accounts whose name begins with what was typed. A real SQLite file, its
/// trail filled with 12.000 made-up entries in one statement.
/// </summary>
public sealed class AuditAtScaleTests(AuditScalePortal portal) : IClassFixture<AuditScalePortal>
{
    private Task<AuditPage> SearchAsync(AuditFilter filter) =>
        portal.ScopedAsync(sp => sp.GetRequiredService<AuditQueries>().SearchAsync(filter));

    [Fact]
    public async Task A_broad_filter_is_counted_up_to_ten_thousand_and_its_pages_stop_at_two_hundred_newest_first()
    {
        var all = await SearchAsync(new AuditFilter());
        Assert.True(all.MoreThanLimit);
        Assert.Equal(AuditQueries.CountLimit, all.TotalCount);
        Assert.Equal(200, all.PageCount);
        Assert.Equal(50, all.Rows.Count);
        Assert.True(all.Rows.Zip(all.Rows.Skip(1)).All(p => p.First.At >= p.Second.At), "newest first");

        // A page past the last offered is the last one, still full.
        var far = await SearchAsync(new AuditFilter(EntityType: "DisbursementEntry", Page: 900));
        Assert.Equal(200, far.Page);
        Assert.Equal(50, far.Rows.Count);
        Assert.True(far.MoreThanLimit);

        // Narrowed by date, the same type is counted exactly: 2019-01-01 07:00 to 2019-01-31 16:59 Vietnam time.
        var january = await SearchAsync(new AuditFilter(EntityType: "DisbursementEntry", From: new DateOnly(2019, 1, 1), To: new DateOnly(2019, 1, 31)));
        Assert.False(january.MoreThanLimit);
        Assert.InRange(january.TotalCount, 700, 745);

        var leader = await portal.SignInAsAsync("DoitLeader");
        var page = System.Net.WebUtility.HtmlDecode(await leader.GetStringAsync("/Audit?entity=DisbursementEntry"));
        Assert.Contains("Hơn 10.000 bản ghi nhật ký · trang 1/200", page);
        Assert.Contains("lọc theo ngày, loại dữ liệu hoặc người thực hiện để xem bản ghi cũ hơn", page);
        Assert.Contains($"{january.TotalCount} bản ghi nhật ký", System.Net.WebUtility.HtmlDecode(
            await leader.GetStringAsync("/Audit?entity=DisbursementEntry&from=2019-01-01&to=2019-01-31")));
    }

    [Fact]
    public async Task A_user_filter_finds_the_accounts_whose_name_begins_with_it_in_any_case()
    {
        // One account: exactly its entries.
        var one = await SearchAsync(new AuditFilter(UserName: "rieng"));
        Assert.Equal(4000, one.TotalCount);
        Assert.All(one.Rows, r => Assert.Equal("rieng@cnht.demo", r.UserName));
        Assert.Equal(4000, (await SearchAsync(new AuditFilter(UserName: "RIENG@cnht"))).TotalCount);

        // Two accounts with that beginning: both, newest first.
        var two = await SearchAsync(new AuditFilter(UserName: "KiemTra"));
        Assert.Equal(8000, two.TotalCount);
        Assert.Equal(["kiemtra.hai@cnht.demo", "kiemtra.mot@cnht.demo"], two.Rows.Select(r => r.UserName).Distinct().Order(StringComparer.Ordinal));
        Assert.True(two.Rows.Zip(two.Rows.Skip(1)).All(p => p.First.At >= p.Second.At), "newest first");
        Assert.Equal(4000, (await SearchAsync(new AuditFilter(UserName: "kiemtra.mot"))).TotalCount);

        // A name no account begins with (a fragment from the middle included) finds nothing.
        Assert.Equal(0, (await SearchAsync(new AuditFilter(UserName: "cnht.demo"))).TotalCount);
        Assert.Equal(0, (await SearchAsync(new AuditFilter(UserName: "khong-co-ai"))).TotalCount);
    }
}

/// <summary>The demo portal with 12.000 made-up entries in its trail, from 2019 on (one an hour), by three accounts: two begin with "kiemtra".</summary>
public sealed class AuditScalePortal : CnhtFactory, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await EnsureDemoUsersAsync();
        await ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            // Raw SQL is a format string: its JSON's braces are doubled.
            await db.Database.ExecuteSqlRawAsync("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12000)
                INSERT INTO "AuditEntries" ("At", "UserName", "EntityType", "EntityKey", "Action", "Changes")
                SELECT strftime('%Y-%m-%d %H:%M:%S', '2019-01-01', '+' || i || ' hours'),
                       CASE i % 3 WHEN 0 THEN 'kiemtra.mot@cnht.demo' WHEN 1 THEN 'kiemtra.hai@cnht.demo' ELSE 'rieng@cnht.demo' END,
                       'DisbursementEntry', 900000 + i, 'Insert', '{{"Amount":[null,' || i || ']}}'
                FROM n
                """);
            return 0;
        });
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.IntegrationTests.Support;
using NgheAn.CNHT.Web.Operations;

namespace NgheAn.CNHT.IntegrationTests.Performance;

/// <summary>
/// Issue 21 (ADR 0240): after a start the pages each role opens first are rendered once in the background through the
/// portal's own pipeline, as a made-up principal of each role, so the first user of each page kind does not pay its
/// compilation. Each renders in full (200, a whole page), nothing is written, and nothing of it reaches a real visitor.
/// </summary>
public sealed class PageWarmUpTests
{
    /// <summary>Every table's row count and the data version: a write of any kind by the warm-up changes one of them.</summary>
    private static async Task<string> FingerprintAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False;Mode=ReadOnly");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var parts = new List<string>();
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM \"{table}\"";
            parts.Add($"{table}={await count.ExecuteScalarAsync()}");
        }

        await using var version = connection.CreateCommand();
        version.CommandText = "SELECT \"Version\" FROM \"DataVersions\" WHERE \"Id\" = 1";
        parts.Add($"version={await version.ExecuteScalarAsync()}");
        return string.Join('\n', parts);
    }

    private static async Task<T> ReadAsync<T>(string path, string sql, Func<SqliteDataReader, T> read)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False;Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), sql);
        return read(reader);
    }

    [Fact]
    public async Task After_a_start_each_role_s_first_pages_are_rendered_once_in_full_and_nothing_is_written()
    {
        var path = Path.Combine(Path.GetTempPath(), "cnht-tests", $"warm-pages-{Guid.NewGuid():N}.db");
        try
        {
            // A first start (no warm-up) prepares the database and its accounts; its fingerprint is what a start leaves.
            await using (var first = new CnhtFactory(seedDemoData: true, path) { KeepDatabase = true })
            {
                await first.EnsureDemoUsersAsync();
                // The news of the development demo (test hosts load none): the warm-up renders the newest article.
                Assert.True(await first.ScopedAsync(sp => sp.GetRequiredService<NgheAn.CNHT.Infrastructure.PublicContent.PublicContentDemoSeeder>().SeedAsync()));
                // The enterprise demo (its accounts, a call, their applications): the warm-up renders an enterprise's pages.
                await first.ScopedAsync(async sp =>
                {
                    await sp.GetRequiredService<NgheAn.CNHT.Infrastructure.Plans.ProgramPlanDemoSeeder>().SeedAsync();
                    await sp.GetRequiredService<NgheAn.CNHT.Infrastructure.Enterprises.EnterpriseDemoSeeder>().SeedAsync();
                    return 0;
                });
            }

            SqliteConnection.ClearAllPools();
            var before = await FingerprintAsync(path);

            await using var portal = new CnhtFactory(seedDemoData: true, path)
            {
                KeepDatabase = true,
                Settings = { [PageWarmUp.Setting] = "true" },
            };
            var warmUp = portal.Services.GetRequiredService<PageWarmUp>();
            await warmUp.Done.WaitAsync(TimeSpan.FromMinutes(3));
            // Nothing written: every table holds the rows it held, and the data version is the one the first start left.
            Assert.Equal(before, await FingerprintAsync(path));

            // Every page of the plan, in its order, rendered in full as its role: the public home, the program page, the
            // directory and the newest news article for a visitor; each staff role's dashboard and first pages.
            // The enterprise: an active, verified account of the organization with the newest application, that application,
            // the organization's newest proposal that is not a draft (read here with SQL of its own).
            var enterprise = await ReadAsync(path, """
                SELECT m."UserName", a."Id",
                       (SELECT max(p."Id") FROM "Proposals" p WHERE p."LeadOrganizationId" = a."OrganizationId" AND p."Status" <> 'Draft')
                FROM "Applications" a
                JOIN "EnterpriseMembers" m ON m."OrganizationId" = a."OrganizationId" AND m."Status" = 'Verified'
                JOIN "AspNetUsers" u ON u."Id" = m."UserId" AND u."IsActive"
                ORDER BY a."Id" DESC, m."Id" DESC LIMIT 1
                """, r => new PageWarmUp.EnterpriseVisit(r.GetString(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetInt32(2)));
            var plan = PageWarmUp.Plan(warmUp.Pages.Select(p => p.Path).FirstOrDefault(p => p.StartsWith("/tin-tuc/", StringComparison.Ordinal))?["/tin-tuc/".Length..], enterprise);
            Assert.Contains(plan, p => p is { Path: "/DoanhNghiep", Role: "Enterprise" });
            Assert.Contains(plan, p => p.Path == $"/Applications/Edit/{enterprise.ApplicationId}");
            Assert.Contains(plan, p => p.Path.StartsWith("/tin-tuc/", StringComparison.Ordinal));
            Assert.Equal(plan.Select(p => (p.Path, p.Role)), warmUp.Pages.Select(p => (p.Path, p.Role)));
            Assert.All(warmUp.Pages, p =>
            {
                Assert.True(p.Status == 200, $"{p.Path} as {p.Role ?? "anonymous"}: {p.Status}");
                Assert.True(p.Bytes > 2000, $"{p.Path} as {p.Role ?? "anonymous"}: {p.Bytes} bytes");
            });
            Assert.Contains(warmUp.Pages, p => p is { Path: "/", Role: null });
            Assert.Contains(warmUp.Pages, p => p is { Path: "/Disbursements", Role: "SupportCenter" });

            // Nothing a real visitor sees changed: signed-out, the staff pages still ask for a sign-in; the home is public.
            var anonymous = portal.CreateClient(new() { AllowAutoRedirect = false });
            var ledger = await anonymous.GetAsync("/Disbursements");
            Assert.Equal(HttpStatusCode.Redirect, ledger.StatusCode);
            Assert.Contains("/Account/Login", ledger.Headers.Location!.OriginalString, StringComparison.Ordinal);
            // The visitor's pages are the public ones: the home, and the English home, which the warm-up's anonymous
            // render stored in the output cache for this very host (https://localhost), the key the test client uses.
            foreach (var page in new[] { "/", "/en" })
            {
                var home = await anonymous.GetAsync(page);
                Assert.Equal(HttpStatusCode.OK, home.StatusCode);
                Assert.DoesNotContain("/Account/Logout", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            var leader = await portal.SignInAsAsync("DoitLeader");
            var dashboard = await leader.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
            Assert.Contains("/Account/Logout", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    [Fact]
    public async Task A_scope_marked_read_only_reads_but_every_write_it_sends_fails()
    {
        await using var portal = new CnhtFactory();
        using var scope = portal.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ReadOnlyWork>().On = true;
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var count = await db.Proposals.CountAsync();
        Assert.True(count > 0);
        Assert.NotNull(await db.Proposals.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Code).FirstOrDefaultAsync());

        // A save (with its audit entry), an ExecuteUpdate and raw SQL: each fails before it is sent, nothing changes.
        var news = new NgheAn.CNHT.Domain.Organizations.Organization("Đơn vị thử chỉ đọc", NgheAn.CNHT.Domain.Organizations.OrganizationKind.StateAgency, null);
        db.Organizations.Add(news);
        var saved = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.StartsWith("A read-only scope sent a write: INSERT", Assert.IsType<InvalidOperationException>(saved.InnerException).Message, StringComparison.Ordinal);
        db.ChangeTracker.Clear();
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Proposals.Where(p => p.Id < 0).ExecuteUpdateAsync(u => u.SetProperty(p => p.Title, "x")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"DataVersions\" SET \"Version\" = \"Version\" + 1"));

        using var other = portal.Services.CreateScope();
        var free = other.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(count, await free.Proposals.CountAsync());
        Assert.False(await free.Organizations.AnyAsync(o => o.Name == "Đơn vị thử chỉ đọc"));
    }

    [Theory]
    [InlineData("SELECT 1", true)]
    [InlineData("-- tag\n  select \"p\".\"Id\" FROM \"Proposals\"", true)]
    [InlineData("WITH x AS (SELECT 1) SELECT * FROM x", true)]
    [InlineData("WITH x AS (SELECT 1) UPDATE \"P\" SET a = 1", false)]
    [InlineData("WITH x AS (SELECT \"UpdatedAt\" FROM t) SELECT * FROM x", true)]
    [InlineData("INSERT INTO t VALUES (1) RETURNING id", false)]
    [InlineData("-- SELECT\nDELETE FROM t", false)]
    [InlineData("PRAGMA wal_checkpoint", false)]
    public void Only_a_select_counts_as_a_read(string sql, bool read) => Assert.Equal(read, ReadOnlyCommandInterceptor.IsRead(sql));

    [Fact]
    public async Task The_warm_up_is_off_in_test_hosts_and_when_configured_off()
    {
        await using var portal = new CnhtFactory();
        var warmUp = portal.Services.GetRequiredService<PageWarmUp>();
        await warmUp.Done.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Empty(warmUp.Pages);
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Reporting;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Reports;

/// <summary>
/// Report downloads are logged by one background writer in batches (ADR 0219): none is lost, each keeps its user, and
/// the download log read right after shows them; a stopping portal saves what is still queued.
/// </summary>
public sealed class ReportDownloadQueueTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private const string Download = "/Reports/View/appendix?handler=Download&program=2018-2025&format=xlsx";

    [Fact]
    public async Task Concurrent_downloads_are_all_logged_with_their_user_and_the_log_shows_them_at_once()
    {
        var viewer = await portal.SignInAsAsync("Viewer");
        var leader = await portal.SignInAsAsync("DoitLeader");
        var before = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().ReportDownloads.CountAsync());

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? viewer : leader).GetAsync(Download)));
        Assert.All(responses, r => r.EnsureSuccessStatusCode());

        // The log page waits for what was queued before it (no flush by the test).
        var page = await leader.GetStringAsync("/Reports/Downloads");
        var logged = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().ReportDownloads.AsNoTracking()
            .OrderBy(d => d.Id).Skip(before).ToListAsync());
        Assert.Equal(40, logged.Count);
        Assert.Equal(20, logged.Count(d => d.UserName == "xem@cnht.demo"));
        Assert.Equal(20, logged.Count(d => d.UserName == "lanhdao@cnht.demo"));
        Assert.All(logged, d => Assert.Equal(("appendix", "xlsx"), (d.ReportKind, d.Format)));
        Assert.Contains("xem@cnht.demo", page, StringComparison.Ordinal);
        Assert.Equal(0, portal.Services.GetRequiredService<ReportDownloadQueue>().Pending);
    }

    [Fact]
    public async Task Concurrent_requests_for_one_file_share_one_rendering_and_get_the_same_bytes()
    {
        var viewer = await portal.SignInAsAsync("Viewer");
        var underWay = portal.Services.GetRequiredService<ReportRendersUnderWay>();
        const string file = "/Reports/View/indicators?handler=Download&program=2018-2025&format=pdf";
        var started = underWay.Started;

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => viewer.GetAsync(file)));
        Assert.All(responses, r => r.EnsureSuccessStatusCode());
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsByteArrayAsync()));
        Assert.All(bodies, b => Assert.Equal(bodies[0], b));
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(bodies[0], 0, 4), StringComparison.Ordinal);
        Assert.Equal(started + 1, underWay.Started);
        Assert.Empty(underWay.Renders);
    }

    [Fact]
    public async Task A_stopping_portal_saves_every_download_still_queued()
    {
        var path = Path.Combine(Path.GetTempPath(), "cnht-tests", $"downloads-{Guid.NewGuid():N}.db");
        try
        {
            int before;
            await using (var stopping = new CnhtFactory(seedDemoData: false, path) { KeepDatabase = true })
            {
                before = await stopping.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().ReportDownloads.CountAsync());
                var queue = stopping.Services.GetRequiredService<ReportDownloadQueue>();
                var at = DateTime.UtcNow;
                for (var i = 0; i < 1_200; i++)
                {
                    await queue.EnqueueAsync(new ReportDownload("stop@cnht.test", "appendix", "pdf", $"n={i}", at));
                }
            }

            SqliteConnection.ClearAllPools();
            await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*), COUNT(DISTINCT Parameters) FROM ReportDownloads WHERE UserName = 'stop@cnht.test'";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal((1_200L, 1_200L), (reader.GetInt64(0), reader.GetInt64(1)));
            Assert.Equal(0, before);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}

using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Reports;

/// <summary>Report downloads are kept under the data version (ADR 0109): the same bytes until the data changes, a new file after.</summary>
public sealed class ReportFileCacheTests
{
    private static readonly ReportRequest Appendix = new(ReportKind.Appendix, "2018-2025");

    private static async Task<byte[]> DownloadAsync(HttpClient client, string format)
    {
        var response = await client.GetAsync($"/Reports/View/appendix?handler=Download&program=2018-2025&format={format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static Task<ReportFile> CachedAsync(CnhtFactory portal, ReportFormat format) =>
        portal.ScopedAsync(sp => sp.GetRequiredService<ReportFileCache>().RenderAsync(Appendix, format));

    [Fact]
    public async Task The_second_download_serves_the_kept_file_and_a_change_to_the_data_gives_a_new_one()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var client = await portal.SignInAsAsync("Viewer");

        var pdf = await DownloadAsync(client, "pdf");
        var xlsx = await DownloadAsync(client, "xlsx");
        Assert.Equal(pdf, await DownloadAsync(client, "pdf"));
        Assert.Equal(xlsx, await DownloadAsync(client, "xlsx"));

        // The same object, not a new rendering that happens to be equal.
        var first = await CachedAsync(portal, ReportFormat.Json);
        Assert.Same(first, await CachedAsync(portal, ReportFormat.Json));
        Assert.DoesNotContain("987654000", Encoding.UTF8.GetString(first.Content));

        // A business write (a plan target revised, audited) raises the data version.
        await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var item = await db.ContentItems.SingleAsync(i => i.Code == "1.1" && i.Group.Program.Code == "2018-2025");
            item.RevisePlan(987_654_000m, "99/QĐ-UBND", "Điều chỉnh kế hoạch (giá trị minh họa)", NgheAn.CNHT.Domain.Common.Actor.System, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        var json = await CachedAsync(portal, ReportFormat.Json);
        Assert.NotSame(first, json);
        Assert.Contains("987654000", Encoding.UTF8.GetString(json.Content));
        Assert.NotEqual(pdf, await DownloadAsync(client, "pdf"));
        var changed = await DownloadAsync(client, "xlsx");
        Assert.NotEqual(xlsx, changed);
        Assert.Equal(changed, await DownloadAsync(client, "xlsx"));

        // The new file is the one a fresh rendering gives.
        var fresh = await portal.ScopedAsync(sp => sp.GetRequiredService<ReportService>().RenderAsync(Appendix, ReportFormat.Json));
        Assert.Equal(WithoutMoment(fresh.Content), WithoutMoment(json.Content));
    }

    private static string WithoutMoment(byte[] json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        Assert.True(node.Remove("generatedAtUtc"), "the report says when it was made");
        return node.ToJsonString();
    }
}

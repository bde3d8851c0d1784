using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Startup;
using NgheAn.CNHT.IntegrationTests.FundingRequests;
using NgheAn.CNHT.IntegrationTests.Plans;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Reports;

/// <summary>
/// A rendered file is kept under its model's content as well as under the data version (ADR 0233): a write that leaves a
/// report's figures and texts as they were serves the file already made; a write that changes them gives a new file, the
/// one a fresh rendering gives. The import template is kept under its catalog the same way.
/// </summary>
public sealed class DownloadsKeptByContentTests
{
    private const string FundingXlsx = "/Reports/View/fundingrequest?handler=Download&program=2026-2030&year=2028&format=xlsx";
    private const string FundingPdf = "/Reports/View/fundingrequest?handler=Download&program=2026-2030&year=2028&format=pdf";
    private const string Template = "/Import?handler=Template&program=2018-2025";
    private static readonly ReportRequest Funding2028 = new(ReportKind.FundingRequest, "2026-2030", 2028, 2028);

    private static async Task<byte[]> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static Task<long> VersionAsync(CnhtFactory portal) => portal.ScopedAsync(sp => sp.GetRequiredService<IDataVersion>().CurrentAsync());

    private static Task<ReportFile> KeptAsync(CnhtFactory portal, ReportFormat format) =>
        portal.ScopedAsync(sp => sp.GetRequiredService<ReportFileCache>().RenderAsync(Funding2028, format));

    [Fact]
    public async Task A_write_that_leaves_the_funding_request_as_it_was_serves_the_kept_file_and_one_that_changes_it_gives_a_new_file()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        await YearlyPlanTests.SeedPlansAsync(portal);
        var viewer = await portal.SignInAsAsync("Viewer");
        var xlsx = await GetAsync(viewer, FundingXlsx);
        var pdf = await GetAsync(viewer, FundingPdf);
        var keptXlsx = await KeptAsync(portal, ReportFormat.Xlsx);
        var keptPdf = await KeptAsync(portal, ReportFormat.Pdf);
        Assert.Equal(xlsx, keptXlsx.Content);
        Assert.Equal(pdf, keptPdf.Content);

        // A proposal received for 2029: a business write (the data version is raised) that the 2028 request does not show.
        var before = await VersionAsync(portal);
        await FundingRequestTests.ProposalAsync(portal, "4.1", 2029, 2029, 100_000_000m, ProposalStatus.Submitted);
        Assert.NotEqual(before, await VersionAsync(portal));
        Assert.Same(keptXlsx, await KeptAsync(portal, ReportFormat.Xlsx));
        Assert.Same(keptPdf, await KeptAsync(portal, ReportFormat.Pdf));
        Assert.Equal(xlsx, await GetAsync(viewer, FundingXlsx));
        Assert.Equal(pdf, await GetAsync(viewer, FundingPdf));

        // A proposal received for 2028 changes the request: new files, with the new figures.
        var item41 = ItemNeed(xlsx, "4.1");
        await FundingRequestTests.ProposalAsync(portal, "4.1", 2028, 2028, 300_000_000m, ProposalStatus.Submitted);
        var changedXlsx = await GetAsync(viewer, FundingXlsx);
        var changedPdf = await GetAsync(viewer, FundingPdf);
        Assert.NotEqual(xlsx, changedXlsx);
        Assert.NotEqual(pdf, changedPdf);
        Assert.NotSame(keptXlsx, await KeptAsync(portal, ReportFormat.Xlsx));
        Assert.Equal(item41 + 300_000_000m, ItemNeed(changedXlsx, "4.1"));
        Assert.Contains(VnFormat.Million(item41 + 300_000_000m), ReportFiles.ReadPdf(changedPdf).SelectMany(p => p.Lines).SelectMany(l => l.Words).ToHashSet());

        // The kept file's figures are those a fresh rendering of the current data gives.
        var fresh = await portal.ScopedAsync(sp => sp.GetRequiredService<ReportService>().RenderAsync(Funding2028, ReportFormat.Xlsx));
        Assert.Equal(ItemNeed(fresh.Content, "4.1"), ItemNeed(changedXlsx, "4.1"));
        Assert.Equal(Totals(fresh.Content), Totals(changedXlsx));
    }

    private static decimal ItemNeed(byte[] xlsx, string item)
    {
        using var book = ReportFiles.OpenWorkbook(xlsx);
        var row = book.Worksheets.Single().RowsUsed().Single(r => r.Cell(1).GetString() == item);
        return ReportFiles.Dong(row.Cell(5));
    }

    private static (decimal, decimal, decimal) Totals(byte[] xlsx)
    {
        using var book = ReportFiles.OpenWorkbook(xlsx);
        var total = book.Worksheets.Single().RowsUsed().Single(r => r.Cell(2).GetString() == "Tổng cộng");
        return (ReportFiles.Dong(total.Cell(3)), ReportFiles.Dong(total.Cell(4)), ReportFiles.Dong(total.Cell(5)));
    }

    [Fact]
    public async Task The_import_template_is_kept_until_the_catalog_changes_and_then_carries_the_change()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        await YearlyPlanTests.SeedPlansAsync(portal);
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var template = await GetAsync(specialist, Template);
        var kept = await portal.ScopedAsync(sp => sp.GetRequiredService<ImportTemplate>().FileAsync("2018-2025"));
        Assert.Equal(template, kept.Content);

        // A write outside the catalog: the same file.
        await FundingRequestTests.ProposalAsync(portal, "4.1", 2028, 2028, 100_000_000m, ProposalStatus.Submitted);
        Assert.Same(kept, await portal.ScopedAsync(sp => sp.GetRequiredService<ImportTemplate>().FileAsync("2018-2025")));
        Assert.Equal(template, await GetAsync(specialist, Template));

        // The catalog changes (an item's period plan revised): a new file, which the import reads with the new plan.
        await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var item = await db.ContentItems.SingleAsync(i => i.Code == "1.1" && i.Group.Program.Code == "2018-2025");
            item.RevisePlan(987_654_000m, "99/QĐ-UBND", "Điều chỉnh kế hoạch (giá trị minh họa)", Actor.System, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        var changed = await GetAsync(specialist, Template);
        Assert.NotEqual(template, changed);
        var read = portal.Scoped(sp => sp.GetRequiredService<IWorkbookReader>().Read(new MemoryStream(changed)));
        Assert.Equal("2018-2025", read.ProgramCode);
        Assert.Equal(987_654_000m, read.ItemPlans!.Single(p => p.ItemCode == "1.1").Plan.Number);
        var before = portal.Scoped(sp => sp.GetRequiredService<IWorkbookReader>().Read(new MemoryStream(template)));
        Assert.NotEqual(987_654_000m, before.ItemPlans!.Single(p => p.ItemCode == "1.1").Plan.Number);
    }

    [Fact]
    public async Task After_a_start_the_templates_and_this_years_funding_request_are_written_in_the_background_and_kept()
    {
        await using var portal = new CnhtFactory
        {
            Settings = { [DownloadWarmUp.Setting] = "true", ["Portal:WarmDownloadsDelaySeconds"] = "0" },
        };
        await portal.Services.GetRequiredService<DownloadWarmUp>().Done.WaitAsync(TimeSpan.FromSeconds(60));
        var keys = ((MemoryCache)portal.Services.GetRequiredService<IMemoryCache>()).Keys.OfType<string>().ToList();
        var programs = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Programs.CountAsync());
        Assert.Equal(programs, keys.Count(k => k.StartsWith("report-content:import-template:", StringComparison.Ordinal)));
        Assert.Contains(keys, k => k.StartsWith("report-file:FundingRequest:", StringComparison.Ordinal) && k.Contains(":Xlsx:", StringComparison.Ordinal));
        Assert.Contains(keys, k => k.StartsWith("report-file:FundingRequest:", StringComparison.Ordinal) && k.Contains(":Pdf:", StringComparison.Ordinal));

        // The first download after the start is the kept file.
        await portal.EnsureDemoUsersAsync();
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var kept = await portal.ScopedAsync(sp => sp.GetRequiredService<ImportTemplate>().FileAsync("2018-2025"));
        Assert.Equal(kept.Content, await GetAsync(specialist, Template));
    }
}

using Microsoft.Playwright;
using NgheAn.CNHT.BrowserTests.Support;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DashboardJourneyTests(BrowserPortal portal)
{
    [Fact]
    public async Task A_viewer_sees_where_the_program_stands_and_each_figure_opens_the_rows_behind_it()
    {
        var (context, page, problems) = await portal.NewPageAsync();
        await using var _ = context;
        await portal.SignInAsync(page, "xem@cnht.demo");
        await page.GotoAsync("/");
        var expected = await Figures.ProgramAsync(portal);

        // Where the program stands, in vi-VN figures, for the current program (2018-2025; the clock is past it, so its last year).
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tổng quan chương trình");
        await Assertions.Expect(page.Locator("#year")).ToHaveValueAsync("2025");
        await Assertions.Expect(page.Locator("[data-figure=plan]")).ToHaveTextAsync(VnFormat.Million(expected.Plan));
        await Assertions.Expect(page.Locator("[data-figure=proposal-count]")).ToHaveTextAsync(expected.Count.ToString(VnFormat.Culture));
        await Assertions.Expect(page.Locator("[data-figure=provincial-share]")).ToHaveTextAsync(VnFormat.Million(expected.Share));
        await Assertions.Expect(page.Locator("[data-figure=disbursed]")).ToHaveTextAsync(VnFormat.Million(expected.Paid));
        // Group 1 is the sample data's alone (journeys write their own proposals in other groups): its share of plan is pinned.
        await Assertions.Expect(page.Locator("#groups-table tr[data-group='1'] [data-percent]")).ToHaveTextAsync("5,34%");

        // Every chart is an image with a name, and its numbers are in a table beside it.
        foreach (var chart in new[] { "chart-overview", "chart-groups", "chart-years" })
        {
            await Assertions.Expect(page.Locator($"svg#{chart}[role=img] title")).ToHaveCountAsync(1);
        }

        await Assertions.Expect(page.Locator("#years-table tbody tr")).ToHaveCountAsync(8);
        await Assertions.Expect(page.Locator("#status-table tbody tr")).ToHaveCountAsync(Enum.GetValues<ProposalStatus>().Length);
        await Assertions.Expect(page.Locator("#waiting")).ToContainTextAsync("không có bước xử lý");
        await Assertions.Expect(page.Locator("#activity .activity-item").First).ToBeVisibleAsync();
        await Ui.AssertAccessibleAsync(page, "dashboard");
        await Ui.ShotsAsync(page, "dashboard-viewer");

        // Printed, the page keeps its figures, charts and tables and drops the header, menu, forms and buttons.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("header.portal-header")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#dashboard-filter")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("svg#chart-years")).ToBeVisibleAsync();
        await page.PdfAsync(new() { Path = Path.Combine(BrowserPortal.OutputFolder, "dashboard-viewer-print.pdf"), Format = "A4", PrintBackground = true });
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // The provincial-share card opens the register of exactly the counted proposals, with the same totals.
        await page.Locator("a.figure-card", new() { Has = page.Locator("[data-figure=provincial-share]") }).ClickAsync();
        await page.WaitForPageAsync(url => url.Contains("/Proposals", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-figure=total-count]")).ToHaveTextAsync(expected.Count.ToString(VnFormat.Culture));
        await Assertions.Expect(page.Locator("#register [data-figure=provincial-share]")).ToHaveTextAsync(VnFormat.Million(expected.Share));
        await Assertions.Expect(page.Locator("#counted")).ToBeCheckedAsync();
        await Ui.AssertAccessibleAsync(page, "register");
        await Ui.ShotsAsync(page, "register-counted-viewer");

        // The disbursed card opens the ledger filtered to provincial budget, with the same total.
        await page.GotoAsync("/");
        await page.Locator("a.figure-card", new() { Has = page.Locator("[data-figure=disbursed]") }).ClickAsync();
        await page.WaitForPageAsync(url => url.Contains("/Disbursements", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-total=provincial]")).ToHaveTextAsync(VnFormat.Dong(expected.Paid));
        await Ui.AssertAccessibleAsync(page, "disbursements");
        await Ui.ShotsAsync(page, "disbursements-viewer");

        // The user guide opens on the viewer's own section.
        await page.GetByRole(AriaRole.Link, new() { Name = "Hướng dẫn sử dụng" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("section.guide-role").First).ToHaveAttributeAsync("data-role", "Viewer");
        await Ui.ShotsAsync(page, "guide-viewer");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

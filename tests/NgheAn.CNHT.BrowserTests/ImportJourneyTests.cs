using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.BrowserTests.Support;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.BrowserTests;

/// <summary>The import pages in Chromium: upload with the progress stream, preview, confirm; a wrong file refused in the page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportJourneyTests(BrowserPortal portal)
{
    /// <summary>Rows of item 3.3 with codes of this run only (BR + a token), so the file is new whatever ran before it.</summary>
    private byte[] Workbook(int rows)
    {
        var run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var proposals = Enumerable.Range(1, rows).Select(i => new ProposalLine($"BR{run}-{i:000}", $"Đề án nhập thử {i}", "3.3", "Báo Nghệ An", null, 2021, 2021,
            10_000_000m, 5_000_000m, ProposalStatus.Approved, $"{i}/QĐ-SCT", new DateOnly(2021, 2, 2), null, null, null, null, null)).ToList();
        using var scope = portal.Factory.Services.CreateScope();
        using var ms = new MemoryStream();
        scope.ServiceProvider.GetRequiredService<IWorkbookWriter>().Write(
            new ProgramWorkbook("2018-2025", "Chương trình", 2018, 2025, null, [], [], proposals, [], IsTemplate: false), ms);
        return ms.ToArray();
    }

    [Fact]
    public async Task A_leader_uploads_a_workbook_of_history_sees_the_preview_and_confirms_with_the_progress_stream()
    {
        var (context, page, problems) = await portal.NewPageAsync();
        await using var _ = context;
        var streamed = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.Contains("/Import", StringComparison.Ordinal) && request.Headers.TryGetValue("accept", out var accept))
            {
                streamed.Add(accept);
            }
        };
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        // Approved history carries leadership's decisions: a leader imports it (ADR 0041).
        await portal.SignInAsync(page, "lanhdao@cnht.demo");

        await page.GotoAsync("/Import");
        await page.Locator("#Input_File").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("#Input_File").SetInputFilesAsync(new FilePayload
        {
            Name = "lich-su-de-an.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = Workbook(300),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên và kiểm tra" }).ClickAsync();
        await page.WaitForPageAsync(url => url.Contains("/Import/Preview/", StringComparison.Ordinal));
        Assert.Equal("300", (await page.Locator("[data-figure=new-proposals]").InnerTextAsync()).Trim());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserPortal.OutputFolder, "import-preview.png"), FullPage = false });

        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận nhập" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã nhập 300 đề án" })).ToBeVisibleAsync(new() { Timeout = 30_000 });

        Assert.Equal(2, streamed.Count);
        Assert.All(streamed, a => Assert.Contains("application/x-ndjson", a));
        // Chromium marks a streamed POST "aborted" when the page moves on right after its last line, although the
        // body was read to the end; what the server did is checked above on the pages that follow.
        var unexpected = problems.Where(p => !(p.StartsWith("request failed:", StringComparison.Ordinal) && p.Contains("/Import", StringComparison.Ordinal) && p.EndsWith("net::ERR_ABORTED", StringComparison.Ordinal))).ToList();
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));
    }

    [Fact]
    public async Task A_file_that_is_not_an_xlsx_is_refused_in_the_page_before_any_upload()
    {
        var (context, page, problems) = await portal.NewPageAsync();
        await using var _ = context;
        var posts = 0;
        page.Request += (_, request) => posts += request.Method == "POST" && request.Url.Contains("/Import", StringComparison.Ordinal) ? 1 : 0;
        await portal.SignInAsync(page, "trungtam@cnht.demo");

        await page.GotoAsync("/Import");
        await page.Locator("#Input_File").SetInputFilesAsync(new FilePayload { Name = "ke-hoach.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên và kiểm tra" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-import-error]")).ToContainTextAsync("Chỉ nhận bảng tính Excel .xlsx.");
        Assert.Equal(0, posts);
        Assert.Empty(problems);
    }
}

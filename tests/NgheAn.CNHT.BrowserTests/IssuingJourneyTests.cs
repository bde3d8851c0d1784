using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using NgheAn.CNHT.BrowserTests.Support;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.BrowserTests;

/// <summary>
/// Leadership issues the report document: the number comes from the register, the Word file and the signed PDF are
/// downloaded, and the link printed beside the QR code on page 1 opens the public verification page, where the
/// downloaded PDF is recognised byte for byte.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class IssuingJourneyTests(BrowserPortal portal)
{
    [GeneratedRegex(@"https?://\S+/xac-thuc/[0-9A-Z]{10}")]
    private static partial Regex VerificationLink();

    private static async Task<(string Name, byte[] Content)> DownloadAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync());
        var path = Path.Combine(BrowserPortal.OutputFolder, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        return (download.SuggestedFilename, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task A_leader_issues_the_report_downloads_word_and_the_signed_pdf_and_the_qr_link_verifies_it()
    {
        var (context, page, problems) = await portal.NewPageAsync();
        await using var _ = context;
        await portal.SignInAsync(page, "lanhdao@cnht.demo");
        await page.GotoAsync("/Reports/Issued/Create");
        await Assertions.Expect(page.Locator("#signing-test")).ToContainTextAsync("CHỨNG THƯ THỬ NGHIỆM");
        await Ui.AssertAccessibleAsync(page, "issue form");
        await Ui.ShotsAsync(page, "issue-form");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ban hành, ký số và chốt số liệu" }).ClickAsync();
        await page.WaitForPageAsync(url => url.Contains("/Reports/Issued/Details/", StringComparison.Ordinal));
        var heading = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync();
        var number = Regex.Match(heading ?? "", @"\d+/BC-SCT").Value;
        Assert.NotEmpty(number);
        await Assertions.Expect(page.Locator("#issued-source")).ToHaveTextAsync("Bản PDF do cổng tạo từ số liệu");
        await Ui.AssertAccessibleAsync(page, "issued report page");
        await Ui.ShotsAsync(page, "issued-report");

        // Word: the text staff finish, with the number the register gave.
        var (docxName, docx) = await DownloadAsync(page, "Tải Word đã ban hành");
        Assert.EndsWith(".docx", docxName, StringComparison.Ordinal);
        using (var word = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            Assert.Contains("Số: " + number, word.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        }

        // The signed PDF: an independent validator agrees.
        var (_, pdf) = await DownloadAsync(page, "Tải PDF đã ban hành");
        var (report, _) = PdfSignatures.PdfSig(pdf);
        Assert.Contains("Signature Validation: Signature is Valid.", report);
        Assert.Contains("Total document signed", report);

        // The short link printed beside the QR code on page 1 is the one the page shows, and it opens anonymously.
        var link = VerificationLink().Match(ReportFiles.PdfText(pdf)).Value;
        Assert.NotEmpty(link);
        await Assertions.Expect(page.Locator("#verification-link")).ToHaveTextAsync(link);
        var (publicContext, visitor, visitorProblems) = await portal.NewPageAsync(390, 844);
        await using var __ = publicContext;
        await visitor.GotoAsync(link);
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Xác thực văn bản số " + number);
        await Assertions.Expect(visitor.Locator("#sha256")).ToHaveTextAsync(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)));
        await Assertions.Expect(visitor.Locator("#test-certificate")).ToBeVisibleAsync();
        var path = Path.Combine(BrowserPortal.OutputFolder, "van-ban-nhan-duoc.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        await visitor.GetByLabel("Tệp PDF", new() { Exact = true }).SetInputFilesAsync(path);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra" }).ClickAsync();
        await Assertions.Expect(visitor.Locator("#check-result")).ToHaveAttributeAsync("data-identical", "true");
        await Ui.AssertAccessibleAsync(visitor, "verification page");
        await Ui.AssertFitsPhoneAsync(visitor, "verification page");
        await Ui.ShotAsync(visitor, "verification-390.png");

        Assert.Empty(visitorProblems);
        Assert.DoesNotContain(problems, p => !p.Contains("handler=Download", StringComparison.Ordinal));
    }
}

using System.IO.Compression;
using System.Net;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Infrastructure.Reporting;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Reports.LargeDownloads;

/// <summary>
/// A portal whose register (demo data and 300 generated proposals) is above the sizes of <see cref="ReportSizeOptions"/>,
/// lowered for the test: its Excel file is written row by row (ADR 0229), its PDF and Word files refused (ADR 0230).
/// </summary>
public sealed class LargeRegisterPortal : CnhtFactory, IAsyncLifetime
{
    public const int StreamedAbove = 50;
    public const int PrintableLimit = 120;

    public LargeRegisterPortal()
    {
        Settings = new Dictionary<string, string?>
        {
            ["ReportSize:StreamedWorkbookRowsAbove"] = StreamedAbove.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ReportSize:PrintableRowLimit"] = PrintableLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public async Task InitializeAsync()
    {
        await EnsureDemoUsersAsync();
        await ScopedAsync(sp => sp.GetRequiredService<ScaleDataSeeder>().SeedAsync(300, 600));
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class LargeRegisterDownloadTests(LargeRegisterPortal portal) : IClassFixture<LargeRegisterPortal>
{
    private const string Register = "/Reports/View/register?program=2018-2025";

    private Task<ProposalRegister> FullRegisterAsync(int? from = null, int? to = null) =>
        portal.ScopedAsync(sp => sp.GetRequiredService<RegisterQuery>().BuildAsync("2018-2025", from, to));

    [Fact]
    public async Task The_downloaded_register_workbook_is_streamed_and_holds_every_row_and_the_totals_of_the_register()
    {
        var register = await FullRegisterAsync();
        Assert.True(register.Rows.Count > 200, $"the register holds the counted generated proposals ({register.Rows.Count})");
        var client = await portal.SignInAsAsync("Viewer");
        var response = await client.GetAsync(Register + "&format=xlsx&handler=Download");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        // Written by the streaming writer: inline strings, no text of a row in the shared-string table.
        using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
        {
            using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
            var xml = await reader.ReadToEndAsync();
            Assert.Contains("t=\"inlineStr\"", xml);
            Assert.Contains(register.Rows[^1].Code, xml);
        }

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var ws = Assert.Single(workbook.Worksheets);
        var header = ws.RowsUsed().First(r => r.Cell(1).GetString() == "STT").RowNumber();
        for (var k = 0; k < register.Rows.Count; k++)
        {
            var row = register.Rows[k];
            var n = header + 1 + k;
            Assert.Equal(k + 1, ws.Cell(n, 1).GetValue<int>());
            Assert.Equal(row.Code, ws.Cell(n, 2).GetString());
            Assert.Equal(row.Title.Normalize(), ws.Cell(n, 3).GetString());
            Assert.Equal(row.ItemCode, ws.Cell(n, 4).GetString());
            Assert.Equal(row.LeadUnit.Normalize(), ws.Cell(n, 5).GetString());
            Assert.Equal(row.Years, ws.Cell(n, 6).GetString());
            Assert.Equal(row.Status.Normalize(), ws.Cell(n, 7).GetString());
            Assert.Equal(row.TotalCost / 1_000_000m, ws.Cell(n, 8).GetValue<decimal>());
            Assert.Equal(row.ProvincialShare / 1_000_000m, ws.Cell(n, 9).GetValue<decimal>());
            Assert.Equal($"H{n}-I{n}", ws.Cell(n, 10).FormulaA1);
        }

        var total = header + 1 + register.Rows.Count;
        Assert.Equal($"Tổng cộng: {register.Total.Count} đề án", ws.Cell(total, 3).GetString());
        Assert.Equal($"SUM(H{header + 1}:H{total - 1})", ws.Cell(total, 8).FormulaA1);
        Assert.Equal($"SUM(I{header + 1}:I{total - 1})", ws.Cell(total, 9).FormulaA1);
        Assert.Equal(register.Total.TotalCost, register.Rows.Sum(r => r.TotalCost));
        // The formulas computed again by ClosedXML give the register's totals.
        Assert.Equal((double)(register.Total.TotalCost / 1_000_000m), ws.Cell(total, 8).GetValue<double>(), 6);
        Assert.Equal((double)(register.Total.ProvincialShare / 1_000_000m), ws.Cell(total, 9).GetValue<double>(), 6);
        // ClosedXML computes a formula over formulas through text in the current culture (vi-VN reads "350042.651" as
        // 350.042.651), so "other sources" of the total row is checked as its formula and the two sums it subtracts.
        Assert.Equal($"H{total}-I{total}", ws.Cell(total, 10).FormulaA1);
        Assert.Equal((double)(register.Total.OtherSources / 1_000_000m), ws.Cell(total, 8).GetValue<double>() - ws.Cell(total, 9).GetValue<double>(), 6);
        Assert.StartsWith("Các đề án đã phê duyệt trở đi", ws.Cell(total + 2, 1).GetString());
    }

    [Fact]
    public async Task The_streamed_workbook_has_the_cells_styles_and_row_heights_of_the_in_memory_workbook()
    {
        var register = await FullRegisterAsync();
        static XLWorkbook Render(ProposalRegister model, int streamedAbove) =>
            new(new MemoryStream(new ReportRenderer(Options.Create(new ReportSizeOptions { StreamedWorkbookRowsAbove = streamedAbove }))
                .Render(model, ReportFormat.Xlsx)));
        using var streamed = Render(register, 0);
        using var classic = Render(register, int.MaxValue);
        var a = streamed.Worksheet(1);
        var b = classic.Worksheet(1);
        Assert.Equal(a.Name, b.Name);
        Assert.Equal(b.LastRowUsed()!.RowNumber(), a.LastRowUsed()!.RowNumber());
        Assert.Equal(b.SheetView.SplitRow, a.SheetView.SplitRow);
        Assert.Equal(b.PageSetup.PageOrientation, a.PageSetup.PageOrientation);
        Assert.Equal(b.MergedRanges.Select(r => r.RangeAddress.ToString()).Order(), a.MergedRanges.Select(r => r.RangeAddress.ToString()).Order());
        for (var r = 1; r <= b.LastRowUsed()!.RowNumber(); r++)
        {
            Assert.Equal(b.Row(r).Height, a.Row(r).Height, 3);
            for (var c = 1; c <= 10; c++)
            {
                var (x, y) = (a.Cell(r, c), b.Cell(r, c));
                var where = $"{y.Address}";
                Assert.True(y.FormulaA1 == x.FormulaA1, $"{where}: formula {x.FormulaA1} ≠ {y.FormulaA1}");
                // ClosedXML keeps the result of the total row's "other sources" (a formula over formulas) as text in the
                // current culture ("350042,651"); the streamed file keeps the number. Same figure either way.
                static string Shown(IXLCell cell) => cell.HasFormula ? cell.GetString().Replace(',', '.') : cell.GetString();
                Assert.True(Shown(y) == Shown(x), $"{where}: value {x.GetString()} ≠ {y.GetString()}");
                Assert.True(y.Style.NumberFormat.Format == x.Style.NumberFormat.Format, $"{where}: number format");
                Assert.True(y.Style.Font.Bold == x.Style.Font.Bold, $"{where}: bold");
                Assert.True(y.Style.Font.FontName == x.Style.Font.FontName, $"{where}: font");
                Assert.True(y.Style.Fill.BackgroundColor == x.Style.Fill.BackgroundColor, $"{where}: fill");
                Assert.True(y.Style.Alignment.Horizontal == x.Style.Alignment.Horizontal, $"{where}: alignment");
                Assert.True(y.Style.Alignment.WrapText == x.Style.Alignment.WrapText, $"{where}: wrap");
                Assert.True(y.Style.Border.BottomBorder == x.Style.Border.BottomBorder, $"{where}: border");
                Assert.True(y.Style.IncludeQuotePrefix == x.Style.IncludeQuotePrefix, $"{where}: quote prefix");
            }
        }
    }

    [Fact]
    public async Task The_register_above_the_printable_limit_refuses_pdf_and_word_with_a_vietnamese_message_and_the_page_says_why()
    {
        var register = await FullRegisterAsync();
        Assert.True(register.Rows.Count > LargeRegisterPortal.PrintableLimit);
        var client = await portal.SignInAsAsync("Viewer");
        foreach (var format in new[] { "pdf", "docx" })
        {
            var response = await client.GetAsync(Register + $"&format={format}&handler=Download");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var page = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location!.OriginalString));
            Assert.Contains($"Danh mục đề án có {register.Rows.Count:#,##0} đề án".Replace(",", ".", StringComparison.Ordinal), page);
            Assert.Contains("nhiều hơn 120 dòng mà tệp PDF hoặc Word có thể chứa", page);
            Assert.Contains("tải tệp Excel", page);
        }

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(Register));
        Assert.Contains("data-printable-refused=\"pdf\"", html);
        Assert.Contains("data-printable-refused=\"docx\"", html);
        Assert.Contains("id=\"printable-limit\"", html);
        Assert.DoesNotContain("data-printable-refused=\"xlsx\"", html);
        Assert.Contains("format=xlsx", html);
    }

    [Fact]
    public async Task A_year_whose_register_is_within_the_limit_still_gives_its_pdf_and_word_files()
    {
        int? year = null;
        for (var y = 2018; y <= 2025 && year is null; y++)
        {
            var count = (await FullRegisterAsync(y, y)).Rows.Count;
            if (count is > 0 and <= LargeRegisterPortal.PrintableLimit)
            {
                year = y;
            }
        }

        Assert.True(year is not null, "some year of the register is within the limit");
        var client = await portal.SignInAsAsync("Viewer");
        var pdf = await client.GetAsync(Register + $"&year={year}&format=pdf&handler=Download");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var docx = await client.GetAsync(Register + $"&year={year}&format=docx&handler=Download");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(Register + $"&year={year}"));
        Assert.DoesNotContain("data-printable-refused", html);
    }
}

using System.Globalization;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Reports;

/// <summary>
/// The appendix of the demo data downloaded as JSON, PDF, Excel and HTML: the numbers read back from the PDF
/// (PdfPig) and from the workbook (values and evaluated formulas) equal the JSON model, and the JSON model
/// equals the fixed figures of the sample proposals (not another copy of the counting rule).
/// </summary>
public sealed class AppendixConsistencyTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private const string Query = "program=2018-2025";

    private async Task<byte[]> DownloadAsync(string format, string query = Query)
    {
        var client = await portal.SignInAsAsync("Viewer");
        var response = await client.GetAsync($"/Reports/View/appendix?handler=Download&{query}&format={format}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Rows of the JSON model by code ("1", "1.1", …, "total"): plan, count, total cost, share, other, percent.</summary>
    private static Dictionary<string, (decimal Plan, int Count, decimal Total, decimal Share, decimal Other, decimal? Percent)> JsonRows(byte[] json)
    {
        using var doc = JsonDocument.Parse(json);
        var rows = new Dictionary<string, (decimal, int, decimal, decimal, decimal, decimal?)>();
        static (decimal, int, decimal, decimal, decimal, decimal?) Figures(JsonElement f) => (
            f.GetProperty("plan").GetDecimal(), f.GetProperty("proposalCount").GetInt32(), f.GetProperty("totalCost").GetDecimal(),
            f.GetProperty("provincialShare").GetDecimal(), f.GetProperty("otherSources").GetDecimal(),
            f.GetProperty("percentOfPlan").ValueKind == JsonValueKind.Null ? null : f.GetProperty("percentOfPlan").GetDecimal());
        foreach (var g in doc.RootElement.GetProperty("groups").EnumerateArray())
        {
            rows[g.GetProperty("code").GetString()!] = Figures(g.GetProperty("figures"));
            foreach (var i in g.GetProperty("items").EnumerateArray())
            {
                rows[i.GetProperty("code").GetString()!] = Figures(i.GetProperty("figures"));
            }
        }

        rows["total"] = Figures(doc.RootElement.GetProperty("total"));
        return rows;
    }

    private static string Percent(decimal? p) => p is null ? "—" : (p.Value / 100m).ToString("0.00%", CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>Per item: proposals, total cost and provincial share of the sample data (DemoDataSeeder's table, in đồng).</summary>
    private static readonly Dictionary<string, (int Count, decimal Total, decimal Share)> SampleItems = new()
    {
        ["1.1"] = (1, 100_000_000m, 94_000_000m),
        ["1.4"] = (3, 185_900_000m, 134_500_000m),
        ["2.2"] = (2, 138_000_000m, 96_000_000m),
        ["3.1"] = (2, 255_000_000m, 220_000_000m),
        ["3.3"] = (7, 25_885_503_000m, 4_465_252_000m),
        ["3.4"] = (1, 300_000_000m, 150_000_000m),
        ["6.1"] = (1, 50_000_000m, 40_000_000m),
        ["6.2"] = (1, 30_000_000m, 25_000_000m),
        ["6.4"] = (1, 120_000_000m, 100_000_000m),
        ["6.5"] = (1, 38_000_000m, 30_000_000m),
        ["7.1"] = (2, 40_590_000m, 40_590_000m),
        ["8.1"] = (1, 105_000_000m, 105_000_000m),
    };

    [Fact]
    public async Task The_json_model_equals_the_fixed_figures_of_the_sample_proposals()
    {
        var json = JsonRows(await DownloadAsync("json"));
        var items = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().ContentItems.AsNoTracking()
            .Where(x => x.Group.Program.Code == "2018-2025")
            .Select(x => new { x.Code, Group = x.Group.Code, x.PlanAmount }).ToListAsync());
        foreach (var item in items)
        {
            var expected = SampleItems.GetValueOrDefault(item.Code);
            var row = json[item.Code];
            Assert.Equal(item.PlanAmount, row.Plan);
            Assert.Equal(expected.Count, row.Count);
            Assert.Equal(expected.Total, row.Total);
            Assert.Equal(expected.Share, row.Share);
            Assert.Equal(row.Total - row.Share, row.Other);
        }

        foreach (var group in items.GroupBy(i => i.Group))
        {
            var mine = group.Select(i => SampleItems.GetValueOrDefault(i.Code)).ToList();
            var plan = group.Sum(i => i.PlanAmount);
            var share = mine.Sum(x => x.Share);
            var row = json[group.Key];
            Assert.Equal(plan, row.Plan);
            Assert.Equal(mine.Sum(x => x.Count), row.Count);
            Assert.Equal(share, row.Share);
            Assert.Equal(plan == 0 ? null : Math.Round(share * 100 / plan, 2, MidpointRounding.AwayFromZero), row.Percent);
        }

        Assert.Equal(23, json["total"].Count);
        Assert.Equal(27_247_993_000m, json["total"].Total);
        Assert.Equal(5_500_342_000m, json["total"].Share);
    }

    [Fact]
    public async Task Every_row_read_back_from_the_pdf_equals_the_json_model()
    {
        var json = JsonRows(await DownloadAsync("json"));
        var pdf = ReportFiles.AppendixRows(await DownloadAsync("pdf"));
        Assert.Equal(json.Count, pdf.Count);
        foreach (var (code, row) in json)
        {
            var printed = pdf[code == "total" ? "Tổng" : code];
            Assert.Equal(row.Plan == 0 ? "—" : VnFormat.Million(row.Plan), printed[0]);
            Assert.Equal(row.Count.ToString(CultureInfo.InvariantCulture), printed[1]);
            Assert.Equal(VnFormat.Million(row.Total), printed[2]);
            Assert.Equal(VnFormat.Million(row.Share), printed[3]);
            Assert.Equal(VnFormat.Million(row.Other), printed[4]);
            Assert.Equal(Percent(row.Percent), printed[5]);
        }
    }

    [Fact]
    public async Task The_pdf_shows_the_reports_figures_for_groups_1_2_and_6_and_the_totals()
    {
        var rows = ReportFiles.AppendixRows(await DownloadAsync("pdf"));
        Assert.Equal("27.247,993", rows["Tổng"][2]);
        Assert.Equal("5.500,342", rows["Tổng"][3]);
        Assert.Equal("5,34%", rows["1"][5]);
        Assert.Equal("10,77%", rows["2"][5]);
        Assert.Equal("4,23%", rows["6"][5]);
    }

    [Fact]
    public async Task The_pdf_is_a4_landscape_with_embedded_liberation_serif_the_header_on_every_page_and_page_numbers_from_page_2()
    {
        var pages = ReportFiles.ReadPdf(await DownloadAsync("pdf"));
        Assert.True(pages.Count >= 2, "the appendix of the demo data spans more than one page");
        foreach (var page in pages)
        {
            Assert.Equal(842, page.Width, 0);
            Assert.Equal(595, page.Height, 0);
            Assert.All(page.Fonts, f => Assert.Contains("Liberation Serif", f, StringComparison.Ordinal));
            // The header row repeats: its first cells are on every page.
            Assert.Contains(page.Lines, l => l.Words.Count >= 2 && l.Words[0] == "TT" && l.Words[1] == "Nội");
        }

        Assert.DoesNotContain(pages[0].Lines[0].Words, w => w == "1");
        for (var i = 1; i < pages.Count; i++)
        {
            var top = pages[i].Lines[0];
            Assert.Equal([(i + 1).ToString(CultureInfo.InvariantCulture)], top.Words);
        }

        var text = string.Join('\n', pages.SelectMany(p => p.Lines).Select(l => l.Text));
        Assert.Contains("KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH PHÁT TRIỂN CÔNG NGHIỆP HỖ TRỢ", text);
        Assert.Contains("Hỗ trợ doanh nghiệp hoàn thiện, đổi mới công nghệ", text);
    }

    [Fact]
    public async Task No_row_is_split_across_pages()
    {
        // Each item code appears once, on the same page as the first line of its name.
        var pages = ReportFiles.ReadPdf(await DownloadAsync("pdf"));
        var codes = pages.SelectMany(p => p.Lines.Where(l => l.Words.Count > 1 && ReportFiles.Count().IsMatch(l.Words[0].Replace(".", "", StringComparison.Ordinal)) && l.Words[0].Contains('.', StringComparison.Ordinal)))
            .Select(l => l.Words[0]).ToList();
        Assert.Equal(codes.Distinct().Count(), codes.Count);
        Assert.Contains("3.4", codes);
        // The row of 3.4 (three lines of text) is whole: its last words are on the page of its code.
        var page = pages.Single(p => p.Lines.Any(l => l.Words[0] == "3.4"));
        Assert.Contains(page.Lines, l => l.Text.Contains("dụng vào sản xuất có kết quả", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_value_and_evaluated_formula_of_the_workbook_equals_the_json_model()
    {
        var json = JsonRows(await DownloadAsync("json"));
        using var workbook = ReportFiles.OpenWorkbook(await DownloadAsync("xlsx"));
        var sheet = workbook.Worksheets.Single();
        Assert.Equal("Phụ lục 2018-2025", sheet.Name);
        var header = ReportFiles.HeaderRow(sheet, "TT");
        var seen = 0;
        foreach (var row in sheet.Rows(header + 1, sheet.LastRowUsed().RowNumber()))
        {
            var code = row.Cell(1).GetString();
            var name = row.Cell(2).GetString();
            var key = name == "Tổng cộng" ? "total" : code;
            if (!json.TryGetValue(key, out var expected))
            {
                continue;
            }

            seen++;
            Assert.Equal(expected.Plan, ReportFiles.Dong(row.Cell(3)));
            Assert.Equal(expected.Count, Convert.ToInt32(row.Cell(4).Value, CultureInfo.InvariantCulture));
            Assert.Equal(expected.Total, ReportFiles.Dong(row.Cell(5)));
            Assert.Equal(expected.Share, ReportFiles.Dong(row.Cell(6)));
            Assert.Equal(expected.Other, ReportFiles.Dong(row.Cell(7)));
            var percent = row.Cell(8).Value;
            if (expected.Percent is null)
            {
                Assert.Equal("—", percent.ToString());
            }
            else
            {
                Assert.Equal(expected.Percent, Math.Round(Convert.ToDecimal(percent, CultureInfo.InvariantCulture) * 100m, 2, MidpointRounding.AwayFromZero));
            }

            // Group and total rows are live formulas; other sources and percentages are formulas on every row.
            var isSum = key == "total" || !code.Contains('.', StringComparison.Ordinal);
            Assert.Equal(isSum, row.Cell(5).HasFormula);
            Assert.Equal(isSum, row.Cell(3).HasFormula);
            Assert.StartsWith(isSum ? "SUM(" : "", row.Cell(5).FormulaA1, StringComparison.Ordinal);
            Assert.True(row.Cell(7).HasFormula);
            Assert.True(row.Cell(8).HasFormula);
        }

        Assert.Equal(json.Count, seen);
    }

    [Fact]
    public async Task Every_formula_is_saved_with_its_result_for_viewers_that_do_not_compute()
    {
        // Read the sheet's XML as a file previewer would: each formula cell carries its value (<v>) next to it (<f>).
        var bytes = await DownloadAsync("xlsx");
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        var sheetXml = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal));
        using var reader = new StreamReader(sheetXml.Open());
        var xml = System.Xml.Linq.XDocument.Parse(await reader.ReadToEndAsync());
        System.Xml.Linq.XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var formulas = xml.Descendants(ns + "c").Where(c => c.Element(ns + "f") is not null).ToList();
        Assert.True(formulas.Count > 50, $"{formulas.Count} formula cells");
        Assert.All(formulas, c => Assert.False(string.IsNullOrEmpty(c.Element(ns + "v")?.Value), $"{c.Attribute("r")?.Value} has no saved result"));

        // The total row's provincial budget is saved as the report's figure (5.500,342 triệu = 5500342000 đồng).
        var json = JsonRows(await DownloadAsync("json"));
        var saved = formulas.Select(c => c.Element(ns + "v")!.Value).ToList();
        Assert.Contains(saved, v => decimal.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && Math.Round(d * 1_000_000m) == json["total"].Share);
    }

    [Fact]
    public async Task The_workbook_is_set_up_to_print_on_a4_landscape_fitted_to_width_with_a_frozen_repeated_header_in_million_dong()
    {
        using var workbook = ReportFiles.OpenWorkbook(await DownloadAsync("xlsx"));
        var sheet = workbook.Worksheets.Single();
        var header = ReportFiles.HeaderRow(sheet, "TT");
        Assert.Equal(header, sheet.SheetView.SplitRow);
        Assert.Equal(XLPaperSize.A4Paper, sheet.PageSetup.PaperSize);
        Assert.Equal(XLPageOrientation.Landscape, sheet.PageSetup.PageOrientation);
        Assert.Equal(1, sheet.PageSetup.PagesWide);
        Assert.Equal(0, sheet.PageSetup.PagesTall);
        Assert.Equal(header, sheet.PageSetup.FirstRowToRepeatAtTop);
        Assert.Contains(sheet.RowsUsed(), r => r.Cells().Any(c => c.GetString() == "Đơn vị: triệu đồng"));
        var total = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "Tổng cộng");
        Assert.Equal("#,##0.000", total.Cell(5).Style.NumberFormat.Format);
        Assert.Equal("0.00%", total.Cell(8).Style.NumberFormat.Format);
        Assert.All(sheet.Columns(1, 9), c => Assert.True(c.Width > 3));
    }

    [Fact]
    public async Task The_html_download_and_the_page_show_the_same_figures()
    {
        var html = System.Text.Encoding.UTF8.GetString(await DownloadAsync("html"));
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<html lang=\"vi\">", html);
        Assert.Contains("27.247,993", html);
        Assert.Contains("5.500,342", html);
        Assert.Contains("Hỗ trợ doanh nghiệp hoàn thiện, đổi mới công nghệ", html);

        var client = await portal.SignInAsAsync("Viewer");
        var page = await client.GetStringAsync("/Reports/View/appendix?" + Query);
        Assert.Contains("id=\"item-3.3\"", page);
        foreach (var figure in new[] { "27.247,993", "5.500,342", "5,34%", "10,77%", "4,23%" })
        {
            Assert.Contains(figure, page);
        }
    }

    [Fact]
    public async Task The_appendix_pdf_renders_with_pdftoppm_for_a_fresh_reader()
    {
        var png = await ReportFiles.RenderFirstPageAsync(await DownloadAsync("pdf"), "phu-luc-cnht-2018-2025");
        var bytes = await File.ReadAllBytesAsync(png);
        Assert.True(bytes.Length > 20_000, $"{png} is only {bytes.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }

    [Fact]
    public async Task A_download_has_a_meaningful_file_name_and_is_recorded()
    {
        var client = await portal.SignInAsAsync("DoitLeader");
        var response = await client.GetAsync("/Reports/View/appendix?handler=Download&program=2018-2025&from=2018&to=2024&format=pdf");
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("phu-luc-cnht-2018-2024.pdf", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));

        var logged = await portal.ScopedAsync(async sp =>
        {
            // Downloads are logged by a background writer (ADR 0219): wait for what was queued before reading the table.
            Assert.True(await sp.GetRequiredService<ReportDownloadQueue>().FlushAsync(TimeSpan.FromSeconds(30)));
            return await sp.GetRequiredService<AppDbContext>().ReportDownloads.AsNoTracking()
                .Where(d => d.UserName == "lanhdao@cnht.demo" && d.ReportKind == "appendix" && d.Format == "pdf").ToListAsync();
        });
        var entry = Assert.Single(logged);
        Assert.Equal("program=2018-2025;from=2018;to=2024", entry.Parameters);
        Assert.True(DateTime.UtcNow - entry.At < TimeSpan.FromMinutes(5));

        var log = await client.GetStringAsync("/Reports/Downloads");
        Assert.Contains("lanhdao@cnht.demo", log);
        Assert.Contains("program=2018-2025;from=2018;to=2024", log);
    }
}

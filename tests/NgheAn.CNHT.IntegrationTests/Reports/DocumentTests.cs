using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Reports;

/// <summary>
/// The report document regenerated from the demo data reads like the seed report's section II.1: a sentence per
/// group and item, then the explanation staff typed, in a Decree 30/2020 layout with the appendix attached.
/// </summary>
public sealed class DocumentTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private Task<ReportDocument> Build(int? from = null, int? to = null) =>
        portal.ScopedAsync(sp => sp.GetRequiredService<DocumentQuery>().BuildAsync("2018-2025", from, to));

    private static string Text(ReportDocument d) => string.Join('\n', d.Body.Select(b => b.Text));

    [Fact]
    public async Task Each_item_gets_a_sentence_in_the_reports_style()
    {
        var text = Text(await Build(2018, 2024));
        Assert.Contains("Khảo sát, đánh giá năng lực doanh nghiệp, xác nhận năng lực doanh nghiệp CNHT, giai đoạn 2018-2024 thực hiện 01 đề án với tổng kinh phí 94 triệu đồng (đạt 12,30% kế hoạch mục tiêu giai đoạn).", text);
        Assert.Contains("Tư vấn hỗ trợ kỹ thuật, quản lý cho các doanh nghiệp CNHT, giai đoạn 2018-2024 chưa thực hiện đề án nào.", text);
        Assert.Contains("giai đoạn 2018-2024 thực hiện 02 đề án với tổng kinh phí 96 triệu đồng (đạt 10,77% kế hoạch mục tiêu giai đoạn).", text);
        Assert.Contains("giai đoạn 2018-2024 thực hiện 01 đề án với tổng kinh phí 100 triệu đồng (đạt 12,50% kế hoạch mục tiêu giai đoạn).", text);
    }

    [Fact]
    public async Task Groups_open_with_their_plan_figures_and_the_whole_program_with_its_totals()
    {
        var d = await Build();
        var text = Text(d);
        Assert.Contains("Giai đoạn 2018-2025, tổng nguồn kinh phí thực hiện chương trình phát triển CNHT là 27.247,993 triệu đồng để thực hiện 23 đề án, trong đó nguồn ngân sách tỉnh hỗ trợ 5.500,342 triệu đồng.", text);
        Assert.Contains("Giai đoạn 2018-2025, kế hoạch giao thực hiện 4.276 triệu đồng; thực hiện 04 đề án với tổng kinh phí thực hiện 285,900 triệu đồng, trong đó nguồn ngân sách tỉnh hỗ trợ 228,500 triệu đồng, đạt 5,34% kế hoạch.", text);
        Assert.Contains("đạt 10,77% kế hoạch.", text);
        Assert.Contains("đạt 4,23% kế hoạch.", text);
        Assert.Contains(d.Body, b => b.Kind == DocumentBlockKind.Subheading && b.Text == "1.3. Hỗ trợ nghiên cứu phát triển, ứng dụng chuyển giao và đổi mới công nghệ trong sản xuất thử nghiệm linh kiện, phụ tùng, nguyên liệu và vật liệu");
        // Groups of one item (5, 7, 8) speak in one paragraph, as the report does.
        Assert.Contains("Giai đoạn 2018-2025, thực hiện 02 đề án với tổng kinh phí thực hiện 40,590 triệu đồng, trong đó nguồn ngân sách tỉnh hỗ trợ 40,590 triệu đồng.", text);
        Assert.DoesNotContain(d.Body, b => b.Key == "item:7.1");
        Assert.Equal("(Có phụ lục báo cáo kèm theo)", d.Body.Single(b => b.Kind == DocumentBlockKind.Reference).Text);
        Assert.EndsWith("./.", d.Closing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_staff_explanation_follows_the_generated_sentence_of_its_item_and_period()
    {
        var client = await portal.SignInAsAsync("DoitSpecialist");
        var form = await client.GetStringAsync("/Reports/Narratives?program=2018-2025&from=2018&to=2024");
        Assert.Contains("Tư vấn hỗ trợ kỹ thuật, quản lý cho các doanh nghiệp CNHT", form);
        var keys = System.Text.RegularExpressions.Regex.Matches(form, "name=\"Input.Rows\\[(\\d+)\\].Key\" value=\"([^\"]+)\"")
            .ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);
        var fields = new Dictionary<string, string>
        {
            ["Input.ProgramCode"] = "2018-2025",
            ["Input.FromYear"] = "2018",
            ["Input.ToYear"] = "2024",
        };
        foreach (var (key, index) in keys)
        {
            fields[$"Input.Rows[{index}].Key"] = key;
        }

        fields[$"Input.Rows[{keys["item:1.2"]}].Text"] = "Do các doanh nghiệp CNHT trên địa bàn còn hạn chế, nhu cầu tư vấn, quản lý của doanh nghiệp không có";
        fields[$"Input.Rows[{keys["group:4"]}].Text"] = "Doanh nghiệp chưa đủ các tiêu chuẩn để áp dụng các hệ thống quản lý.";
        var response = await client.PostFormAsync("/Reports/Narratives?program=2018-2025&from=2018&to=2024", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var text = Text(await Build(2018, 2024));
        Assert.Contains("Tư vấn hỗ trợ kỹ thuật, quản lý cho các doanh nghiệp CNHT, giai đoạn 2018-2024 chưa thực hiện đề án nào. Do các doanh nghiệp CNHT trên địa bàn còn hạn chế, nhu cầu tư vấn, quản lý của doanh nghiệp không có.", text);
        Assert.Contains("Giai đoạn 2018-2024 chưa thực hiện đề án nào. Doanh nghiệp chưa đủ các tiêu chuẩn để áp dụng các hệ thống quản lý.", text);
        // The explanation belongs to its period only, and is the appendix's note too.
        Assert.DoesNotContain("nhu cầu tư vấn, quản lý của doanh nghiệp không có", Text(await Build()));
        var appendix = await portal.ScopedAsync(sp => sp.GetRequiredService<AppendixQuery>().BuildAsync("2018-2025", 2018, 2024));
        Assert.StartsWith("Do các doanh nghiệp CNHT", appendix.Groups[0].Items[1].Note);

        // The page shows it, and emptying the field removes it.
        var page = await client.GetStringAsync("/Reports/View/document?program=2018-2025&from=2018&to=2024");
        Assert.Contains("nhu cầu tư vấn, quản lý của doanh nghiệp không có.", page);
        fields[$"Input.Rows[{keys["item:1.2"]}].Text"] = "";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Reports/Narratives?program=2018-2025&from=2018&to=2024", fields)).StatusCode);
        Assert.DoesNotContain("nhu cầu tư vấn, quản lý", Text(await Build(2018, 2024)));
    }

    [Fact]
    public async Task The_pdf_has_the_decree_30_header_the_body_the_signature_and_the_appendix_in_landscape()
    {
        var d = await Build();
        var pdf = await portal.ScopedAsync(sp => Task.FromResult(sp.GetRequiredService<ReportService>().Render(d, ReportFormat.Pdf).Content));
        var pages = ReportFiles.ReadPdf(pdf);
        var first = string.Join('\n', pages[0].Lines.Select(l => l.Text));
        foreach (var expected in new[] { "UBND TỈNH NGHỆ AN", "SỞ CÔNG THƯƠNG", "Số: …/BC-SCT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Nghệ An, ngày … tháng … năm …", "BÁO CÁO", "DỰ THẢO" })
        {
            Assert.Contains(expected, first);
        }

        Assert.True(pages[0].Height > pages[0].Width, "the text is on A4 portrait");
        var all = ReportFiles.PdfText(pdf);
        Assert.Contains("Nơi nhận:", all);
        Assert.Contains("GIÁM ĐỐC", all);
        Assert.Contains("./.", all);
        Assert.Contains("(Kèm theo Báo cáo số …/BC-SCT ngày … của Sở Công Thương)", all);
        var appendixPages = pages.Where(p => p.Lines.Any(l => l.Text.StartsWith("TT Nội dung hỗ trợ", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(appendixPages);
        Assert.All(appendixPages, p => Assert.True(p.Width > p.Height, "the appendix is on A4 landscape"));
        var rows = ReportFiles.AppendixRows(pdf);
        Assert.Equal("27.247,993", rows["Tổng"][2]);
        Assert.Equal("5,34%", rows["1"][5]);
    }

    [Fact]
    public async Task An_issued_header_fills_number_date_and_signer()
    {
        var header = DocumentHeader.Issued(DocumentHeader.NormalizeNumber("15"), new DateOnly(2026, 1, 5), "KT. GIÁM ĐỐC\nPhó Giám đốc", "Nguyễn Văn A");
        Assert.Equal("Số: 15/BC-SCT", header.NumberLine);
        Assert.Equal("Nghệ An, ngày 05 tháng 01 năm 2026", header.DateLine);
        Assert.Equal(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], header.SignerTitleLines);
        Assert.Equal("(Kèm theo Báo cáo số 15/BC-SCT ngày 05/01/2026 của Sở Công Thương)", header.AppendixReference);
        var d = await portal.ScopedAsync(sp => sp.GetRequiredService<DocumentQuery>().BuildAsync("2018-2025", header: header));
        var text = ReportFiles.PdfText(await portal.ScopedAsync(sp => Task.FromResult(sp.GetRequiredService<ReportService>().Render(d, ReportFormat.Pdf).Content)));
        Assert.Contains("Nguyễn Văn A", text);
        Assert.Contains("PHÓ GIÁM ĐỐC", text);
        Assert.DoesNotContain("DỰ THẢO", text);
    }

    [Fact]
    public async Task The_workbook_has_the_text_sheet_and_the_appendix_sheet()
    {
        var d = await Build();
        using var workbook = ReportFiles.OpenWorkbook(await portal.ScopedAsync(sp => Task.FromResult(sp.GetRequiredService<ReportService>().Render(d, ReportFormat.Xlsx).Content)));
        Assert.Equal(["Báo cáo", "Phụ lục 2018-2025"], workbook.Worksheets.Select(w => w.Name));
        var text = string.Join('\n', workbook.Worksheet("Báo cáo").CellsUsed().Select(c => c.GetString()));
        Assert.Contains("thực hiện 01 đề án với tổng kinh phí 94 triệu đồng (đạt 12,30% kế hoạch mục tiêu giai đoạn)", text);
        Assert.Contains("Nơi nhận:", text);
    }
}

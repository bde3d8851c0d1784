using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Issuing;

/// <summary>Every report kind downloads as Word in the Decree 30 layout; read back: headings, table figures, fonts, page setup.</summary>
public sealed class DocxReportTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private static async Task<byte[]> DownloadAsync(HttpClient client, string kind) =>
        await client.GetByteArrayAsync($"/Reports/View/{kind}?handler=Download&format=docx&program=2018-2025");

    private static List<string> Paragraphs(WordprocessingDocument word) =>
        word.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList();

    [Fact]
    public async Task The_report_document_reads_back_with_the_decree_30_heading_the_figures_as_a_word_table_and_times_new_roman()
    {
        var client = await portal.SignInAsAsync("Viewer");
        var bytes = await DownloadAsync(client, "document");
        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var paragraphs = Paragraphs(word);
        Assert.Contains("UBND TỈNH NGHỆ AN", paragraphs);
        Assert.Contains("SỞ CÔNG THƯƠNG", paragraphs);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", paragraphs);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", paragraphs);
        Assert.Contains("Số: …/BC-SCT", paragraphs);
        Assert.Contains("BÁO CÁO", paragraphs);
        Assert.Contains("Nơi nhận:", paragraphs);
        Assert.Contains(paragraphs, p => p.EndsWith("./.", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Contains("27.247,993 triệu đồng", StringComparison.Ordinal));

        // The appendix is a real Word table: header row repeated, the seed's totals in its cells.
        var tables = word.MainDocumentPart!.Document.Body!.Elements<Table>().ToList();
        var appendix = tables.Single(t => t.Descendants<TableHeader>().Any());
        var cells = appendix.Descendants<TableCell>().Select(c => c.InnerText).ToList();
        Assert.Contains("Tổng cộng", cells);
        Assert.Contains("27.247,993", cells);
        Assert.Contains("5,34%", cells);
        Assert.Contains("10,77%", cells);
        var group1 = appendix.Elements<TableRow>().First(r => r.Elements<TableCell>().First().InnerText == "1");
        Assert.Contains("5,34%", group1.Elements<TableCell>().Select(c => c.InnerText));

        // Fonts: Times New Roman in every slot, Liberation Serif named as its substitute; body 14 pt, justified.
        var fonts = word.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<RunFonts>().Single();
        Assert.Equal("Times New Roman", fonts.Ascii!.Value);
        Assert.Equal("Times New Roman", fonts.HighAnsi!.Value);
        Assert.Equal("Times New Roman", fonts.ComplexScript!.Value);
        var font = word.MainDocumentPart.FontTablePart!.Fonts!.Elements<Font>().Single();
        Assert.Equal("Liberation Serif", font.AltName!.Val!.Value);
        var body = word.MainDocumentPart.Document.Body!.Descendants<Paragraph>().First(p => p.InnerText.Contains("27.247,993 triệu đồng", StringComparison.Ordinal));
        Assert.Equal(JustificationValues.Both, body.ParagraphProperties!.Justification!.Val!.Value);
        Assert.Equal("28", body.Descendants<FontSize>().First().Val!.Value);

        // Portrait text with Decree 30 margins, then the appendix on landscape pages; page numbers not on page 1.
        var sections = word.MainDocumentPart.Document.Body!.Descendants<SectionProperties>().ToList();
        Assert.Equal(2, sections.Count);
        Assert.Null(sections[0].GetFirstChild<PageSize>()!.Orient);
        Assert.Equal(PageOrientationValues.Landscape, sections[1].GetFirstChild<PageSize>()!.Orient!.Value);
        var margin = sections[0].GetFirstChild<PageMargin>()!;
        Assert.Equal(1701u, margin.Left!.Value);
        Assert.Equal(851u, margin.Right!.Value);
        Assert.NotNull(sections[0].GetFirstChild<TitlePage>());
    }

    [Theory]
    [InlineData("appendix", "27.247,993")]
    [InlineData("annual", "Tổng cộng")]
    [InlineData("matrix", "Tổng cộng")]
    [InlineData("register", "Tổng cộng: 23 đề án")]
    public async Task Every_report_kind_downloads_as_word_with_its_table(string kind, string figure)
    {
        var client = await portal.SignInAsAsync("DoitSpecialist");
        var bytes = await DownloadAsync(client, kind);
        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var cells = word.MainDocumentPart!.Document.Body!.Descendants<TableCell>().Select(c => c.InnerText).ToList();
        Assert.Contains(figure, cells);
        Assert.Equal(PageOrientationValues.Landscape, word.MainDocumentPart.Document.Body!.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!.Orient!.Value);
    }

    [Fact]
    public async Task Libreoffice_converts_the_word_file_to_pdf_with_the_figures_intact()
    {
        var client = await portal.SignInAsAsync("Viewer");
        var bytes = await DownloadAsync(client, "document");
        var pdf = await Soffice.ConvertToPdfAsync(bytes, "bao-cao.docx");
        var text = ReportFiles.PdfText(pdf);
        Assert.Contains("27.247,993", text);
        Assert.Contains("5,34%", text);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
    }
}

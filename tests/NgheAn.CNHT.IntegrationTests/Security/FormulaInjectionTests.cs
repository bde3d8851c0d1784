using System.IO.Compression;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.IntegrationTests.Support;
using UglyToad.PdfPig;

namespace NgheAn.CNHT.IntegrationTests.Security;

/// <summary>
/// Text typed into the portal that looks like a spreadsheet formula stays text in every workbook the
/// portal writes (reports and the full export), and reaches the PDF as plain text.
/// </summary>
public sealed class FormulaInjectionTests
{
    private const string Hostile = "=HYPERLINK(\"http://ke-gian.example/\",\"Bấm vào đây\")";

    private static void AssertNoFormulaCarries(byte[] xlsx, string marker)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(sheets);
        var foundAsText = false;
        foreach (var sheet in sheets)
        {
            using var reader = new StreamReader(sheet.Open());
            var xml = reader.ReadToEnd();
            // A formula lives in <f>…</f>; the hostile text must never be one.
            Assert.DoesNotMatch("<f>[^<]*" + System.Text.RegularExpressions.Regex.Escape(marker), xml);
            foundAsText |= xml.Contains(marker, StringComparison.Ordinal);
        }

        var shared = zip.GetEntry("xl/sharedStrings.xml");
        if (shared is not null)
        {
            using var reader = new StreamReader(shared.Open());
            foundAsText |= reader.ReadToEnd().Contains(marker, StringComparison.Ordinal);
        }

        Assert.True(foundAsText, "the text itself is kept, as text");
    }

    [Fact]
    public async Task A_title_that_looks_like_a_formula_stays_text_in_reports_and_in_the_export()
    {
        await using var portal = new CnhtFactory();
        await ProposalArrange.InStatusAsync(portal, ProposalStatus.Approved, title: Hostile);

        var (register, export, pdf) = await portal.ScopedAsync(async sp =>
        {
            var reports = sp.GetRequiredService<ReportService>();
            var xlsx = await reports.RenderAsync(new ReportRequest(ReportKind.Register, "2018-2025"), ReportFormat.Xlsx);
            var pdfFile = await reports.RenderAsync(new ReportRequest(ReportKind.Register, "2018-2025"), ReportFormat.Pdf);
            var model = await sp.GetRequiredService<ExportQuery>().BuildAsync("2018-2025");
            using var stream = new MemoryStream();
            sp.GetRequiredService<IWorkbookWriter>().Write(model, stream);
            return (xlsx.Content, stream.ToArray(), pdfFile.Content);
        });

        AssertNoFormulaCarries(register, "HYPERLINK");
        AssertNoFormulaCarries(export, "HYPERLINK");
        using var document = PdfDocument.Open(pdf);
        var words = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("=HYPERLINK", words);
    }
}

using System.Text.Json;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.CommandLine;

/// <summary>`report KIND --program CODE [--from --to | --year] --format json|pdf|docx|xlsx|html --out FILE` as a real process.</summary>
public sealed class ReportVerbTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), "cnht-tests", $"cli-report-{Guid.NewGuid():N}.db");
    private readonly List<string> _files = [];

    private string Output(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "cnht-tests", $"{Guid.NewGuid():N}-{name}");
        _files.Add(path);
        return path;
    }

    [Fact]
    public async Task Every_kind_is_written_in_the_format_asked_for()
    {
        // The sample table as a start with demo data leaves it (the seed-demo verb has tests of its own, VerbTests).
        CnhtFactory.CopyTemplate(_db, seedDemoData: true);

        var xlsx = Output("phu-luc.xlsx");
        var run = await PortalProcess.RunAsync(_db, "Production", "report", "appendix", "--program", "2018-2025", "--format", "xlsx", "--out", xlsx);
        Assert.True(run.ExitCode == 0, run.StdErr);
        using (var workbook = ReportFiles.OpenWorkbook(await File.ReadAllBytesAsync(xlsx)))
        {
            var total = workbook.Worksheets.Single().RowsUsed().Single(r => r.Cell(2).GetString() == "Tổng cộng");
            Assert.Equal(27_247_993_000m, ReportFiles.Dong(total.Cell(5)));
        }

        var json = Output("nam-2024.json");
        run = await PortalProcess.RunAsync(_db, "Production", "report", "annual", "--program", "2018-2025", "--year", "2024", "--format", "json", "--out", json);
        Assert.True(run.ExitCode == 0, run.StdErr);
        using (var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json)))
        {
            Assert.Equal("Annual", doc.RootElement.GetProperty("kind").GetString());
            Assert.Equal(2024, doc.RootElement.GetProperty("fromYear").GetInt32());
            Assert.Equal(2, doc.RootElement.GetProperty("total").GetProperty("proposalCount").GetInt32());
        }

        var html = Output("ma-tran.html");
        run = await PortalProcess.RunAsync(_db, "Production", "report", "matrix", "--program", "2018-2025", "--from", "2020", "--to", "2022", "--format", "html", "--out", html);
        Assert.True(run.ExitCode == 0, run.StdErr);
        var text = await File.ReadAllTextAsync(html);
        Assert.Contains("Năm 2020", text);
        Assert.DoesNotContain("Năm 2023", text);

        foreach (var kind in new[] { "register", "document" })
        {
            var pdf = Output(kind + ".pdf");
            run = await PortalProcess.RunAsync(_db, "Production", "report", kind, "--program", "2018-2025", "--format", "pdf", "--out", pdf);
            Assert.True(run.ExitCode == 0, run.StdErr);
            Assert.Contains("27.247,993", ReportFiles.PdfText(await File.ReadAllBytesAsync(pdf)));
        }

        // Word (ADR 0130): the document with its appendix as a real table.
        var docx = Output("bao-cao.docx");
        run = await PortalProcess.RunAsync(_db, "Production", "report", "document", "--program", "2018-2025", "--format", "docx", "--out", docx);
        Assert.True(run.ExitCode == 0, run.StdErr);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docx, false))
        {
            var cells = word.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList();
            Assert.Contains("27.247,993", cells);
        }
    }

    [Fact]
    public async Task Bad_report_arguments_fail_with_one_vietnamese_line()
    {
        CnhtFactory.CopyTemplate(_db, seedDemoData: false);
        (string Expected, string[] Args)[] cases =
        [
            ("Loại báo cáo không hợp lệ: summary", ["report", "summary", "--program", "2018-2025", "--format", "pdf", "--out", "x.pdf"]),
            ("Định dạng không hợp lệ: odt", ["report", "register", "--program", "2018-2025", "--format", "odt", "--out", "x.odt"]),
            ("Cách dùng: report appendix|annual|matrix|register|document", ["report"]),
            ("Chỉ dùng --year, hoặc --from và --to; không dùng cả hai.", ["report", "appendix", "--program", "2018-2025", "--year", "2022", "--from", "2019", "--format", "json", "--out", "x.json"]),
        ];
        foreach (var (expected, args) in cases)
        {
            var result = await PortalProcess.RunAsync(_db, "Production", args);
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains(expected, result.StdErr);
            Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in _files.Concat(new[] { "", "-wal", "-shm" }.Select(s => _db + s)))
        {
            File.Delete(file);
        }
    }
}

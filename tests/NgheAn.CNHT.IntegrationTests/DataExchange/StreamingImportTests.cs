using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Infrastructure.DataExchange;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.IntegrationTests.Support;
using Xunit.Abstractions;

namespace NgheAn.CNHT.IntegrationTests.DataExchange;

/// <summary>
/// The import reads workbooks forward with the Open XML SDK (ADR 0108): the same cells as ClosedXML read, the zip-bomb
/// guard names the sheet that would blow up, and a 2.000-proposal program goes out and back in unchanged.
/// </summary>
public sealed class StreamingImportTests(ITestOutputHelper output)
{
    private static string Describe(RawWorkbook raw)
    {
        var text = new StringBuilder();
        text.Append("program=").Append(raw.ProgramCode).AppendLine();
        foreach (var plan in raw.ItemPlans ?? [])
        {
            text.Append("plan ").Append(plan.Row).Append(' ').Append(plan.ItemCode).Append('=').Append(plan.Plan).AppendLine();
        }

        foreach (var sheet in raw.Sheets)
        {
            text.Append("sheet ").Append(sheet.Name).AppendLine();
            foreach (var row in sheet.Rows.Where(r => !r.IsBlank))
            {
                text.Append(row.Number).Append(':');
                foreach (var (column, cell) in row.Cells.Where(c => !c.Value.IsBlank).OrderBy(c => c.Key))
                {
                    text.Append(' ').Append(column).Append('=').Append(cell);
                }

                text.AppendLine();
            }
        }

        return text.ToString();
    }

    [Fact]
    public async Task The_forward_reader_reads_the_export_and_the_template_as_closedxml_does()
    {
        await using var portal = new CnhtFactory();
        foreach (var workbook in new[] { await portal.ExportAsync(), await portal.ExportAsync(template: true), await StreamingExportTests.StreamedAsync(portal) })
        {
            var expected = Describe(new ClosedXmlWorkbookReader().Read(new MemoryStream(workbook)));
            var actual = Describe(new OpenXmlWorkbookReader().Read(new MemoryStream(workbook)));
            Assert.Equal(expected, actual);
            Assert.Contains("sheet DeAn", actual);
        }
    }

    [Fact]
    public async Task A_workbook_whose_sheet_unpacks_to_a_bomb_is_refused_naming_that_sheet()
    {
        await using var portal = new CnhtFactory();
        var export = await portal.ExportAsync();
        using var bomb = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(export)))
        using (var target = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            var deAn = DeAnPart(source);
            foreach (var entry in source.Entries)
            {
                await using var to = target.CreateEntry(entry.FullName, CompressionLevel.Optimal).Open();
                if (entry.FullName == deAn)
                {
                    // 64 MB of whitespace inside the sheet: a few dozen kilobytes packed, thousands of times that unpacked.
                    var head = Encoding.UTF8.GetBytes("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
                    await to.WriteAsync(head);
                    var spaces = new byte[1024 * 1024];
                    Array.Fill(spaces, (byte)' ');
                    for (var i = 0; i < 64; i++)
                    {
                        await to.WriteAsync(spaces);
                    }

                    await to.WriteAsync(Encoding.UTF8.GetBytes("</sheetData></worksheet>"));
                }
                else
                {
                    await using var from = entry.Open();
                    await from.CopyToAsync(to);
                }
            }
        }

        Assert.True(bomb.Length < 2 * 1024 * 1024, $"the bomb is small packed ({bomb.Length:N0} bytes)");
        using var empty = new EmptyPortal();
        var outcome = await empty.ImportAsync(bomb.ToArray());

        Assert.False(outcome.Saved);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(WorkbookLayout.ProposalSheetName, problem.Sheet);
        Assert.Contains("Tệp Excel quá lớn khi giải nén: sheet DeAn giải nén ra 64 MB", problem.Message);
        Assert.Equal(0, (await empty.CountsAsync()).Proposals);
    }

    /// <summary>The part of the DeAn sheet, from the workbook and its relationships.</summary>
    private static string DeAnPart(ZipArchive zip)
    {
        var book = System.Xml.Linq.XDocument.Load(zip.GetEntry("xl/workbook.xml")!.Open());
        var rels = System.Xml.Linq.XDocument.Load(zip.GetEntry("xl/_rels/workbook.xml.rels")!.Open());
        System.Xml.Linq.XNamespace r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var id = book.Descendants().Single(e => e.Name.LocalName == "sheet" && (string?)e.Attribute("name") == "DeAn").Attribute(r + "id")!.Value;
        var target = rels.Root!.Elements().Single(e => (string?)e.Attribute("Id") == id).Attribute("Target")!.Value;
        return target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
    }

    [Fact]
    public async Task A_two_thousand_proposal_program_streamed_out_imports_into_an_empty_database_with_the_same_appendix_and_ledger()
    {
        await using var source = new CnhtFactory();
        var clock = Stopwatch.StartNew();
        await source.ScopedAsync(sp => sp.GetRequiredService<ScaleDataSeeder>().SeedAsync(2_000, 20_000));
        output.WriteLine($"seed-scale 2.000 / 20.000: {clock.Elapsed.TotalSeconds:0.0} s");

        clock.Restart();
        var streamed = await StreamingExportTests.StreamedAsync(source);
        output.WriteLine($"export: {streamed.Length:N0} bytes in {clock.Elapsed.TotalSeconds:0.0} s");
        using var empty = new EmptyPortal();
        clock.Restart();
        var outcome = await empty.ImportAsync(streamed, fileName: "chuong-trinh-2018-2025.xlsx");
        output.WriteLine($"import: {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.True(outcome.Saved, string.Join("\n", outcome.Problems.Take(10)));
        static Task<string> Appendix(CnhtFactory p) => p.ScopedAsync(async sp =>
            ReportJson.Serialize(await sp.GetRequiredService<AppendixQuery>().BuildAsync("2018-2025") with { GeneratedAtUtc = default }));
        Assert.Equal(await Appendix(source), await Appendix(empty));
        static Task<List<string>> Ledger(CnhtFactory p) => p.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().DisbursementEntries
            .Where(e => e.Proposal.ContentItem.Group.Program.Code == "2018-2025")
            .GroupBy(e => new { e.Proposal.Code, e.Source, e.Kind })
            .Select(g => g.Key.Code + "/" + g.Key.Source + "/" + g.Key.Kind + "=" + g.Sum(e => e.Amount) + "#" + g.Count())
            .OrderBy(s => s).ToListAsync());
        var ledger = await Ledger(source);
        Assert.True(ledger.Count > 1_000, $"the ledger has entries ({ledger.Count})");
        Assert.Equal(ledger, await Ledger(empty));
    }
}

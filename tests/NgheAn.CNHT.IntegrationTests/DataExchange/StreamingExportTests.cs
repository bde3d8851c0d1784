using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.DataExchange;

/// <summary>
/// The bulk export streamed row by row (ADR 0108) writes the workbook ClosedXML's in-memory writer writes: the same
/// sheets, cells, values, number formats, borders and quote prefixes, read back by ClosedXML; and it imports back.
/// </summary>
public sealed class StreamingExportTests
{
    public static Task<byte[]> StreamedAsync(CnhtFactory portal, string program = "2018-2025") =>
        portal.ScopedAsync(async sp =>
        {
            var export = await sp.GetRequiredService<ExportQuery>().OpenAsync(program);
            using var ms = new MemoryStream();
            await sp.GetRequiredService<IStreamingWorkbookWriter>().WriteAsync(export, ms);
            return ms.ToArray();
        });

    /// <summary>Every cell ClosedXML sees in a sheet (values and formatted empty cells), as comparable text.</summary>
    private static SortedDictionary<string, string> Cells(IXLWorksheet ws)
    {
        var cells = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var cell in ws.CellsUsed(XLCellsUsedOptions.All))
        {
            var style = cell.Style;
            cells[cell.Address.ToString()!] = string.Join("|",
                cell.DataType, cell.GetString(), style.NumberFormat.Format, style.NumberFormat.NumberFormatId, style.IncludeQuotePrefix,
                style.Border.LeftBorder, style.Border.RightBorder, style.Border.TopBorder, style.Border.BottomBorder,
                style.Font.Bold, style.Font.Italic, style.Fill.BackgroundColor, style.Alignment.WrapText);
        }

        return cells;
    }

    private static void AssertSameWorkbook(byte[] expected, byte[] actual)
    {
        using var before = new XLWorkbook(new MemoryStream(expected));
        using var after = new XLWorkbook(new MemoryStream(actual));
        Assert.Equal(before.Worksheets.Select(w => w.Name), after.Worksheets.Select(w => w.Name));
        foreach (var sheet in before.Worksheets)
        {
            var other = after.Worksheet(sheet.Name);
            var want = Cells(sheet);
            var got = Cells(other);
            Assert.Equal(want.Keys.Except(got.Keys), got.Keys.Except(want.Keys));
            foreach (var (address, value) in want)
            {
                Assert.True(value == got[address], $"{sheet.Name}!{address}: expected {value}, got {got[address]}");
            }

            Assert.Equal(sheet.SheetView.SplitRow, other.SheetView.SplitRow);
            Assert.Equal(
                sheet.DataValidations.Select(v => v.Ranges.First().RangeAddress.ToString() + "=" + v.Value),
                other.DataValidations.Select(v => v.Ranges.First().RangeAddress.ToString() + "=" + v.Value));
            Assert.Equal(sheet.Columns(1, 17).Select(c => c.Width), other.Columns(1, 17).Select(c => c.Width));
        }
    }

    [Fact]
    public async Task The_streamed_export_holds_the_same_cells_formats_and_lists_as_the_in_memory_writer()
    {
        await using var portal = new CnhtFactory();
        // A unit whose name looks like a formula: its cells carry the quote prefix in both writers.
        await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Database
            .ExecuteSqlRawAsync("UPDATE Organizations SET Name = '=1+1 Công ty' WHERE Id = (SELECT LeadOrganizationId FROM Proposals ORDER BY Id LIMIT 1)"));

        foreach (var program in new[] { "2018-2025", "2026-2030" })
        {
            var inMemory = await portal.ExportAsync(program);
            var streamed = await StreamedAsync(portal, program);
            AssertSameWorkbook(inMemory, streamed);
        }
    }

    [Fact]
    public async Task The_streamed_export_imports_into_an_empty_database_with_the_same_appendix_and_ledger()
    {
        await using var demo = new CnhtFactory();
        var streamed = await StreamedAsync(demo);
        using var empty = new EmptyPortal();

        var outcome = await empty.ImportAsync(streamed, fileName: "Dữ liệu chương trình CNHT 2018-2025.xlsx");

        Assert.True(outcome.Saved, string.Join("\n", outcome.Problems));
        static Task<string> Appendix(CnhtFactory p) => p.ScopedAsync(async sp =>
            ReportJson.Serialize(await sp.GetRequiredService<AppendixQuery>().BuildAsync("2018-2025") with { GeneratedAtUtc = default }));
        Assert.Equal(await Appendix(demo), await Appendix(empty));
        Assert.Equal(await demo.CountsAsync(), await empty.CountsAsync());
        static Task<List<string>> Ledger(CnhtFactory p) => p.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().DisbursementEntries
            .OrderBy(e => e.Proposal.Code).ThenBy(e => e.EntryDate).ThenBy(e => e.VoucherNumber)
            .Select(e => e.Proposal.Code + "|" + e.EntryDate + "|" + e.VoucherNumber + "|" + e.Source + "|" + e.Kind + "|" + e.Amount)
            .ToListAsync());
        Assert.Equal(await Ledger(demo), await Ledger(empty));
    }
}

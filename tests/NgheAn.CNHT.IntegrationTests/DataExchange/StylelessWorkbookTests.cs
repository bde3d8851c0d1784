using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.DataExchange;

/// <summary>
/// A workbook as scripts and some accounting programs write it: valid Open XML with no styles part, numbers
/// without a style, text as inline strings. The import reads it as Excel shows it.
/// </summary>
public sealed class StylelessWorkbookTests : IDisposable
{
    private readonly EmptyPortal _portal = new();

    /// <summary>An Excel error value as a script writes it (t="e").</summary>
    private sealed record ExcelError(string Text);

    private static object?[] Proposal(object? totalCost) =>
    [
        "SL-2022-01", "Đề án ghi từ phần mềm kế toán", "3.3", "Báo Nghệ An", null, 2022, 2022, totalCost, 400_000_000,
        "Đã phê duyệt", "12/QĐ-SCT", new DateTime(2022, 3, 10).ToOADate(),
    ];

    /// <summary>Sheets DeAn and DanhMuc written with the Open XML SDK alone: no styles part, no shared strings.</summary>
    private static byte[] Styleless(object?[] proposal)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            AddSheet(workbook, "DeAn", [HandMadeWorkbook.ProposalHeaders.Cast<object?>().ToArray(), proposal]);
            AddSheet(workbook, "DanhMuc", [["Mã chương trình", "2018-2025"]]);
            Assert.Null(workbook.WorkbookStylesPart);
        }

        return stream.ToArray();
    }

    private static void AddSheet(WorkbookPart workbook, string name, object?[][] rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Length; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Length; c++)
            {
                var reference = (char)('A' + c) + (r + 1).ToString(CultureInfo.InvariantCulture);
                switch (rows[r][c])
                {
                    case null:
                        break;
                    case string text:
                        row.Append(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });
                        break;
                    case ExcelError error:
                        row.Append(new Cell { CellReference = reference, DataType = CellValues.Error, CellValue = new CellValue(error.Text) });
                        break;
                    case var number:
                        // No DataType and no StyleIndex: a plain number, as Open XML allows.
                        row.Append(new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToString(number, CultureInfo.InvariantCulture)!) });
                        break;
                }
            }

            data.Append(row);
        }

        part.Worksheet = new Worksheet(data);
        workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)workbook.Workbook.Sheets.Count() + 1, Name = name });
    }

    [Fact]
    public async Task Numbers_without_a_style_are_read_as_excel_shows_them()
    {
        var outcome = await _portal.ImportAsync(Styleless(Proposal(592_857_000)));

        Assert.True(outcome.Saved, string.Join("\n", outcome.Problems));
        Assert.Equal(0, outcome.ErrorCount);
        var appendix = await _portal.ScopedAsync(sp => sp.GetRequiredService<AppendixQuery>().BuildAsync("2018-2025"));
        var item = appendix.Groups.SelectMany(g => g.Items).Single(i => i.Code == "3.3").Figures;
        Assert.Equal((1, 592_857_000m, 400_000_000m), (item.ProposalCount, item.TotalCost, item.ProvincialShare));
        var proposal = await _portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Proposals.AsNoTracking()
            .Select(p => new { p.Code, p.StartYear, p.EndYear, p.DecisionDate }).SingleAsync());
        Assert.Equal(("SL-2022-01", 2022, 2022, (DateOnly?)new DateOnly(2022, 3, 10)), (proposal.Code, proposal.StartYear, proposal.EndYear, proposal.DecisionDate));
    }

    [Fact]
    public async Task A_cell_that_cannot_be_read_as_a_number_is_reported_with_what_it_holds()
    {
        var outcome = await _portal.ImportAsync(Styleless(Proposal(new ExcelError("#N/A"))), dryRun: true);

        var problem = Assert.Single(outcome.Problems, p => p.IsError);
        Assert.Equal(("DeAn", 2, "H"), (problem.Sheet, problem.Row, problem.Column));
        Assert.Contains("#N/A", problem.Message);
        Assert.DoesNotContain("không được để trống", problem.Message);
    }

    public void Dispose() => _portal.Dispose();
}

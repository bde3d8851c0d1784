using System.Globalization;
using System.IO.Compression;
using ClosedXML.Excel;
using NgheAn.CNHT.Application.DataExchange;

namespace NgheAn.CNHT.Infrastructure.DataExchange;

/// <summary>
/// Reads the data sheets of an import workbook with ClosedXML. Refuses, with a readable reason, anything
/// that is not an XLSX package (an old .xls, a CSV, a renamed PDF) and packages that unpack to more than
/// <see cref="MaxUnpackedBytes"/> (a "zip bomb" would otherwise fill the server's memory).
/// </summary>
public sealed class ClosedXmlWorkbookReader : IWorkbookReader
{
    public const long MaxUnpackedBytes = 400L * 1024 * 1024;
    public const int MaxRowsPerSheet = 100_000;

    private static readonly string[] DataSheets = [WorkbookLayout.ProposalSheetName, WorkbookLayout.LedgerSheetName, WorkbookLayout.UnitSheetName];

    public RawWorkbook Read(Stream xlsx, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        xlsx.CopyTo(buffer);
        buffer.Position = 0;
        CheckPackage(buffer);
        buffer.Position = 0;

        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(buffer);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new WorkbookFormatException("Không đọc được tệp Excel: tệp bị hỏng hoặc không đúng định dạng .xlsx. Hãy mở tệp bằng Excel và lưu lại dạng .xlsx.", ex);
        }

        using (workbook)
        {
            var sheets = new List<RawSheet>();
            foreach (var ws in workbook.Worksheets)
            {
                ct.ThrowIfCancellationRequested();
                if (!DataSheets.Contains(ws.Name.Trim(), StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                var rows = new List<RawRow>();
                foreach (var row in ws.RowsUsed())
                {
                    if (rows.Count >= MaxRowsPerSheet)
                    {
                        throw new WorkbookFormatException($"Sheet {ws.Name} có quá {MaxRowsPerSheet:N0} dòng; hãy chia thành nhiều tệp.");
                    }

                    var cells = new Dictionary<int, RawCell>();
                    foreach (var cell in row.CellsUsed())
                    {
                        var raw = Convert(cell);
                        if (!raw.IsBlank)
                        {
                            cells[cell.Address.ColumnNumber] = raw;
                        }
                    }

                    rows.Add(new RawRow(row.RowNumber(), cells));
                }

                sheets.Add(new RawSheet(ws.Name.Trim(), rows));
            }

            return new RawWorkbook(sheets, ProgramCode(workbook), ItemPlans(workbook));
        }
    }

    private static void CheckPackage(MemoryStream buffer)
    {
        var head = new byte[4];
        if (buffer.Read(head, 0, 4) < 4 || head[0] != (byte)'P' || head[1] != (byte)'K' || head[2] != 3 || head[3] != 4)
        {
            throw new WorkbookFormatException("Tệp không phải bảng tính Excel .xlsx. Tệp .xls (Excel 97-2003) hoặc .csv: hãy mở bằng Excel và lưu lại dạng \"Excel Workbook (*.xlsx)\".");
        }

        buffer.Position = 0;
        try
        {
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("xl/workbook.xml") is null)
            {
                throw new WorkbookFormatException("Tệp nén này không phải bảng tính Excel .xlsx (không có phần xl/workbook.xml).");
            }

            if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                throw new WorkbookFormatException($"Tệp Excel quá lớn khi giải nén (trên {MaxUnpackedBytes / 1024 / 1024} MB); hãy chia thành nhiều tệp.");
            }
        }
        catch (InvalidDataException ex)
        {
            throw new WorkbookFormatException("Tệp bị hỏng: không đọc được nội dung .xlsx.", ex);
        }
    }

    /// <summary>B of the row whose A is "Mã chương trình" in the DanhMuc sheet, when there is one.</summary>
    private static string? ProgramCode(XLWorkbook workbook)
    {
        if (!workbook.TryGetWorksheet(WorkbookLayout.CatalogSheetName, out var ws))
        {
            return null;
        }

        for (var r = 1; r <= 10; r++)
        {
            if (WorkbookLayout.NormalizeText(ws.Cell(r, 1).GetString()) == WorkbookLayout.NormalizeText(WorkbookLayout.ProgramCodeLabel))
            {
                var code = ws.Cell(r, 2).GetString().Trim();
                return code.Length == 0 ? null : code;
            }
        }

        return null;
    }

    /// <summary>The plan cell (column C) of every item row (code with a dot in column A) under the DanhMuc header.</summary>
    private static IReadOnlyList<CatalogPlanCell> ItemPlans(XLWorkbook workbook)
    {
        if (!workbook.TryGetWorksheet(WorkbookLayout.CatalogSheetName, out var ws) || ws.LastRowUsed() is not { } last)
        {
            return [];
        }

        var plans = new List<CatalogPlanCell>();
        for (var r = WorkbookLayout.CatalogFirstItemRow; r <= Math.Min(last.RowNumber(), WorkbookLayout.CatalogFirstItemRow + 1000); r++)
        {
            var code = ws.Cell(r, 1).GetString().Trim();
            if (code.Contains('.', StringComparison.Ordinal) && Convert(ws.Cell(r, 3)) is { IsBlank: false } plan)
            {
                plans.Add(new CatalogPlanCell(r, code, plan));
            }
        }

        return plans;
    }

    private static RawCell Convert(IXLCell cell)
    {
        object? value;
        try
        {
            value = cell.HasFormula ? cell.CachedValue : cell.Value;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A formula ClosedXML cannot evaluate: its text is reported as is.
            value = cell.FormulaA1;
        }

        switch (value)
        {
            case null:
                return new RawCell("", null, null);
            case DateTime date:
                return new RawCell(date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), null, date);
            case double d:
                return Number(d);
            case int i:
                return new RawCell(i.ToString(CultureInfo.InvariantCulture), i, null);
            case long l:
                return new RawCell(l.ToString(CultureInfo.InvariantCulture), l, null);
            case decimal m:
                return new RawCell(m.ToString(CultureInfo.InvariantCulture), m, null);
            case bool b:
                return new RawCell(b ? "TRUE" : "FALSE", null, null);
            case TimeSpan t:
                return new RawCell(t.ToString(), null, null);
            default:
                var text = System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                return new RawCell(text, null, null);
        }
    }

    private static RawCell Number(double d)
    {
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        if (double.IsNaN(d) || double.IsInfinity(d) || Math.Abs(d) > 7.9e27)
        {
            return new RawCell(text, null, null);
        }

        // Whole numbers up to 2^53 are exact in a double; anything else keeps its shortest round-trip form.
        var exact = Math.Abs(d) < 9_007_199_254_740_992d && d == Math.Floor(d)
            ? (decimal)(long)d
            : decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return new RawCell(text, exact, null);
    }
}

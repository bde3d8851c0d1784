using System.Globalization;
using System.IO.Compression;
using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NgheAn.CNHT.Application.DataExchange;

namespace NgheAn.CNHT.Infrastructure.DataExchange;

/// <summary>
/// Reads the data sheets of an import workbook with ClosedXML. Refuses, with a readable reason, anything
/// that is not an XLSX package (an old .xls, a CSV, a renamed PDF) and packages that unpack to more than
/// <see cref="MaxUnpackedBytes"/> (a "zip bomb" would otherwise fill the server's memory).
/// </summary>
/// <remarks>
/// No longer the import's reader: <see cref="OpenXmlWorkbookReader"/> reads forward without the whole workbook in memory
/// (ADR 0108). Kept as the reference the forward reader is tested against (StreamingImportTests).
/// </remarks>
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
        var errorCells = EnsureCellFormats(buffer);
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

                    // Read as empty by ClosedXML, yet these cells hold an Excel error: the import quotes what they hold.
                    foreach (var (column, error) in errorCells.GetValueOrDefault((ws.Name.Trim(), row.RowNumber()), []))
                    {
                        cells.TryAdd(column, new RawCell(error, null, null));
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

    /// <summary>
    /// Excel's own default formats (one font, the two required fills, one border, the "Normal" style), for a
    /// package that has none.
    /// </summary>
    private const string DefaultStylesheet =
        "<x:styleSheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<x:fonts count=\"1\"><x:font><x:sz val=\"11\"/><x:name val=\"Calibri\"/></x:font></x:fonts>"
        + "<x:fills count=\"2\"><x:fill><x:patternFill patternType=\"none\"/></x:fill><x:fill><x:patternFill patternType=\"gray125\"/></x:fill></x:fills>"
        + "<x:borders count=\"1\"><x:border><x:left/><x:right/><x:top/><x:bottom/><x:diagonal/></x:border></x:borders>"
        + "<x:cellStyleXfs count=\"1\"><x:xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></x:cellStyleXfs>"
        + "<x:cellXfs count=\"1\"><x:xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/></x:cellXfs>"
        + "<x:cellStyles count=\"1\"><x:cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></x:cellStyles>"
        + "</x:styleSheet>";

    /// <summary>
    /// A valid workbook may have no styles part, or one without cell formats (scripts and some accounting programs
    /// write them so). Excel then shows every number in the General format; ClosedXML 0.95 reads such numbers as
    /// empty cells. Giving the package Excel's default formats first makes the numbers read as Excel shows them.
    /// </summary>
    /// <returns>The data sheets' cells that hold an Excel error value (see <see cref="ErrorCells"/>).</returns>
    private static Dictionary<(string Sheet, int Row), List<(int Column, string Text)>> EnsureCellFormats(MemoryStream buffer)
    {
        Dictionary<(string, int), List<(int, string)>> errors;
        using (var check = SpreadsheetDocument.Open(buffer, isEditable: false))
        {
            if (check.WorkbookPart is null)
            {
                return new();
            }

            errors = ErrorCells(check.WorkbookPart);
            if (check.WorkbookPart.WorkbookStylesPart?.Stylesheet?.CellFormats?.HasChildren == true)
            {
                return errors;
            }
        }

        buffer.Position = 0;
        using var document = SpreadsheetDocument.Open(buffer, isEditable: true);
        var workbook = document.WorkbookPart!;
        var styles = workbook.WorkbookStylesPart ?? workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(DefaultStylesheet);
        styles.Stylesheet.Save();
        return errors;
    }

    /// <summary>
    /// Cells of the data sheets that hold an Excel error value (#N/A, #DIV/0!, #REF!…), by sheet and row.
    /// ClosedXML 0.95 reads them as empty, and the import would then call "empty" a cell that plainly holds
    /// something. Read with the SDK's forward-only reader; only the error cells are loaded.
    /// </summary>
    private static Dictionary<(string Sheet, int Row), List<(int Column, string Text)>> ErrorCells(WorkbookPart workbook)
    {
        var found = new Dictionary<(string, int), List<(int, string)>>();
        foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            var name = sheet.Name?.Value?.Trim();
            if (name is null || !DataSheets.Contains(name, StringComparer.OrdinalIgnoreCase) || sheet.Id?.Value is not { } id
                || workbook.GetPartById(id) is not WorksheetPart part)
            {
                continue;
            }

            using var reader = OpenXmlReader.Create(part);
            while (reader.Read())
            {
                if (reader.ElementType == typeof(Cell) && reader.IsStartElement && reader.Attributes.Any(a => a.LocalName == "t" && a.Value == "e")
                    && reader.LoadCurrentElement() is Cell { CellReference.Value: { } reference, CellValue.Text: { Length: > 0 } text })
                {
                    var (row, column) = AddressOf(reference);
                    if (!found.TryGetValue((name, row), out var inRow))
                    {
                        found[(name, row)] = inRow = [];
                    }

                    inRow.Add((column, text));
                }
            }
        }

        return found;
    }

    /// <summary>"H12" → row 12, column 8.</summary>
    private static (int Row, int Column) AddressOf(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        }

        return (int.Parse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture), column);
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

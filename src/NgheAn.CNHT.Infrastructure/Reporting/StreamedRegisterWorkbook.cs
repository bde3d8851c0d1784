using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Reports;

namespace NgheAn.CNHT.Infrastructure.Reporting;

/// <summary>
/// The register's Excel file written row by row (ADR 0229), the approach of the bulk export (ADR 0108,
/// StreamingWorkbookWriter): <see cref="ExcelReportWriter"/> writes a skeleton of the same workbook with two sample rows
/// (plain text, and text that looks like a formula, whose cells carry the quote prefix) and the total row; the package is
/// copied entry by entry and the sheet rewritten with the Open XML SDK's <see cref="OpenXmlWriter"/>: the rows above the
/// table kept, every proposal's row written with the sample rows' cell styles and the height ClosedXML would give it, the
/// total row with the skeleton's styles and a SUM over every row, the footnotes moved under it. Formulas keep their
/// results (as ClosedXML's EvaluateFormulasBeforeSaving does) and the calculation chain lists them. Text cells are inline
/// strings. Nothing but the output grows with the rows: no in-memory workbook of 586.000 cells.
/// </summary>
internal static class StreamedRegisterWorkbook
{
    private static readonly Row RowElement = new();
    private static readonly Cell CellElement = new();
    private static readonly CellValue ValueElement = new();
    private static readonly DocumentFormat.OpenXml.Spreadsheet.CellFormula FormulaElement = new();
    private static readonly InlineString InlineElement = new();
    private static readonly Text TextElement = new();

    public static byte[] Write(ProposalRegister register, DocumentHeader? issue)
    {
        var reference = issue?.AppendixReference;
        var plain = ReportSheets.RegisterItem(Sample(register, "A"), 0);
        var quoted = ReportSheets.RegisterItem(Sample(register, "=A"), 1);
        var skeletonSheet = ReportSheets.RegisterSheet(register, reference, [plain, quoted, ReportSheets.RegisterTotal(register) with { SumOf = [0, 1] }]);
        var skeletonBytes = ExcelReportWriter.Write(register, [skeletonSheet]);

        string sheetEntry;
        string? calcChainEntry;
        uint sheetId;
        Worksheet skeleton;
        using (var input = new MemoryStream(skeletonBytes, writable: false))
        using (var document = SpreadsheetDocument.Open(input, isEditable: false))
        {
            var workbook = document.WorkbookPart!;
            var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single();
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            sheetEntry = part.Uri.OriginalString.TrimStart('/');
            sheetId = sheet.SheetId!.Value;
            calcChainEntry = workbook.CalculationChainPart?.Uri.OriginalString.TrimStart('/');
            skeleton = (Worksheet)part.Worksheet.CloneNode(true);
        }

        var first = ExcelReportWriter.HeaderRow(skeletonSheet) + 1;
        var formulaCells = new List<string>();
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(skeletonBytes, writable: false), ZipArchiveMode.Read))
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                if (entry.FullName == calcChainEntry)
                {
                    continue;
                }

                var target = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                using var to = target.Open();
                if (entry.FullName == sheetEntry)
                {
                    WriteSheet(skeleton, to, skeletonSheet, register, first, formulaCells);
                }
                else
                {
                    using var from = entry.Open();
                    from.CopyTo(to);
                }
            }

            if (calcChainEntry is not null)
            {
                using var to = zip.CreateEntry(calcChainEntry, CompressionLevel.Optimal).Open();
                WriteCalcChain(to, formulaCells, sheetId);
            }
        }

        return output.ToArray();
    }

    private static RegisterRow Sample(ProposalRegister register, string text) =>
        new(0, text, text, text, text, register.FromYear, register.FromYear, text, 0, 0, false);

    private static void WriteSheet(Worksheet skeleton, Stream to, ReportSheet sheet, ProposalRegister register, int first, List<string> formulaCells)
    {
        var data = skeleton.GetFirstChild<SheetData>()!;
        var byNumber = data.Elements<Row>().ToDictionary(r => (int)r.RowIndex!.Value);
        var columns = sheet.Columns.Count;
        var plain = Styles(byNumber.GetValueOrDefault(first), columns);
        var quoted = Styles(byNumber.GetValueOrDefault(first + 1), columns);
        var totalStyles = Styles(byNumber.GetValueOrDefault(first + 2), columns);
        var letters = Enumerable.Range(0, columns).Select(ColumnLetter).ToArray();
        var count = register.Rows.Count;
        var shift = count - 2;

        using var writer = OpenXmlWriter.Create(to);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(skeleton, skeleton.GetAttributes(), skeleton.NamespaceDeclarations);
        foreach (var child in skeleton.ChildElements)
        {
            if (child is SheetDimension)
            {
                // Optional, and unknown to the skeleton: Excel and ClosedXML compute it.
                continue;
            }

            if (child is not SheetData)
            {
                writer.WriteElement(child);
                continue;
            }

            writer.WriteStartElement(data);
            foreach (var row in byNumber.Where(r => r.Key < first).OrderBy(r => r.Key))
            {
                writer.WriteElement(row.Value);
            }

            for (var k = 0; k < count; k++)
            {
                var row = ReportSheets.RegisterItem(register.Rows[k], k);
                WriteRow(writer, sheet, row, first + k, first, count, letters, c => row.Cells[c].Value is string s && SpreadsheetText.LooksLikeFormula(s) && quoted[c] is { } q ? q : plain[c], formulaCells);
            }

            var total = ReportSheets.RegisterTotal(register);
            WriteRow(writer, sheet, total, first + count, first, count, letters, c => totalStyles[c], formulaCells);

            // The footnotes and anything else under the table, moved down by the rows added.
            foreach (var row in byNumber.Where(r => r.Key > first + 2).OrderBy(r => r.Key))
            {
                var moved = (Row)row.Value.CloneNode(true);
                var number = (uint)(row.Key + shift);
                moved.RowIndex = number;
                foreach (var cell in moved.Elements<Cell>())
                {
                    cell.CellReference = new string((cell.CellReference?.Value ?? "A").TakeWhile(char.IsLetter).ToArray()) + number.ToString(CultureInfo.InvariantCulture);
                }

                writer.WriteElement(moved);
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.Close();
    }

    private static void WriteRow(OpenXmlWriter writer, ReportSheet sheet, SheetRow row, int number, int first, int count, string[] letters,
        Func<int, string?> style, List<string> formulaCells)
    {
        var r = number.ToString(CultureInfo.InvariantCulture);
        var height = ExcelReportWriter.RowHeight(sheet, row).ToString(CultureInfo.InvariantCulture);
        writer.WriteStartElement(RowElement, [new OpenXmlAttribute("r", "", r), new OpenXmlAttribute("ht", "", height), new OpenXmlAttribute("customHeight", "", "1")]);
        for (var c = 0; c < sheet.Columns.Count; c++)
        {
            var cell = row.Cells[c];
            var reference = letters[c] + r;
            var formula = cell.Formula switch
            {
                DifferenceFormula d => $"{letters[d.Column]}{r}-{letters[d.Subtract]}{r}",
                ColumnSumFormula when row.SumOf is { Count: > 0 } => $"SUM({letters[c]}{first}:{letters[c]}{first + count - 1})",
                _ => null,
            };
            if (formula is not null)
            {
                formulaCells.Add(reference);
            }

            WriteCell(writer, reference, style(c), sheet.Columns[c].Kind, cell.Value, formula);
        }

        writer.WriteEndElement();
    }

    private static void WriteCell(OpenXmlWriter writer, string reference, string? style, CellKind kind, object? value, string? formula)
    {
        var attributes = new List<OpenXmlAttribute>(3) { new("r", "", reference) };
        if (style is not null)
        {
            attributes.Add(new("s", "", style));
        }

        var number = value switch
        {
            int n => n.ToString(CultureInfo.InvariantCulture),
            decimal d when kind is CellKind.Money or CellKind.Plan => (d / 1_000_000m).ToString(CultureInfo.InvariantCulture),
            decimal d when kind == CellKind.Percent => (d / 100m).ToString(CultureInfo.InvariantCulture),
            decimal d => d.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
        if (formula is null && value is string { Length: > 0 } text)
        {
            attributes.Add(new("t", "", "inlineStr"));
            writer.WriteStartElement(CellElement, attributes);
            writer.WriteStartElement(InlineElement);
            var nfc = PdfComposer.Nfc(text);
            writer.WriteStartElement(TextElement, char.IsWhiteSpace(nfc[0]) || char.IsWhiteSpace(nfc[^1])
                ? [new OpenXmlAttribute("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")]
                : []);
            writer.WriteString(nfc);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
            return;
        }

        writer.WriteStartElement(CellElement, attributes);
        if (formula is not null)
        {
            writer.WriteStartElement(FormulaElement);
            writer.WriteString(formula);
            writer.WriteEndElement();
        }

        if (number is not null)
        {
            writer.WriteStartElement(ValueElement);
            writer.WriteString(number);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void WriteCalcChain(Stream to, List<string> cells, uint sheetId)
    {
        using var writer = OpenXmlWriter.Create(to);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new CalculationChain());
        var id = sheetId.ToString(CultureInfo.InvariantCulture);
        foreach (var cell in cells)
        {
            writer.WriteStartElement(new CalculationCell(), [new OpenXmlAttribute("r", "", cell), new OpenXmlAttribute("i", "", id)]);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.Close();
    }

    /// <summary>The style index (s) of each column's cell in a skeleton row; null where the row has no such cell or no style.</summary>
    private static string?[] Styles(Row? row, int columns)
    {
        var styles = new string?[columns];
        foreach (var cell in row?.Elements<Cell>() ?? [])
        {
            var letters = new string((cell.CellReference?.Value ?? "").TakeWhile(char.IsLetter).ToArray());
            var column = 0;
            foreach (var ch in letters)
            {
                column = (column * 26) + (char.ToUpperInvariant(ch) - 'A' + 1);
            }

            if (column >= 1 && column <= columns)
            {
                styles[column - 1] = cell.StyleIndex?.Value.ToString(CultureInfo.InvariantCulture);
            }
        }

        return styles;
    }

    /// <summary>A (0-based) column's letters: 0 → A, 25 → Z, 26 → AA.</summary>
    private static string ColumnLetter(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}

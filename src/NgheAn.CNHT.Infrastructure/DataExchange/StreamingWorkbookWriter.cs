using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Infrastructure.DataExchange;

/// <summary>
/// The bulk export (ADR 0108): the same workbook as <see cref="ClosedXmlWorkbookWriter"/>, written row by row.
/// ClosedXML writes a small skeleton (instructions, catalog and lists, units, headers, styles, validations sized for the
/// real row counts) with two sample rows in DeAn and GiaiNgan; the package is then copied entry by entry into the output
/// zip, and the two data sheets are rewritten with the Open XML SDK's <see cref="OpenXmlWriter"/>: their header rows kept,
/// the sample rows replaced by the real rows with the sample rows' cell styles (number format, borders, the quote prefix
/// of formula-like text), then the number-formatted empty rows ClosedXML writes under the data. Text cells are inline
/// strings (no shared-string table to hold in memory). Nothing grows with the rows but the output.
/// </summary>
public sealed class StreamingWorkbookWriter : IStreamingWorkbookWriter
{
    /// <summary>The sample rows: row 3 plain text, row 4 text that looks like a formula (its styles carry the quote prefix).</summary>
    private const int PlainRow = WorkbookLayout.FirstDataRow;
    private const int QuotedRow = WorkbookLayout.FirstDataRow + 1;
    private const int EmptyRow = WorkbookLayout.FirstDataRow + 2;

    public async Task WriteAsync(ProgramExport export, Stream output, CancellationToken ct = default)
    {
        using var skeleton = new MemoryStream();
        ClosedXmlWorkbookWriter.Write(export.Head with
        {
            Proposals = export.ProposalCount > 0 ? SampleProposals : [],
            Ledger = export.LedgerCount > 0 ? SampleLedger : [],
        }, skeleton, export.ProposalCount, export.LedgerCount);

        skeleton.Position = 0;
        var sheets = new Dictionary<string, (string Sheet, Worksheet Xml)>(StringComparer.Ordinal);
        using (var document = SpreadsheetDocument.Open(skeleton, isEditable: false))
        {
            var workbook = document.WorkbookPart!;
            foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
            {
                var counted = sheet.Name?.Value switch
                {
                    WorkbookLayout.ProposalSheetName => export.ProposalCount,
                    WorkbookLayout.LedgerSheetName => export.LedgerCount,
                    _ => 0,
                };
                if (counted > 0 && workbook.GetPartById(sheet.Id!.Value!) is WorksheetPart part)
                {
                    sheets[part.Uri.OriginalString.TrimStart('/')] = (sheet.Name!.Value!, (Worksheet)part.Worksheet.CloneNode(true));
                }
            }
        }

        skeleton.Position = 0;
        using var source = new ZipArchive(skeleton, ZipArchiveMode.Read, leaveOpen: true);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            ct.ThrowIfCancellationRequested();
            var target = zip.CreateEntry(entry.FullName, CompressionLevel.Fastest);
            await using var to = target.Open();
            if (sheets.TryGetValue(entry.FullName, out var sheet))
            {
                if (sheet.Sheet == WorkbookLayout.ProposalSheetName)
                {
                    await WriteSheetAsync(sheet.Xml, to, ProposalCells(export.Proposals, ct), WorkbookLayout.Proposals.Columns.Count, ct);
                }
                else
                {
                    await WriteSheetAsync(sheet.Xml, to, LedgerCells(export.Ledger, ct), WorkbookLayout.Ledger.Columns.Count, ct);
                }
            }
            else
            {
                await using var from = entry.Open();
                await from.CopyToAsync(to, ct);
            }
        }
    }

    /// <summary>A value to write in one cell: text (inline), or a number; null leaves the cell empty with its style.</summary>
    private readonly record struct Value(string? Text, string? Number)
    {
        public static Value Of(string? text) => new(string.IsNullOrEmpty(text) ? null : text, null);

        public static Value Of(decimal? number) => new(null, number?.ToString("0.##########", CultureInfo.InvariantCulture));

        public static Value Of(int number) => new(null, number.ToString(CultureInfo.InvariantCulture));

        public static Value Of(DateOnly? date) =>
            new(null, date is { } d ? d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture) : null);
    }

    private static async IAsyncEnumerable<Value[]> ProposalCells(IAsyncEnumerable<ProposalLine> rows, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        // In the order of WorkbookLayout.Proposals' columns.
        await foreach (var p in rows.WithCancellation(ct))
        {
            yield return
            [
                Value.Of(p.Code), Value.Of(p.Title), Value.Of(p.ItemCode), Value.Of(p.UnitName), Value.Of(p.TaxCode), Value.Of(p.StartYear),
                Value.Of(p.EndYear), Value.Of(p.TotalCost), Value.Of(p.ProvincialShare), Value.Of(WorkbookLayout.StatusName(p.Status)),
                Value.Of(p.DecisionNumber), Value.Of(p.DecisionDate), Value.Of(p.AcceptanceDate), Value.Of(p.SettlementDecisionNumber),
                Value.Of(p.SettlementDate), Value.Of(p.SettledTotalCost), Value.Of(p.SettledProvincialShare),
            ];
        }
    }

    private static async IAsyncEnumerable<Value[]> LedgerCells(IAsyncEnumerable<LedgerLine> rows, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var e in rows.WithCancellation(ct))
        {
            yield return
            [
                Value.Of(e.ProposalCode), Value.Of(e.EntryDate), Value.Of(e.VoucherNumber), Value.Of(WorkbookLayout.SourceName(e.Source)),
                Value.Of(WorkbookLayout.KindName(e.Kind)), Value.Of(e.Amount), Value.Of(e.Note), Value.Of(e.OriginalVoucher),
            ];
        }
    }

    private static readonly Row RowElement = new();
    private static readonly Cell CellElement = new();
    private static readonly CellValue ValueElement = new();
    private static readonly InlineString InlineElement = new();
    private static readonly Text TextElement = new();

    private static async Task WriteSheetAsync(Worksheet skeleton, Stream to, IAsyncEnumerable<Value[]> rows, int columns, CancellationToken ct)
    {
        var data = skeleton.GetFirstChild<SheetData>()!;
        var byNumber = data.Elements<Row>().ToDictionary(r => (int)r.RowIndex!.Value);
        var plain = Styles(byNumber.GetValueOrDefault(PlainRow), columns);
        var quoted = Styles(byNumber.GetValueOrDefault(QuotedRow), columns);
        var empty = byNumber.TryGetValue(EmptyRow, out var emptyRow) ? Styles(emptyRow, columns) : null;
        var lastSkeletonRow = byNumber.Keys.Max();
        var letters = Enumerable.Range(1, columns).Select(WorkbookLayout.ColumnLetter).ToArray();

        using var writer = OpenXmlWriter.Create(to);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(skeleton, skeleton.GetAttributes(), skeleton.NamespaceDeclarations);
        var next = WorkbookLayout.FirstDataRow;
        foreach (var child in skeleton.ChildElements)
        {
            if (child is SheetDimension)
            {
                // Unknown until the rows are written and optional: Excel and ClosedXML compute it.
                continue;
            }

            if (child is not SheetData)
            {
                writer.WriteElement(child);
                continue;
            }

            writer.WriteStartElement(data);
            foreach (var row in data.Elements<Row>().Where(r => r.RowIndex!.Value < WorkbookLayout.FirstDataRow))
            {
                writer.WriteElement(row);
            }

            await foreach (var cells in rows.WithCancellation(ct))
            {
                var r = next.ToString(CultureInfo.InvariantCulture);
                writer.WriteStartElement(RowElement, [new OpenXmlAttribute("r", "", r)]);
                for (var c = 0; c < columns; c++)
                {
                    var value = cells[c];
                    var style = value.Text is { } t && SpreadsheetText.LooksLikeFormula(t) && quoted[c] is { } q ? q : plain[c];
                    WriteCell(writer, letters[c] + r, style, value);
                }

                writer.WriteEndElement();
                next++;
            }

            // ClosedXML's number formats reach row FirstDataRow + 1000 (empty cells with the column's format).
            if (empty is not null)
            {
                for (; next <= lastSkeletonRow; next++)
                {
                    var r = next.ToString(CultureInfo.InvariantCulture);
                    writer.WriteStartElement(RowElement, [new OpenXmlAttribute("r", "", r)]);
                    for (var c = 0; c < columns; c++)
                    {
                        if (empty[c] is not null)
                        {
                            WriteCell(writer, letters[c] + r, empty[c], default);
                        }
                    }

                    writer.WriteEndElement();
                }
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.Close();
    }

    private static void WriteCell(OpenXmlWriter writer, string reference, string? style, Value value)
    {
        var attributes = new List<OpenXmlAttribute>(3) { new("r", "", reference) };
        if (style is not null)
        {
            attributes.Add(new("s", "", style));
        }

        if (value.Text is { } text)
        {
            attributes.Add(new("t", "", "inlineStr"));
            writer.WriteStartElement(CellElement, attributes);
            writer.WriteStartElement(InlineElement);
            writer.WriteStartElement(TextElement, text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
                ? [new OpenXmlAttribute("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")]
                : []);
            writer.WriteString(text);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
            return;
        }

        writer.WriteStartElement(CellElement, attributes);
        if (value.Number is { } number)
        {
            writer.WriteStartElement(ValueElement);
            writer.WriteString(number);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    /// <summary>The style index (s) of each column's cell in a skeleton row; null where the row has no such cell or no style.</summary>
    private static string?[] Styles(Row? row, int columns)
    {
        var styles = new string?[columns];
        foreach (var cell in row?.Elements<Cell>() ?? [])
        {
            var column = ColumnOf(cell.CellReference?.Value);
            if (column >= 1 && column <= columns)
            {
                styles[column - 1] = cell.StyleIndex?.Value.ToString(CultureInfo.InvariantCulture);
            }
        }

        return styles;
    }

    private static int ColumnOf(string? reference)
    {
        var column = 0;
        foreach (var ch in reference ?? "")
        {
            if (!char.IsAsciiLetter(ch))
            {
                break;
            }

            column = (column * 26) + (char.ToUpperInvariant(ch) - 'A' + 1);
        }

        return column;
    }

    private static readonly DateOnly SampleDate = new(2020, 1, 1);

    private static IReadOnlyList<ProposalLine> SampleProposals { get; } =
    [
        new("x", "x", "x", "x", "x", 2020, 2020, 1, 1, ProposalStatus.Settled, "x", SampleDate, SampleDate, "x", SampleDate, 1, 1),
        new("=x", "=x", "=x", "=x", "=x", 2020, 2020, 1, 1, ProposalStatus.Settled, "=x", SampleDate, SampleDate, "=x", SampleDate, 1, 1),
    ];

    private static IReadOnlyList<LedgerLine> SampleLedger { get; } =
    [
        new("x", SampleDate, "x", FundingSource.ProvincialBudget, DisbursementKind.Payment, 1, "x", "x"),
        new("=x", SampleDate, "=x", FundingSource.ProvincialBudget, DisbursementKind.Payment, 1, "=x", "=x"),
    ];
}

using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NgheAn.CNHT.Application.DataExchange;

namespace NgheAn.CNHT.Infrastructure.DataExchange;

/// <summary>
/// Reads an import workbook forward (ADR 0108): the data sheets' rows are read when the parser asks for them, one at a
/// time, with an <see cref="XmlReader"/> over each sheet's part (ADR 0200), never the whole sheet or workbook in memory. Cells are read
/// as Excel shows them (ADR 0163): numbers as numbers whatever their style (a package without styles included), dates by
/// their number format, shared and inline strings, booleans, formulas by their cached result, error values by their text.
/// Refuses, with a readable reason naming the part, anything that is not an XLSX package and packages built to exhaust
/// the server when unpacked (<see cref="CheckPackage"/>).
/// </summary>
public sealed class OpenXmlWorkbookReader : IWorkbookReader
{
    /// <summary>
    /// Largest unpacked part. The reader streams every data sheet, so this bounds the time an upload may take, not memory:
    /// a 100.000-proposal, 1.000.000-entry export unpacks to about 400 MB in its ledger sheet.
    /// </summary>
    public const long MaxUnpackedPartBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>Largest shared-string table unpacked (held in memory while the file is read).</summary>
    public const long MaxSharedStringBytes = 256L * 1024 * 1024;

    /// <summary>
    /// Largest compression ratio of a part above <see cref="RatioCheckedFromBytes"/>: spreadsheet XML compresses 5–30 times,
    /// a zip bomb thousands of times.
    /// </summary>
    public const int MaxCompressionRatio = 200;

    public const long RatioCheckedFromBytes = 16L * 1024 * 1024;

    /// <summary>Rows per data sheet: a whole national program's ledger (1.000.000 entries) with room to spare.</summary>
    public const int MaxRowsPerSheet = 2_000_000;

    private static readonly string[] DataSheets = [WorkbookLayout.ProposalSheetName, WorkbookLayout.LedgerSheetName, WorkbookLayout.UnitSheetName];

    public RawWorkbook Read(Stream xlsx, CancellationToken ct = default)
    {
        var package = UploadedBytes.Of(xlsx);
        CheckPackage(package);

        try
        {
            using var document = package.Open();
            var workbook = document.WorkbookPart ?? throw new WorkbookFormatException("Tệp nén này không phải bảng tính Excel .xlsx (không có phần xl/workbook.xml).");
            var strings = SharedStrings(workbook);
            var styles = CellStyles.Of(workbook);
            var sheets = new List<RawSheet>();
            RawWorkbookCatalog catalog = new(null, []);
            foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
            {
                ct.ThrowIfCancellationRequested();
                var name = sheet.Name?.Value?.Trim() ?? "";
                if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
                {
                    continue;
                }

                if (DataSheets.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    sheets.Add(new RawSheet(name, new SheetRows(package, id, name, strings, styles, ct)));
                }
                else if (string.Equals(name, WorkbookLayout.CatalogSheetName, StringComparison.OrdinalIgnoreCase))
                {
                    catalog = Catalog(part, strings, styles);
                }
            }

            return new RawWorkbook(sheets, catalog.ProgramCode, catalog.ItemPlans);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException)
        {
            throw new WorkbookFormatException("Không đọc được tệp Excel: tệp bị hỏng hoặc không đúng định dạng .xlsx. Hãy mở tệp bằng Excel và lưu lại dạng .xlsx.", ex);
        }
    }

    /// <summary>
    /// The uploaded bytes; each pass over a sheet opens its own read-only view of them. A file on disk (the command line)
    /// is read from disk, never copied into memory; any other stream (an upload, at most 20 MB) is copied once.
    /// </summary>
    private sealed class UploadedBytes
    {
        private readonly string? _path;
        private readonly byte[]? _bytes;
        private readonly int _length;

        private UploadedBytes(string? path, byte[]? bytes, int length)
        {
            _path = path;
            _bytes = bytes;
            _length = length;
        }

        public static UploadedBytes Of(Stream xlsx)
        {
            if (xlsx is FileStream { CanSeek: true } file && File.Exists(file.Name))
            {
                return new UploadedBytes(file.Name, null, 0);
            }

            var buffer = new MemoryStream();
            xlsx.CopyTo(buffer);
            return new UploadedBytes(null, buffer.GetBuffer(), (int)buffer.Length);
        }

        public Stream Stream() => _path is not null
            ? new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16)
            : new MemoryStream(_bytes!, 0, _length, writable: false);

        public SpreadsheetDocument Open() => _path is not null
            ? SpreadsheetDocument.Open(_path, isEditable: false)
            : SpreadsheetDocument.Open(Stream(), isEditable: false);
    }

    /// <summary>
    /// Refuses what is not an XLSX package, and any part that unpacks to more than <see cref="MaxUnpackedPartBytes"/> or
    /// (above <see cref="RatioCheckedFromBytes"/>) more than <see cref="MaxCompressionRatio"/> times its packed size; the
    /// message names the sheet the part holds.
    /// </summary>
    private static void CheckPackage(UploadedBytes package)
    {
        using var stream = package.Stream();
        var head = new byte[4];
        if (stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) < 4 || head[0] != (byte)'P' || head[1] != (byte)'K' || head[2] != 3 || head[3] != 4)
        {
            throw new WorkbookFormatException("Tệp không phải bảng tính Excel .xlsx. Tệp .xls (Excel 97-2003) hoặc .csv: hãy mở bằng Excel và lưu lại dạng \"Excel Workbook (*.xlsx)\".");
        }

        try
        {
            stream.Position = 0;
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("xl/workbook.xml") is null)
            {
                throw new WorkbookFormatException("Tệp nén này không phải bảng tính Excel .xlsx (không có phần xl/workbook.xml).");
            }

            var names = SheetNamesByPart(zip);
            foreach (var entry in zip.Entries)
            {
                var tooLarge = entry.Length > MaxUnpackedPartBytes
                    || (entry.FullName == "xl/sharedStrings.xml" && entry.Length > MaxSharedStringBytes);
                var ratio = entry.CompressedLength > 0 ? entry.Length / entry.CompressedLength : entry.Length;
                if (tooLarge || (entry.Length > RatioCheckedFromBytes && ratio > MaxCompressionRatio))
                {
                    var what = names.TryGetValue(entry.FullName, out var sheet) ? $"sheet {sheet}" : $"phần {entry.FullName}";
                    throw new WorkbookFormatException(
                        $"Tệp Excel quá lớn khi giải nén: {what} giải nén ra {entry.Length / 1024 / 1024:N0} MB"
                        + (tooLarge ? "" : $", gấp {ratio:N0} lần kích thước nén")
                        + "; tệp không giống bảng tính bình thường. Hãy kiểm tra tệp hoặc chia thành nhiều tệp.")
                    {
                        Sheet = sheet ?? "—",
                    };
                }
            }
        }
        catch (InvalidDataException ex)
        {
            throw new WorkbookFormatException("Tệp bị hỏng: không đọc được nội dung .xlsx.", ex);
        }
    }

    /// <summary>"xl/worksheets/sheet2.xml" → "DeAn", from the workbook part and its relationships (both small).</summary>
    private static Dictionary<string, string> SheetNamesByPart(ZipArchive zip)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var rels = zip.GetEntry("xl/_rels/workbook.xml.rels");
        var book = zip.GetEntry("xl/workbook.xml");
        if (rels is null || book is null || rels.Length > 4 * 1024 * 1024 || book.Length > 4 * 1024 * 1024)
        {
            return names;
        }

        try
        {
            var targets = new Dictionary<string, string>(StringComparer.Ordinal);
            using (var stream = rels.Open())
            {
                var doc = System.Xml.Linq.XDocument.Load(stream);
                foreach (var r in doc.Root!.Elements())
                {
                    var target = (string?)r.Attribute("Target") ?? "";
                    targets[(string?)r.Attribute("Id") ?? ""] = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                }
            }

            using (var stream = book.Open())
            {
                var doc = System.Xml.Linq.XDocument.Load(stream);
                System.Xml.Linq.XNamespace relNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
                foreach (var s in doc.Descendants().Where(e => e.Name.LocalName == "sheet"))
                {
                    if ((string?)s.Attribute(relNs + "id") is { } id && targets.TryGetValue(id, out var target))
                    {
                        names[target] = ((string?)s.Attribute("name") ?? "").Trim();
                    }
                }
            }
        }
        catch (System.Xml.XmlException)
        {
            // The names only improve the message; a damaged workbook part is refused when it is opened.
        }

        return names;
    }

    /// <summary>The shared-string table, read forward (rich-text runs joined, phonetic runs left out).</summary>
    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        var text = new StringBuilder();
        var depthInPhonetic = false;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem))
            {
                if (reader.IsStartElement)
                {
                    text.Clear();
                }
                else
                {
                    strings.Add(text.ToString());
                }
            }
            else if (reader.ElementType == typeof(PhoneticRun))
            {
                depthInPhonetic = reader.IsStartElement;
            }
            else if (reader.ElementType == typeof(Text) && reader.IsStartElement && !depthInPhonetic)
            {
                text.Append(reader.GetText());
            }
        }

        return strings;
    }

    private sealed record RawWorkbookCatalog(string? ProgramCode, IReadOnlyList<CatalogPlanCell> ItemPlans);

    /// <summary>The program code (B of the row whose A is "Mã chương trình", rows 1–10) and the item plans of the DanhMuc sheet.</summary>
    private static RawWorkbookCatalog Catalog(WorksheetPart part, List<string> strings, CellStyles styles)
    {
        var lastRow = WorkbookLayout.CatalogFirstItemRow + 1000;
        var cells = new Dictionary<(int Row, int Column), RawCell>();
        foreach (var (number, row) in ReadRows(part, strings, styles, CancellationToken.None))
        {
            if (number > lastRow)
            {
                break;
            }

            foreach (var (column, cell) in row.Where(c => c.Key <= 3))
            {
                cells[(number, column)] = cell;
            }
        }

        string Text(int r, int c) => cells.TryGetValue((r, c), out var cell) ? cell.Text : "";
        string? code = null;
        for (var r = 1; r <= 10; r++)
        {
            if (WorkbookLayout.NormalizeText(Text(r, 1)) == WorkbookLayout.NormalizeText(WorkbookLayout.ProgramCodeLabel))
            {
                var value = Text(r, 2).Trim();
                code = value.Length == 0 ? null : value;
                break;
            }
        }

        var plans = new List<CatalogPlanCell>();
        var used = cells.Count == 0 ? 0 : cells.Keys.Max(k => k.Row);
        for (var r = WorkbookLayout.CatalogFirstItemRow; r <= Math.Min(used, lastRow); r++)
        {
            var item = Text(r, 1).Trim();
            if (item.Contains('.', StringComparison.Ordinal) && cells.TryGetValue((r, 3), out var plan) && !plan.IsBlank)
            {
                plans.Add(new CatalogPlanCell(r, item, plan));
            }
        }

        return new RawWorkbookCatalog(code, plans);
    }

    /// <summary>A data sheet's rows, read afresh from the package at each enumeration.</summary>
    private sealed class SheetRows(UploadedBytes package, string relationshipId, string sheet, List<string> strings, CellStyles styles, CancellationToken ct) : IEnumerable<RawRow>
    {
        public IEnumerator<RawRow> GetEnumerator()
        {
            using var rows = Rows().GetEnumerator();
            while (true)
            {
                try
                {
                    if (!rows.MoveNext())
                    {
                        yield break;
                    }
                }
                catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException)
                {
                    throw new WorkbookFormatException($"Không đọc được sheet {sheet}: tệp bị hỏng. Hãy mở tệp bằng Excel và lưu lại dạng .xlsx.", ex) { Sheet = sheet };
                }

                yield return rows.Current;
            }
        }

        private IEnumerable<RawRow> Rows()
        {
            using var document = package.Open();
            var worksheet = (WorksheetPart)document.WorkbookPart!.GetPartById(relationshipId);
            var count = 0;
            foreach (var (number, cells) in ReadRows(worksheet, strings, styles, ct))
            {
                if (cells.Count == 0)
                {
                    continue;
                }

                if (++count > MaxRowsPerSheet)
                {
                    throw new WorkbookFormatException($"Sheet {sheet} có quá {MaxRowsPerSheet:N0} dòng; hãy chia thành nhiều tệp.") { Sheet = sheet };
                }

                yield return new RawRow(number, cells);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>
    /// Each row's number and its non-blank cells by column number, forward only. Read with <see cref="XmlReader"/> over
    /// the part's stream: the SDK's <see cref="OpenXmlReader"/> builds an element object and an attribute list per node,
    /// which for a million-row ledger sheet (about 20 million nodes) was most of the import's reading time (ADR 0200).
    /// </summary>
    private static IEnumerable<(int Row, Dictionary<int, RawCell> Cells)> ReadRows(WorksheetPart part, List<string> strings, CellStyles styles, CancellationToken ct)
    {
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreProcessingInstructions = true, XmlResolver = null,
        });
        var rowNumber = 0;
        var lastCount = 0;
        Dictionary<int, RawCell>? cells = null;
        var column = 0;
        string? type = null;
        uint style = 0;
        string? value = null;
        StringBuilder? inline = null;
        var inSheetData = false;
        var inCell = false;
        var inPhonetic = false;
        var advanced = false;
        while (advanced || reader.Read())
        {
            advanced = false;
            if (reader.NodeType == XmlNodeType.Element)
            {
                var empty = reader.IsEmptyElement;
                switch (reader.LocalName)
                {
                    case "sheetData":
                        inSheetData = !empty;
                        break;
                    case "row" when inSheetData:
                        ct.ThrowIfCancellationRequested();
                        var r = reader.GetAttribute("r");
                        rowNumber = r is not null && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : rowNumber + 1;
                        column = 0;
                        // Sized like the row before: no growing per cell (the copies were 5 % of an import's time).
                        cells = new Dictionary<int, RawCell>(lastCount);
                        if (empty)
                        {
                            yield return (rowNumber, cells);
                            cells = null;
                        }

                        break;
                    case "c" when cells is not null:
                        var reference = reader.GetAttribute("r");
                        column = reference is null ? column + 1 : ColumnOf(reference);
                        type = reader.GetAttribute("t");
                        style = uint.TryParse(reader.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
                        value = null;
                        inline = null;
                        inCell = !empty;
                        break;
                    case "v" when inCell:
                        value = reader.ReadElementContentAsString();
                        advanced = true;
                        break;
                    case "rPh" when inCell:
                        inPhonetic = !empty;
                        break;
                    case "t" when inCell && !inPhonetic:
                        (inline ??= new StringBuilder()).Append(reader.ReadElementContentAsString());
                        advanced = true;
                        break;
                    default:
                        break;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement)
            {
                switch (reader.LocalName)
                {
                    case "sheetData":
                        inSheetData = false;
                        break;
                    case "row" when cells is not null:
                        lastCount = cells.Count;
                        yield return (rowNumber, cells);
                        cells = null;
                        break;
                    case "c" when inCell:
                        inCell = false;
                        if (Convert(type, style, value, inline?.ToString(), strings, styles) is { IsBlank: false } cell && cells is not null)
                        {
                            cells[column] = cell;
                        }

                        break;
                    case "rPh":
                        inPhonetic = false;
                        break;
                    default:
                        break;
                }
            }
        }
    }

    /// <summary>A cell as Excel shows it; null for a cell with no value.</summary>
    private static RawCell? Convert(string? type, uint style, string? value, string? inline, List<string> strings, CellStyles styles)
    {
        switch (type)
        {
            case "inlineStr":
                return new RawCell(inline ?? value ?? "", null, null);
            case "s":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count
                    ? new RawCell(strings[index], null, null)
                    : null;
            case "str":
            case "e":
                return value is null ? null : new RawCell(value, null, null);
            case "b":
                return value is null ? null : new RawCell(value.Trim() is "1" or "true" ? "TRUE" : "FALSE", null, null);
            case "d":
                return value is not null && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var iso)
                    ? new RawCell(iso.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), null, iso)
                    : value is null ? null : new RawCell(value, null, null);
            default:
                if (value is null)
                {
                    return null;
                }

                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                {
                    return new RawCell(value, null, null);
                }

                if (styles.IsText(style))
                {
                    // A number in a cell formatted as text ("@") is text to Excel.
                    return new RawCell(value, null, null);
                }

                if (styles.IsDate(style) && d is > -657435 and < 2958466)
                {
                    var date = DateTime.FromOADate(d);
                    return new RawCell(date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), null, date);
                }

                return Number(d);
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

    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var ch in reference)
        {
            if (!char.IsAsciiLetter(ch))
            {
                break;
            }

            column = (column * 26) + (char.ToUpperInvariant(ch) - 'A' + 1);
        }

        return column;
    }

    /// <summary>Which cell formats (the s index) show a date, and which are text ("@").</summary>
    private sealed class CellStyles
    {
        private readonly bool[] _date;
        private readonly bool[] _text;

        private CellStyles(bool[] date, bool[] text)
        {
            _date = date;
            _text = text;
        }

        public bool IsDate(uint style) => style < _date.Length && _date[style];

        public bool IsText(uint style) => style < _text.Length && _text[style];

        public static CellStyles Of(WorkbookPart workbook)
        {
            var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
            var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
                .Where(f => f.NumberFormatId?.Value is not null)
                .GroupBy(f => f.NumberFormatId!.Value)
                .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? "") ?? [];
            var formats = stylesheet?.CellFormats?.Elements<CellFormat>().Select(f => f.NumberFormatId?.Value ?? 0).ToArray() ?? [];
            return new CellStyles(
                formats.Select(id => IsDateFormat(id, custom.GetValueOrDefault(id))).ToArray(),
                formats.Select(id => id == 49 || custom.GetValueOrDefault(id) == "@").ToArray());
        }

        private static bool IsDateFormat(uint id, string? code)
        {
            if (id is (>= 14 and <= 22) or (>= 45 and <= 47) or (>= 27 and <= 36) or (>= 50 and <= 58))
            {
                return true;
            }

            if (string.IsNullOrEmpty(code) || id < 164)
            {
                return false;
            }

            // A date or time part outside quoted text, escapes and [colour]/[locale] brackets.
            var quoted = false;
            var bracket = false;
            for (var i = 0; i < code.Length; i++)
            {
                var c = code[i];
                if (c == '"')
                {
                    quoted = !quoted;
                }
                else if (quoted)
                {
                    continue;
                }
                else if (c == '\\' || c == '_' || c == '*')
                {
                    i++;
                }
                else if (c == '[')
                {
                    bracket = true;
                }
                else if (c == ']')
                {
                    bracket = false;
                }
                else if (!bracket && "dmyhsDMYHS".Contains(c, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}

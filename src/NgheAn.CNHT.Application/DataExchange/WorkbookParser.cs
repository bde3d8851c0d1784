using System.Globalization;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.DataExchange;

/// <summary>
/// A parsed row: its sheet row number and its values (null when a cell of the row could not be read). For such a
/// row, <see cref="Readable"/> keeps the text cells that could be read, so the checks that need only them
/// (duplicate code, catalog item, tax code) still report their problems in the same pass.
/// </summary>
public sealed record Numbered<T>(int Row, T? Value) where T : class
{
    public IReadOnlyDictionary<string, string> Readable { get; init; } = NoReadableText.Instance;
}

/// <summary>Equal strings read from many rows shared as one instance; bounded, so a file of all-different text pools nothing more.</summary>
internal sealed class StringPool
{
    private const int MaxEntries = 500_000;
    private const int MaxLength = 200;
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public string? Share(string? text)
    {
        if (text is null || text.Length > MaxLength)
        {
            return text;
        }

        if (_strings.TryGetValue(text, out var shared))
        {
            return shared;
        }

        if (_strings.Count < MaxEntries)
        {
            _strings[text] = text;
        }

        return text;
    }
}

/// <summary>No readable text: shared by every row read whole (a million ledger rows need no million empty dictionaries).</summary>
internal static class NoReadableText
{
    public static IReadOnlyDictionary<string, string> Instance { get; } = new Dictionary<string, string>();
}

public sealed record ParsedWorkbook(
    string? ProgramCode,
    IReadOnlyList<Numbered<ProposalLine>> Proposals,
    IReadOnlyList<Numbered<LedgerLine>> Ledger,
    IReadOnlyList<Numbered<UnitLine>> Units,
    IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// Turns raw cells into typed rows, reporting every cell it cannot read by sheet, row and column:
/// text where a number belongs, fractions of a đồng, unknown statuses, dates it cannot read.
/// Amounts typed the Vietnamese way ("1.250.000.000") are read with <see cref="VnFormat.TryParseDong"/>.
/// </summary>
public static class WorkbookParser
{
    private static readonly string[] DateFormats = ["d/M/yyyy", "dd/MM/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd", "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss"];

    public static ParsedWorkbook Parse(RawWorkbook raw)
    {
        var problems = new List<ImportProblem>();
        // A million ledger rows repeat their proposal's code and, often, one note: one string each (ADR 0108).
        var pool = new StringPool();
        var proposals = ReadProposals(raw, problems, pool).ToList();
        var ledger = ReadLedger(raw, problems, pool, shareCodes: true).ToList();
        var units = ReadUnits(raw, problems);
        return new ParsedWorkbook(ProgramCodeOf(raw), proposals, ledger, units, problems);
    }

    /// <summary>The program code of the DanhMuc sheet (B1), trimmed; null when blank.</summary>
    public static string? ProgramCodeOf(RawWorkbook raw) => string.IsNullOrWhiteSpace(raw.ProgramCode) ? null : raw.ProgramCode.Trim();

    /// <summary>
    /// The DeAn sheet's rows, one at a time as the sheet is read (ADR 0201): enumerate once, forward. A missing sheet or
    /// header, and every cell that cannot be read, is added to <paramref name="problems"/> as the rows go by.
    /// </summary>
    internal static IEnumerable<Numbered<ProposalLine>> ReadProposals(RawWorkbook raw, List<ImportProblem> problems, StringPool pool)
    {
        var proposalSheet = raw.Sheet(WorkbookLayout.ProposalSheetName);
        if (proposalSheet is null)
        {
            problems.Add(new ImportProblem(WorkbookLayout.ProposalSheetName, 0, null, null,
                $"Tệp không có sheet \"{WorkbookLayout.ProposalSheetName}\" (danh sách đề án). Hãy dùng tệp mẫu tải từ trang Nhập dữ liệu."));
            yield break;
        }

        foreach (var (row, r) in ReadSheet(proposalSheet, WorkbookLayout.Proposals, problems))
        {
            var line = ReadProposal(r, pool);
            yield return new(row.Number, line) { Readable = line is null ? r.Readable : NoReadableText.Instance };
        }
    }

    /// <summary>
    /// The GiaiNgan sheet's rows, one at a time as the sheet is read (ADR 0201). Notes are shared through
    /// <paramref name="pool"/>; proposal codes too when <paramref name="shareCodes"/> (the caller keeps the rows).
    /// </summary>
    internal static IEnumerable<Numbered<LedgerLine>> ReadLedger(RawWorkbook raw, List<ImportProblem> problems, StringPool pool, bool shareCodes)
    {
        if (raw.Sheet(WorkbookLayout.LedgerSheetName) is not { } ledgerSheet)
        {
            yield break;
        }

        foreach (var (row, r) in ReadSheet(ledgerSheet, WorkbookLayout.Ledger, problems))
        {
            yield return new(row.Number, ReadLedger(r, pool, shareCodes));
        }
    }

    /// <summary>The DonVi sheet (a register of lead units: short), read whole.</summary>
    internal static List<Numbered<UnitLine>> ReadUnits(RawWorkbook raw, List<ImportProblem> problems)
    {
        var units = new List<Numbered<UnitLine>>();
        if (raw.Sheet(WorkbookLayout.UnitSheetName) is { } unitSheet)
        {
            foreach (var (row, r) in ReadSheet(unitSheet, WorkbookLayout.Units, problems))
            {
                units.Add(new(row.Number, ReadUnit(r)));
            }
        }

        return units;
    }

    private static IEnumerable<(RawRow Row, RowReader Reader)> ReadSheet(RawSheet sheet, WorkbookSheet layout, List<ImportProblem> problems)
    {
        var header = sheet.Rows.FirstOrDefault(r => r.Number == WorkbookLayout.HeaderRow);
        var map = new Dictionary<string, int>();
        foreach (var column in layout.Columns)
        {
            var found = header?.Cells.FirstOrDefault(c => HeaderMatches(c.Value.Text, column.Header));
            if (found is { Value: not null } hit && hit.Key > 0)
            {
                map[column.Key] = hit.Key;
            }
            else if (column.Required)
            {
                problems.Add(new ImportProblem(layout.Name, WorkbookLayout.HeaderRow, null, null,
                    $"Thiếu cột \"{column.Header}\" ở dòng tiêu đề. Hãy dùng tệp mẫu tải từ trang Nhập dữ liệu."));
            }
        }

        if (layout.Columns.Where(c => c.Required).Any(c => !map.ContainsKey(c.Key)))
        {
            yield break;
        }

        var firstKey = layout.Columns[0];
        foreach (var row in sheet.Rows)
        {
            if (row.Number <= WorkbookLayout.HeaderRow || row.IsBlank)
            {
                continue;
            }

            var first = row[map[firstKey.Key]]?.Text ?? "";
            if (row.Number == WorkbookLayout.NoteRow && WorkbookLayout.NormalizeText(first) == WorkbookLayout.NormalizeText(firstKey.Note))
            {
                continue;
            }

            if (first.TrimStart().StartsWith(WorkbookLayout.ExamplePrefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            yield return (row, new RowReader(layout, row, map, problems));
        }
    }

    private static bool HeaderMatches(string text, string header)
    {
        var t = WorkbookLayout.NormalizeText(text);
        var h = WorkbookLayout.NormalizeText(header);
        if (t == h)
        {
            return true;
        }

        // "Tổng kinh phí" for "Tổng kinh phí (đồng)": the unit in brackets may be left out.
        var bracket = h.IndexOf(" (", StringComparison.Ordinal);
        return bracket > 0 && t == h[..bracket];
    }

    private static ProposalLine? ReadProposal(RowReader r, StringPool pool)
    {
        var code = r.Text("Code", FieldLengths.ProposalCode);
        var title = r.Text("Title", FieldLengths.ProposalTitle);
        var item = r.Text("ItemCode", FieldLengths.CatalogCode);
        var unit = r.Text("UnitName", FieldLengths.OrganizationName);
        var tax = r.TaxCode("TaxCode");
        var start = r.Year("StartYear");
        var end = r.Year("EndYear");
        var total = r.Money("TotalCost");
        var share = r.Money("ProvincialShare");
        var status = r.Choice<ProposalStatus>("Status", WorkbookLayout.TryStatus, WorkbookLayout.Statuses.Select(WorkbookLayout.StatusName));
        var decision = r.Text("DecisionNumber", FieldLengths.DecisionNumber);
        var decisionDate = r.Date("DecisionDate");
        var acceptance = r.Date("AcceptanceDate");
        var settlementNumber = r.Text("SettlementDecisionNumber", FieldLengths.DecisionNumber);
        var settlementDate = r.Date("SettlementDate");
        var settledTotal = r.Money("SettledTotalCost");
        var settledShare = r.Money("SettledProvincialShare");
        if (r.HasErrors)
        {
            return null;
        }

        return new ProposalLine(pool.Share(code!), title!, pool.Share(item!), pool.Share(unit!), pool.Share(tax), start!.Value, end!.Value, total!.Value, share!.Value, status!.Value,
            decision, decisionDate, acceptance, settlementNumber, settlementDate, settledTotal, settledShare);
    }

    private static LedgerLine? ReadLedger(RowReader r, StringPool pool, bool shareCodes)
    {
        var code = r.Text("Code", FieldLengths.ProposalCode);
        var date = r.Date("EntryDate");
        var voucher = r.Text("VoucherNumber", FieldLengths.VoucherNumber);
        var source = r.Choice<FundingSource>("Source", WorkbookLayout.TrySource, WorkbookLayout.Sources.Select(WorkbookLayout.SourceName));
        var kind = r.Choice<DisbursementKind>("Kind", WorkbookLayout.TryKind, WorkbookLayout.Kinds.Select(WorkbookLayout.KindName));
        var amount = r.Money("Amount");
        var note = r.Text("Note", FieldLengths.LedgerNote);
        var original = r.Text("OriginalVoucher", FieldLengths.VoucherNumber);
        if (r.HasErrors)
        {
            return null;
        }

        return new LedgerLine(shareCodes ? pool.Share(code!) : code!, date!.Value, voucher!, source!.Value, kind!.Value, amount!.Value, pool.Share(note), original);
    }

    private static UnitLine? ReadUnit(RowReader r)
    {
        var name = r.Text("Name", FieldLengths.OrganizationName);
        var kind = r.Choice<OrganizationKind>("Kind", WorkbookLayout.TryUnitKind, WorkbookLayout.UnitKinds.Select(WorkbookLayout.UnitKindName));
        var tax = r.TaxCode("TaxCode");
        var sector = r.Text("Sector", FieldLengths.Sector);
        var district = r.Text("District", FieldLengths.District);
        var address = r.Text("Address", FieldLengths.Address);
        return r.HasErrors ? null : new UnitLine(name!, kind, tax, sector, district, address);
    }

    private delegate bool TryParse<T>(string text, out T value);

    /// <summary>Reads the cells of one row, adding a located problem for each cell it cannot read.</summary>
    private sealed class RowReader(WorkbookSheet layout, RawRow row, Dictionary<string, int> map, List<ImportProblem> problems)
    {
        // Only DeAn rows are checked from their readable texts; a million ledger rows need no dictionary each.
        private readonly bool _keepReadable = ReferenceEquals(layout, WorkbookLayout.Proposals);
        private Dictionary<string, string>? _readable;

        public bool HasErrors { get; private set; }

        /// <summary>The text cells read without a problem.</summary>
        public IReadOnlyDictionary<string, string> Readable => _readable ?? NoReadableText.Instance;

        private string Keep(string key, string text)
        {
            if (_keepReadable)
            {
                (_readable ??= [])[key] = text;
            }

            return text;
        }

        private RawCell? Cell(string key) => map.TryGetValue(key, out var index) ? row[index] : null;

        private void Fail(string key, string message)
        {
            var column = layout[key];
            var letter = map.TryGetValue(key, out var index) ? WorkbookLayout.ColumnLetter(index) : column.Letter;
            problems.Add(new ImportProblem(layout.Name, row.Number, letter, column.Header, message));
            HasErrors = true;
        }

        private bool Missing(string key, RawCell? cell)
        {
            if (cell is not null && !cell.IsBlank)
            {
                return false;
            }

            if (layout[key].Required)
            {
                Fail(key, $"{layout[key].Header} không được để trống.");
            }

            return true;
        }

        public string? Text(string key, int maxLength)
        {
            var cell = Cell(key);
            if (Missing(key, cell))
            {
                return null;
            }

            var text = cell!.Date is { } d && cell.Number is null ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : cell.Text.Trim();
            if (text.Length > maxLength)
            {
                Fail(key, $"{layout[key].Header} dài tối đa {maxLength} ký tự (ô này có {text.Length}).");
                return null;
            }

            text = Nfc.Of(text);
            Keep(key, text);
            return text;
        }

        /// <summary>A tax code typed as a number loses its leading zero (0101234567 → 101234567): it is put back.</summary>
        public string? TaxCode(string key)
        {
            var cell = Cell(key);
            if (Missing(key, cell))
            {
                return null;
            }

            if (cell!.Number is { } n && n == decimal.Truncate(n) && n > 0)
            {
                var digits = n.ToString("0", CultureInfo.InvariantCulture);
                return Keep(key, digits.Length == 9 ? "0" + digits : digits);
            }

            return Keep(key, cell.Text.Trim());
        }

        public int? Year(string key)
        {
            var cell = Cell(key);
            if (Missing(key, cell))
            {
                return null;
            }

            var text = cell!.Text.Trim();
            if (cell.Number is { } n && n == decimal.Truncate(n) && n is >= 1900 and <= 2200)
            {
                return (int)n;
            }

            if (cell.Number is null && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2200)
            {
                return y;
            }

            Fail(key, $"\"{text}\" không phải một năm (nhập 4 chữ số, ví dụ 2024).");
            return null;
        }

        public decimal? Money(string key)
        {
            var cell = Cell(key);
            if (Missing(key, cell))
            {
                return null;
            }

            if (cell!.Number is { } n)
            {
                if (n != decimal.Truncate(n))
                {
                    Fail(key, $"{layout[key].Header} phải là số đồng nguyên (ô này có {n.ToString(VnFormat.Culture)}).");
                    return null;
                }

                return n;
            }

            var text = cell.Text.Trim();
            if (VnFormat.TryParseDong(text, out var amount))
            {
                return amount;
            }

            Fail(key, $"\"{text}\" không phải số tiền hợp lệ: nhập số đồng nguyên, ví dụ 1.250.000.000.");
            return null;
        }

        public DateOnly? Date(string key)
        {
            var cell = Cell(key);
            if (Missing(key, cell))
            {
                return null;
            }

            if (cell!.Date is { } d)
            {
                return DateOnly.FromDateTime(d);
            }

            if (cell.Number is { } serial && serial == decimal.Truncate(serial) && serial is > 0 and < 2_958_466)
            {
                return DateOnly.FromDateTime(DateTime.FromOADate((double)serial));
            }

            var text = cell.Text.Trim();
            if (cell.Number is null && DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return DateOnly.FromDateTime(parsed);
            }

            Fail(key, $"\"{text}\" không phải ngày hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 05/01/2024.");
            return null;
        }

        public T? Choice<T>(string key, TryParse<T> parse, IEnumerable<string> allowed) where T : struct, Enum
        {
            var cell = Cell(key);
            if (Missing(key, cell))
            {
                return null;
            }

            var text = cell!.Text.Trim();
            if (parse(text, out var value))
            {
                return value;
            }

            Fail(key, $"\"{text}\" không có trong danh sách. Chọn một trong: {string.Join(", ", allowed)}.");
            return null;
        }
    }
}

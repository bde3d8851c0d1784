using System.Globalization;
using System.Text;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.DataExchange;

public enum CellKind
{
    Text,
    Year,
    Money,
    Date,
}

/// <summary>One column of a data sheet: its header (how the importer finds it), the note under it, whether it is required.</summary>
public sealed record WorkbookColumn(string Key, string Header, string Note, bool Required, CellKind Kind, double Width)
{
    public int Index { get; init; }
    public string Letter => WorkbookLayout.ColumnLetter(Index);
}

public sealed record WorkbookSheet(string Name, string Title, IReadOnlyList<WorkbookColumn> Columns)
{
    // Looked up for every cell the parser reads (a million-row ledger sheet): by key, not by a scan of the columns.
    private readonly Dictionary<string, WorkbookColumn> _byKey = Columns.ToDictionary(c => c.Key, StringComparer.Ordinal);

    public WorkbookColumn this[string key] => _byKey[key];
}

/// <summary>
/// The import template's format (docs/decisions/0040-workbook-import-and-export.md), shared by the template and
/// export writer, the parser and the messages: sheet names, headers (row 1), notes (row 2), data from row 3.
/// The importer finds columns by their header text, so reordered columns still import.
/// </summary>
public static class WorkbookLayout
{
    public const string ProposalSheetName = "DeAn";
    public const string LedgerSheetName = "GiaiNgan";
    public const string UnitSheetName = "DonVi";
    public const string CatalogSheetName = "DanhMuc";

    /// <summary>The DanhMuc sheet's first catalog row (under its header in row 6): code in A, name in B, plan in C.</summary>
    public const int CatalogFirstItemRow = 7;

    /// <summary>Rows whose code starts with this are examples and are never imported.</summary>
    public const string ExamplePrefix = "(Ví dụ)";

    public const int HeaderRow = 1;
    public const int NoteRow = 2;
    public const int FirstDataRow = 3;

    /// <summary>Catalog sheet cells that carry the program code (B1) the workbook belongs to.</summary>
    public const string ProgramCodeLabel = "Mã chương trình";

    public static WorkbookSheet Proposals { get; } = Sheet(ProposalSheetName, "Đề án",
    [
        new("Code", "Mã đề án", "Bắt buộc, không trùng; tối đa 30 ký tự (ví dụ CNHT-2024-01).", true, CellKind.Text, 18),
        new("Title", "Tên đề án", "Bắt buộc.", true, CellKind.Text, 50),
        new("ItemCode", "Mã nội dung", "Bắt buộc: mã nội dung trong danh mục của chương trình, ví dụ 3.3 (xem sheet DanhMuc).", true, CellKind.Text, 12),
        new("UnitName", "Đơn vị chủ trì", "Bắt buộc. Đơn vị được tìm theo mã số thuế, rồi theo tên; chưa có thì tạo mới.", true, CellKind.Text, 40),
        new("TaxCode", "Mã số thuế", "10 chữ số, hoặc 13 chữ số cho đơn vị phụ thuộc (0123456789-001); bắt buộc với doanh nghiệp.", false, CellKind.Text, 16),
        new("StartYear", "Năm bắt đầu", "Bắt buộc, trong giai đoạn của chương trình.", true, CellKind.Year, 10),
        new("EndYear", "Năm kết thúc", "Bắt buộc, không trước năm bắt đầu.", true, CellKind.Year, 10),
        new("TotalCost", "Tổng kinh phí (đồng)", "Bắt buộc, số đồng nguyên, ví dụ 1.250.000.000. Với đề án đã phê duyệt: số được duyệt.", true, CellKind.Money, 18),
        new("ProvincialShare", "Ngân sách tỉnh hỗ trợ (đồng)", "Bắt buộc, không lớn hơn tổng kinh phí.", true, CellKind.Money, 18),
        new("Status", "Trạng thái", "Bắt buộc, chọn trong danh sách (ví dụ Đã quyết toán).", true, CellKind.Text, 16),
        new("DecisionNumber", "Số QĐ phê duyệt", "Bắt buộc từ trạng thái Đã phê duyệt trở đi; với Không phê duyệt: số văn bản.", false, CellKind.Text, 16),
        new("DecisionDate", "Ngày phê duyệt", "dd/mm/yyyy. Bắt buộc từ trạng thái Đã thẩm định trở đi (với Đã thẩm định: ngày thẩm định).", false, CellKind.Date, 14),
        new("AcceptanceDate", "Ngày nghiệm thu", "dd/mm/yyyy. Bắt buộc với Đã nghiệm thu và Đã quyết toán.", false, CellKind.Date, 14),
        new("SettlementDecisionNumber", "Số QĐ quyết toán", "Bắt buộc với Đã quyết toán.", false, CellKind.Text, 16),
        new("SettlementDate", "Ngày quyết toán", "dd/mm/yyyy. Bắt buộc với Đã quyết toán.", false, CellKind.Date, 14),
        new("SettledTotalCost", "Tổng kinh phí quyết toán (đồng)", "Với Đã quyết toán; để trống nếu bằng số được duyệt.", false, CellKind.Money, 18),
        new("SettledProvincialShare", "Ngân sách tỉnh quyết toán (đồng)", "Với Đã quyết toán; để trống nếu bằng số được duyệt.", false, CellKind.Money, 18),
    ]);

    public static WorkbookSheet Ledger { get; } = Sheet(LedgerSheetName, "Giải ngân",
    [
        new("Code", "Mã đề án", "Bắt buộc: mã của một đề án trong sheet DeAn.", true, CellKind.Text, 18),
        new("EntryDate", "Ngày chứng từ", "Bắt buộc, dd/mm/yyyy; không trước ngày phê duyệt đề án.", true, CellKind.Date, 14),
        new("VoucherNumber", "Số chứng từ", "Bắt buộc.", true, CellKind.Text, 18),
        new("Source", "Nguồn kinh phí", "Bắt buộc, chọn trong danh sách.", true, CellKind.Text, 22),
        new("Kind", "Loại bút toán", "Bắt buộc, chọn trong danh sách. Thu hồi và Bút toán đảo: ghi số dương.", true, CellKind.Text, 16),
        new("Amount", "Số tiền (đồng)", "Bắt buộc, số đồng nguyên dương; ngân sách tỉnh cộng dồn không vượt số được duyệt.", true, CellKind.Money, 18),
        new("Note", "Ghi chú", "Với Bút toán đảo: lý do đảo (bắt buộc).", false, CellKind.Text, 30),
        new("OriginalVoucher", "Số chứng từ gốc", "Chỉ với Bút toán đảo: số chứng từ của bút toán bị đảo (cùng đề án).", false, CellKind.Text, 18),
    ]);

    public static WorkbookSheet Units { get; } = Sheet(UnitSheetName, "Đơn vị chủ trì",
    [
        new("Name", "Tên đơn vị", "Bắt buộc. Không bắt buộc có sheet này: đơn vị chưa có trên cổng mà không được mô tả ở đây sẽ được tạo với loại mặc định.", true, CellKind.Text, 45),
        new("Kind", "Loại đơn vị", "Chọn trong danh sách; để trống: có mã số thuế là Doanh nghiệp CNHT, không có là Cơ quan nhà nước.", false, CellKind.Text, 24),
        new("TaxCode", "Mã số thuế", "Bắt buộc với doanh nghiệp.", false, CellKind.Text, 16),
        new("Sector", "Lĩnh vực", "", false, CellKind.Text, 20),
        new("District", "Huyện/thành phố/thị xã", "", false, CellKind.Text, 22),
        new("Address", "Địa chỉ", "", false, CellKind.Text, 35),
    ]);

    public static IReadOnlyList<ProposalStatus> Statuses { get; } = Enum.GetValues<ProposalStatus>();

    public static IReadOnlyList<FundingSource> Sources { get; } = Enum.GetValues<FundingSource>();

    public static IReadOnlyList<DisbursementKind> Kinds { get; } = Enum.GetValues<DisbursementKind>();

    public static IReadOnlyList<OrganizationKind> UnitKinds { get; } = Enum.GetValues<OrganizationKind>();

    public static string StatusName(ProposalStatus s) => s.DisplayName();

    public static string SourceName(FundingSource s) => DisbursementEntry.SourceDisplayName(s);

    public static string KindName(DisbursementKind k) => DisbursementEntry.KindDisplayName(k);

    public static string UnitKindName(OrganizationKind k) => Organization.KindDisplayName(k);

    public static bool TryStatus(string text, out ProposalStatus value) => TryName(text, Statuses, StatusName, out value);

    public static bool TrySource(string text, out FundingSource value) => TryName(text, Sources, SourceName, out value);

    public static bool TryKind(string text, out DisbursementKind value) => TryName(text, Kinds, KindName, out value);

    public static bool TryUnitKind(string text, out OrganizationKind value) => TryName(text, UnitKinds, UnitKindName, out value);

    /// <summary>Accepts the Vietnamese name shown in the drop-down list, or the enum name other systems write.</summary>
    private static bool TryName<T>(string text, IReadOnlyList<T> values, Func<T, string> name, out T value) where T : struct, Enum =>
        Names<T>.Of(values, name).TryGetValue(NormalizeText(text), out value);

    /// <summary>
    /// Each value's names, normalised once (the parser reads two such cells on every ledger row): the first value in
    /// the list's order that a name matches wins, its Vietnamese name before its enum name.
    /// </summary>
    private static class Names<T> where T : struct, Enum
    {
        private static Dictionary<string, T>? _names;

        public static Dictionary<string, T> Of(IReadOnlyList<T> values, Func<T, string> name)
        {
            if (_names is { } names)
            {
                return names;
            }

            names = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (var v in values)
            {
                names.TryAdd(NormalizeText(name(v)), v);
                names.TryAdd(NormalizeText(v.ToString()), v);
            }

            return _names = names;
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> NormalizedTexts = new(StringComparer.Ordinal);

    /// <summary>NFC, trimmed, inner whitespace collapsed, lower case: how names and headers are compared.</summary>
    /// <remarks>Short texts' answers are remembered (bounded): an import compares the same sources and kinds on every ledger row.</remarks>
    public static string NormalizeText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        if (text.Length > 64)
        {
            return Normalized(text);
        }

        if (NormalizedTexts.TryGetValue(text, out var known))
        {
            return known;
        }

        var normalized = Normalized(text);
        if (NormalizedTexts.Count < 8192)
        {
            NormalizedTexts.TryAdd(text, normalized);
        }

        return normalized;
    }

    private static string Normalized(string text)
    {

        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in Nfc.Of(text.Trim()))
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && sb.Length > 0)
            {
                sb.Append(' ');
            }

            space = false;
            sb.Append(c);
        }

        return sb.ToString().ToLower(CultureInfo.InvariantCulture);
    }

    public static string ColumnLetter(int index)
    {
        var letters = "";
        while (index > 0)
        {
            var m = (index - 1) % 26;
            letters = (char)('A' + m) + letters;
            index = (index - 1) / 26;
        }

        return letters;
    }

    private static WorkbookSheet Sheet(string name, string title, WorkbookColumn[] columns) =>
        new(name, title, columns.Select((c, i) => c with { Index = i + 1 }).ToList());
}

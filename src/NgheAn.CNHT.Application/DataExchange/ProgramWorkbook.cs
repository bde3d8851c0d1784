using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.DataExchange;

/// <summary>
/// A program's data in the import template's format: what the template and the export write and what
/// the parser reads back. Amounts are whole đồng; ledger amounts are magnitudes (the kind gives the sign).
/// </summary>
public sealed record ProgramWorkbook(
    string ProgramCode,
    string ProgramName,
    int StartYear,
    int EndYear,
    string? LegalBasis,
    IReadOnlyList<CatalogLine> Catalog,
    IReadOnlyList<UnitLine> Units,
    IReadOnlyList<ProposalLine> Proposals,
    IReadOnlyList<LedgerLine> Ledger,
    bool IsTemplate);

/// <summary>A group (ItemCode null) or an item of the catalog, with its period plan.</summary>
public sealed record CatalogLine(string GroupCode, string? ItemCode, string Name, decimal Plan);

public sealed record UnitLine(string Name, OrganizationKind? Kind, string? TaxCode, string? Sector, string? District, string? Address);

public sealed record ProposalLine(
    string Code,
    string Title,
    string ItemCode,
    string UnitName,
    string? TaxCode,
    int StartYear,
    int EndYear,
    decimal TotalCost,
    decimal ProvincialShare,
    ProposalStatus Status,
    string? DecisionNumber,
    DateOnly? DecisionDate,
    DateOnly? AcceptanceDate,
    string? SettlementDecisionNumber,
    DateOnly? SettlementDate,
    decimal? SettledTotalCost,
    decimal? SettledProvincialShare);

public sealed record LedgerLine(
    string ProposalCode,
    DateOnly EntryDate,
    string VoucherNumber,
    FundingSource Source,
    DisbursementKind Kind,
    decimal Amount,
    string? Note,
    string? OriginalVoucher);

/// <summary>The cells of one sheet as the file holds them; row 1 is the header row.</summary>
/// <remarks>The rows may be read from the file as they are enumerated (ADR 0108): enumerate them once, forward.</remarks>
public sealed record RawSheet(string Name, IEnumerable<RawRow> Rows);

public sealed record RawRow(int Number, IReadOnlyDictionary<int, RawCell> Cells)
{
    public RawCell? this[int column] => Cells.GetValueOrDefault(column);

    public bool IsBlank => Cells.Values.All(c => c.IsBlank);
}

/// <summary>A cell: its text as shown, and its number or date when the file stores one.</summary>
public sealed record RawCell(string Text, decimal? Number, DateTime? Date)
{
    public bool IsBlank => Number is null && Date is null && string.IsNullOrWhiteSpace(Text);
}

/// <summary>
/// The sheets the import reads, the program code of the DanhMuc sheet and, from the same sheet, each content item's
/// period plan as the file states it (<see cref="ItemPlans"/>: row, item code, the cell as read).
/// </summary>
public sealed record RawWorkbook(IReadOnlyList<RawSheet> Sheets, string? ProgramCode, IReadOnlyList<CatalogPlanCell>? ItemPlans = null)
{
    public RawSheet? Sheet(string name) =>
        Sheets.FirstOrDefault(s => string.Equals(s.Name.Trim(), name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One item's plan in the DanhMuc sheet: the row, the item code (column A) and the plan cell (column C).</summary>
public sealed record CatalogPlanCell(int Row, string ItemCode, RawCell Plan);

/// <summary>The file is not a readable XLSX workbook (wrong type, damaged, too large once unpacked).</summary>
public sealed class WorkbookFormatException : Exception
{
    /// <summary>The sheet the problem is in, when it is in one ("—" for the file as a whole).</summary>
    public string Sheet { get; init; } = "—";

    public WorkbookFormatException(string message) : base(message) { }
    public WorkbookFormatException() : base("Tệp không phải bảng tính Excel (.xlsx).") { }
    public WorkbookFormatException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>Reads an XLSX workbook into raw cells (Infrastructure, ClosedXML).</summary>
public interface IWorkbookReader
{
    /// <exception cref="WorkbookFormatException">The stream is not a readable XLSX workbook.</exception>
    RawWorkbook Read(Stream xlsx, CancellationToken ct = default);
}

/// <summary>Writes a program workbook (template or export) as XLSX (Infrastructure, ClosedXML).</summary>
public interface IWorkbookWriter
{
    void Write(ProgramWorkbook model, Stream output);
}

/// <summary>
/// A program's export as streams (ADR 0108): <see cref="Head"/> holds the catalog and the unit register (small) and
/// no proposals or entries; <see cref="Proposals"/> and <see cref="Ledger"/> are read from the database row by row,
/// in the order the export writes them, and <see cref="ProposalCount"/> and <see cref="LedgerCount"/> say how many.
/// </summary>
public sealed record ProgramExport(ProgramWorkbook Head, int ProposalCount, int LedgerCount, IAsyncEnumerable<ProposalLine> Proposals, IAsyncEnumerable<LedgerLine> Ledger);

/// <summary>Writes a program export in the workbook format of <see cref="IWorkbookWriter"/>, row by row, never the whole workbook in memory.</summary>
public interface IStreamingWorkbookWriter
{
    Task WriteAsync(ProgramExport export, Stream output, CancellationToken ct = default);
}

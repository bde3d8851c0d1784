using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.Proposals;

/// <summary>
/// What the register is asked for: every filter optional; page is 1-based. <see cref="CountedOnly"/> keeps the
/// proposals the reports count (approved and later, ADR 0003), so a dashboard figure links to exactly its rows.
/// <see cref="Lead"/> is typed: words of a lead unit's name (with or without diacritics) or its tax code.
/// </summary>
public sealed record RegisterFilter(
    string? ProgramCode = null,
    int? Year = null,
    int? GroupId = null,
    int? ItemId = null,
    int? OrganizationId = null,
    ProposalStatus? Status = null,
    string? Query = null,
    RegisterSort Sort = RegisterSort.Code,
    bool Descending = false,
    int Page = 1,
    bool CountedOnly = false,
    string? Lead = null);

public enum RegisterSort
{
    Code,
    Title,
    Item,
    Organization,
    Year,
    Status,
    TotalCost,
    ProvincialShare,
    Changed,
}

/// <summary>
/// One line of the register. Amounts are the proposal's current figures: settled once settled, else
/// approved once approved, else requested.
/// </summary>
public sealed record ProposalRow(
    int Id,
    string Code,
    string Title,
    string ProgramCode,
    int ContentItemId,
    string ItemCode,
    string ItemName,
    int OrganizationId,
    string OrganizationName,
    int StartYear,
    int EndYear,
    decimal TotalCost,
    decimal ProvincialShare,
    ProposalStatus Status,
    DateTime StatusChangedAt,
    bool IsSample);

/// <summary>The count and sums of the register's whole filtered set (never summed from a page).</summary>
public sealed record RegisterTotals(int Count, decimal TotalCost, decimal ProvincialShare);

/// <summary>A page of the register with the totals of the whole filtered set (SQL aggregates).</summary>
public sealed record RegisterPage(IReadOnlyList<ProposalRow> Rows, int TotalCount, decimal TotalCost, decimal ProvincialShare, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

public sealed record ItemOption(int Id, string Code, string Name);

public sealed record GroupOption(int Id, int ProgramId, string ProgramCode, string Code, string Name, IReadOnlyList<ItemOption> Items);

/// <summary>A program for the selects; proposals are entered only under an <see cref="Domain.Catalog.ProgramStatus.Active"/> (locked) catalog.</summary>
public sealed record ProgramOption(int Id, string Code, string Name, int StartYear, int EndYear, Domain.Catalog.ProgramStatus Status = Domain.Catalog.ProgramStatus.Active);

public sealed record OrganizationOption(int Id, string Name, string? TaxCode);

/// <summary>Choices for the register filters and the proposal form.</summary>
public sealed record ProposalChoices(
    IReadOnlyList<ProgramOption> Programs,
    IReadOnlyList<GroupOption> Groups,
    IReadOnlyList<OrganizationOption> Organizations);

public sealed record TransitionRow(ProposalAction? Action, ProposalStatus? FromStatus, ProposalStatus ToStatus, string UserName, string UserDisplayName, DateTime At, string? Comment);

public sealed record AttachmentRow(
    int Id,
    DocumentType DocumentType,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    string? Description,
    string UploadedBy,
    DateTime UploadedAt,
    bool IsDeleted,
    string? DeletedBy,
    DateTime? DeletedAt);

public sealed record DisbursementRow(int Id, DateOnly EntryDate, DisbursementKind Kind, FundingSource Source, string VoucherNumber, decimal Amount, string? Note, string RecordedBy, int? ReversesEntryId);

/// <summary>
/// The ledger of one proposal, read only: entries and the provincial-budget balance
/// (ceiling = settled share once settled, else the approved share).
/// </summary>
public sealed record DisbursementSummary(IReadOnlyList<DisbursementRow> Entries, decimal? ProvincialCeiling, decimal DisbursedProvincial, decimal DisbursedOther)
{
    public decimal? RemainingProvincial => ProvincialCeiling - DisbursedProvincial;
}

public sealed record ProposalDetails(
    int Id,
    string Code,
    string Title,
    string? Objectives,
    string? ExpectedOutputs,
    string ProgramCode,
    string ProgramName,
    int ContentItemId,
    string ItemCode,
    string ItemName,
    string GroupCode,
    string GroupName,
    int LeadOrganizationId,
    string OrganizationName,
    string? OrganizationTaxCode,
    int StartYear,
    int EndYear,
    decimal RequestedTotalCost,
    decimal RequestedProvincialShare,
    DateOnly? AppraisalDate,
    string? AppraisalOpinion,
    decimal? RecommendedTotalCost,
    decimal? RecommendedProvincialShare,
    string? DecisionNumber,
    DateOnly? DecisionDate,
    decimal? ApprovedTotalCost,
    decimal? ApprovedProvincialShare,
    DateOnly? AcceptanceDate,
    string? AcceptanceResult,
    string? SettlementDecisionNumber,
    DateOnly? SettlementDate,
    decimal? SettledTotalCost,
    decimal? SettledProvincialShare,
    string? ClosingReason,
    ProposalStatus Status,
    DateTime StatusChangedAt,
    bool IsSample,
    Guid ConcurrencyStamp,
    string CreatedBy,
    DateTime CreatedAt,
    string? UpdatedBy,
    DateTime? UpdatedAt)
{
    public IReadOnlyList<TransitionRow> Transitions { get; init; } = [];
    public IReadOnlyList<AttachmentRow> Attachments { get; init; } = [];
    public DisbursementSummary Disbursements { get; init; } = new([], null, 0, 0);

    /// <summary>The program of the proposal's content item (the one whose support rules apply).</summary>
    public int ItemProgramId { get; init; }

    /// <summary>The lead unit's kind (the support rules' caps per enterprise apply to enterprises only).</summary>
    public OrganizationKind OrganizationKind { get; init; }

    /// <summary>When the proposal was last submitted (the support rules' reference date), from its history; null while never submitted.</summary>
    public DateTime? LastSubmittedAt => Transitions.Where(t => t.ToStatus == ProposalStatus.Submitted).Max(t => (DateTime?)t.At);
}

/// <summary>The values of the edit form as stored, with the stamp the user will send back.</summary>
public sealed record ProposalForm(
    int Id,
    string Code,
    int ProgramId,
    int ContentItemId,
    int LeadOrganizationId,
    string Title,
    string? Objectives,
    string? ExpectedOutputs,
    int StartYear,
    int EndYear,
    decimal TotalCost,
    decimal ProvincialShare,
    ProposalStatus Status,
    Guid ConcurrencyStamp);

using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.Dashboard;

/// <summary>
/// Everything the home page shows for one program and one year, each figure an SQL aggregate. Amounts are
/// whole đồng. "Counted" proposals are approved and later (ADR 0003); their figures are the settled ones
/// once settled, else the approved ones, exactly as in the appendix.
/// </summary>
public sealed record DashboardView(
    string ProgramCode,
    string ProgramName,
    string? LegalBasis,
    int StartYear,
    int EndYear,
    int Year,
    ProgramFigures Period,
    YearFigures ThisYear,
    IReadOnlyList<GroupFigures> Groups,
    IReadOnlyList<YearColumn> Years,
    IReadOnlyList<StatusCount> Statuses,
    IReadOnlyList<WaitingStatus> Waiting,
    IReadOnlyList<ActivityRow> Activity,
    DateTime GeneratedAtUtc);

/// <summary>The program over its whole period: plan, counted proposals, provincial budget paid.</summary>
public sealed record ProgramFigures(decimal Plan, int ProposalCount, decimal TotalCost, decimal ProvincialShare, decimal DisbursedProvincial)
{
    /// <summary>Provincial share ÷ plan (a ratio), or null without a plan.</summary>
    public decimal? ShareOfPlan => Plan == 0 ? null : ProvincialShare / Plan;

    /// <summary>Provincial budget paid ÷ provincial share of the counted proposals.</summary>
    public decimal? DisbursedOfShare => ProvincialShare == 0 ? null : DisbursedProvincial / ProvincialShare;
}

/// <summary>
/// One year: counted proposals that start in it (as the appendix of that year counts them), provincial budget
/// paid in it (by voucher date) and the approved annual estimate, when there is one.
/// </summary>
public sealed record YearFigures(int Year, int ProposalCount, decimal ProvincialShare, decimal DisbursedProvincial, decimal? ApprovedEstimate, int? EstimateVersion);

public sealed record GroupFigures(int GroupId, string Code, string Name, decimal Plan, int ProposalCount, decimal ProvincialShare, decimal DisbursedProvincial)
{
    public decimal? ShareOfPlan => Plan == 0 ? null : ProvincialShare / Plan;
}

/// <summary>A column of the year chart: provincial share of the proposals starting that year, and paid that year.</summary>
public sealed record YearColumn(int Year, int ProposalCount, decimal ProvincialShare, decimal DisbursedProvincial);

public sealed record StatusCount(ProposalStatus Status, int Count, decimal ProvincialShare);

/// <summary>Proposals in a status where the user's role takes the next step, oldest first.</summary>
public sealed record WaitingStatus(ProposalStatus Status, IReadOnlyList<ProposalAction> Actions, int Count, IReadOnlyList<WaitingProposal> Oldest);

public sealed record WaitingProposal(int Id, string Code, string Title, string ProgramCode, DateTime Since);

public enum ActivityKind
{
    Step,
    Ledger,
}

/// <summary>One recent event: a lifecycle step or a ledger entry.</summary>
public sealed record ActivityRow(
    ActivityKind Kind,
    DateTime At,
    int ProposalId,
    string ProposalCode,
    string Who,
    ProposalAction? Action,
    ProposalStatus? ToStatus,
    DisbursementKind? EntryKind,
    FundingSource? Source,
    decimal? Amount,
    int? EntryId);

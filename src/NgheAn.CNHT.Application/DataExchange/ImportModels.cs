using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.DataExchange;

/// <summary>What to import: the file's name (for messages and history), the program (else the workbook's), and whether to save.</summary>
/// <param name="FlagRuleViolations">Outside the support rules: false refuses the file; true imports it with each violation flagged (ADR 0142).</param>
public sealed record ImportRequest(string FileName, string? ProgramCode, bool DryRun, bool FlagRuleViolations = false);

/// <summary>How far a long import has come: a phase label (Vietnamese) and rows done of total.</summary>
public sealed record ImportProgress(string Phase, int Done, int Total)
{
    public int Percent => Total <= 0 ? 0 : (int)Math.Min(100, Done * 100L / Total);
}

public sealed record ImportSummary(
    int ProposalRows,
    int NewProposals,
    int ExistingProposals,
    int LedgerRows,
    int NewLedgerEntries,
    int SkippedLedgerEntries,
    int NewUnits,
    int MatchedUnits)
{
    public static ImportSummary Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);
}

/// <summary>A proposal the import will create (shown on the preview).</summary>
public sealed record PlannedProposalView(
    int Row,
    string Code,
    string Title,
    string ItemCode,
    string UnitName,
    bool NewUnit,
    int StartYear,
    int EndYear,
    decimal TotalCost,
    decimal ProvincialShare,
    ProposalStatus Status,
    int LedgerEntries);

/// <summary>
/// The result of checking (and, unless a dry run, saving) a workbook. <see cref="Problems"/> holds at
/// most <see cref="ImportService.MaxProblemsKept"/> findings; <see cref="ErrorCount"/> counts them all.
/// Nothing is saved when there is any error.
/// </summary>
public sealed record ImportOutcome(
    string FileName,
    string? ProgramCode,
    ImportSummary Summary,
    IReadOnlyList<ImportProblem> Problems,
    int ErrorCount,
    IReadOnlyList<PlannedProposalView> Preview,
    bool Saved)
{
    public bool HasErrors => ErrorCount > 0;

    public int NoticeCount => Problems.Count(p => !p.IsError);
}

public static class ImportActors
{
    /// <summary>
    /// The actor that walks imported proposals through the lifecycle. It holds the roles each step needs;
    /// every step's comment names the real person who imported the file (docs/decisions/0041-who-imports.md).
    /// </summary>
    public static Actor Import { get; } = new("import", "Nhập dữ liệu từ tệp",
        new HashSet<string> { Roles.DoitSpecialist, Roles.DoitLeader, Roles.SupportCenter });
}

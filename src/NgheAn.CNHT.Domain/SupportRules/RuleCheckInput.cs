using NgheAn.CNHT.Domain.Organizations;

namespace NgheAn.CNHT.Domain.SupportRules;

/// <summary>Who applies: kind, size and location where known (null: not known, checked as a warning).</summary>
public sealed record RuleApplicant(int? OrganizationId, string Name, OrganizationKind? Kind, EnterpriseSize? Size = null, bool? InProvince = null)
{
    public bool IsEnterprise => Kind is OrganizationKind.SupportingIndustryEnterprise or OrganizationKind.ForeignInvestedEnterprise or OrganizationKind.OtherEnterprise;
}

/// <summary>One line of a cost estimate (dự toán): nội dung chi, đơn vị tính, số lượng, đơn giá (whole đồng).</summary>
public sealed record CostLine(string Name, string Unit, decimal Quantity, decimal UnitPrice)
{
    public decimal Amount => Quantity * UnitPrice;
}

/// <summary>
/// What the enterprise already has under the same content item, not counting the proposal being checked: the provincial
/// support of its approved proposals (approved, implementing, accepted, settled) in the same year and in the whole period.
/// </summary>
public sealed record EnterpriseHistory(decimal ApprovedInYear, decimal ApprovedInPeriod)
{
    public static EnterpriseHistory None { get; } = new(0m, 0m);
}

/// <summary>
/// Everything the checker needs about a proposal, an online application or an import row. Amounts in whole đồng;
/// <paramref name="Counterpart"/> null means "the rest of the cost" (total − provincial support).
/// <paramref name="Year"/> is the year the support counts in (the proposal's start year).
/// </summary>
public sealed record RuleCheckInput(
    int ProgramId,
    int ContentItemId,
    RuleApplicant Applicant,
    DateOnly ReferenceDate,
    int Year,
    decimal TotalCost,
    decimal ProvincialSupport,
    decimal? Counterpart,
    IReadOnlyList<CostLine> CostLines,
    EnterpriseHistory History)
{
    public decimal CounterpartAndOther => Counterpart ?? TotalCost - ProvincialSupport;
}

public enum RuleOutcome
{
    Passed,
    Warning,
    Violated,
}

/// <summary>One rule's verdict with the figures it computed and the legal basis cited (the message is Vietnamese and complete).</summary>
public sealed record RuleFinding(
    string Code,
    string Name,
    RuleOutcome Outcome,
    string Message,
    decimal? Actual,
    decimal? Limit,
    string Citation,
    bool Illustrative);

/// <summary>The checker's answer: which rule set (version) governed the reference date, each rule's finding, and the most the caps allow.</summary>
public sealed record RuleCheckResult(
    int? RuleSetId,
    string? RuleSetTitle,
    int? RuleSetVersion,
    DateOnly ReferenceDate,
    IReadOnlyList<RuleFinding> Findings,
    decimal? MaxAllowedProvincialSupport)
{
    public bool HasViolations => Findings.Any(f => f.Outcome == RuleOutcome.Violated);
    public bool HasWarnings => Findings.Any(f => f.Outcome == RuleOutcome.Warning);
    public IEnumerable<RuleFinding> Violations => Findings.Where(f => f.Outcome == RuleOutcome.Violated);

    /// <summary>The violations as one text, one per line (what an override or an import flag records).</summary>
    public string ViolationText => string.Join("\n", Violations.Select(v => v.Message));

    public static string OutcomeDisplayName(RuleOutcome outcome) => outcome switch
    {
        RuleOutcome.Passed => "Đạt",
        RuleOutcome.Warning => "Cần lưu ý",
        RuleOutcome.Violated => "Vượt định mức",
        _ => outcome.ToString(),
    };
}

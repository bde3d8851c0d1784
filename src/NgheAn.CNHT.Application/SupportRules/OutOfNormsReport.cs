using NgheAn.CNHT.Application.Reports;

namespace NgheAn.CNHT.Application.SupportRules;

/// <summary>
/// Proposals outside the norms (đề án vượt định mức): every override by a leader and every import flag of the program's
/// proposals whose start year is in the range, with the violated rules and figures as the checker wrote them; the rule set
/// in force is the annex.
/// </summary>
public sealed record OutOfNormsReport(
    string ProgramCode,
    string ProgramName,
    int FromYear,
    int ToYear,
    IReadOnlyList<OutOfNormsRow> Rows,
    RuleSetAnnex? Annex,
    DateTime GeneratedAtUtc) : IReportModel
{
    public ReportKind Kind => ReportKind.OutOfNorms;

    public IEnumerable<ReportFigureRow> Figures()
    {
        foreach (var r in Rows)
        {
            yield return new ReportFigureRow($"flag:{r.FlagId}", $"{r.Code} {r.Title}",
            [
                new("Tổng kinh phí", r.TotalCost, FigureUnit.Dong),
                new("Ngân sách tỉnh hỗ trợ", r.ProvincialShare, FigureUnit.Dong),
            ]);
        }

        yield return new ReportFigureRow("total", "Tổng cộng",
        [
            new("Số trường hợp", Rows.Count, FigureUnit.Count),
            new("Tổng kinh phí", Rows.Sum(r => r.TotalCost), FigureUnit.Dong),
            new("Ngân sách tỉnh hỗ trợ", Rows.Sum(r => r.ProvincialShare), FigureUnit.Dong),
        ]);
    }
}

public sealed record OutOfNormsRow(
    int FlagId,
    string Code,
    string Title,
    string ItemCode,
    string LeadUnit,
    int StartYear,
    string Status,
    decimal TotalCost,
    decimal ProvincialShare,
    string Kind,
    string Violations,
    string Reason,
    string RecordedBy,
    DateTime RecordedAt);

/// <summary>The rule set in force, as printed in the annex.</summary>
public sealed record RuleSetAnnex(
    int Id,
    string Title,
    int Version,
    string LegalBasis,
    string? DocumentLink,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    string? ApprovedBy,
    IReadOnlyList<RuleAnnexLine> Lines);

public sealed record RuleAnnexLine(
    string ItemCode,
    string ItemName,
    string Citation,
    string? Scope,
    decimal? MaxProvincialSharePercent,
    decimal? MinCounterpartPercent,
    decimal? MaxAmountPerProposal,
    decimal? MaxPerEnterprisePerYear,
    decimal? MaxPerEnterprisePerPeriod,
    string Eligibility,
    string UnitNorms,
    bool IsIllustrative);

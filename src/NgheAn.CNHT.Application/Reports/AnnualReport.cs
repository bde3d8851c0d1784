using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Application.Reports;

/// <summary>
/// Estimate against actual (báo cáo dự toán và giải ngân) for one year or a range: per item, group and in
/// total — the approved annual estimate (latest approved version of each year), the counted proposals that
/// start in those years and their total cost, and the provincial budget actually disbursed in those years
/// (ledger entries by entry date). Amounts in whole đồng.
/// </summary>
public sealed record AnnualReport(
    string ProgramCode,
    string ProgramName,
    string? LegalBasis,
    int FromYear,
    int ToYear,
    IReadOnlyList<AnnualEstimateUsed> Estimates,
    IReadOnlyList<AnnualGroupRow> Groups,
    AnnualFigures Total,
    DateTime GeneratedAtUtc) : IReportModel
{
    public ReportKind Kind => ReportKind.Annual;

    public string PeriodLabel => FromYear == ToYear ? $"năm {FromYear}" : $"giai đoạn {FromYear}-{ToYear}";

    /// <summary>Years of the range without an approved estimate (their estimate counts as 0).</summary>
    public IReadOnlyList<int> YearsWithoutEstimate =>
        Enumerable.Range(FromYear, ToYear - FromYear + 1).Where(y => Estimates.All(e => e.Year != y)).ToList();

    /// <summary>
    /// The program's outcomes (chỉ tiêu của chương trình, ADR 0195): per indicator its target and each value recorded for
    /// the report's years, with its source and whether that year's values disagree. Empty for a program without outcomes.
    /// </summary>
    public IReadOnlyList<AnnualOutcomeRow> Outcomes { get; init; } = [];

    public IEnumerable<ReportFigureRow> Figures()
    {
        foreach (var g in Groups)
        {
            yield return g.Figures.Row("group:" + g.Code, $"Nhóm {g.Code}. {g.Name}");
            foreach (var i in g.Items)
            {
                yield return i.Figures.Row("item:" + i.Code, $"{i.Code}. {i.Name}");
            }
        }

        yield return Total.Row("total", "Tổng cộng");
    }
}

/// <summary>Which estimate version stood for a year.</summary>
public sealed record AnnualEstimateUsed(int Year, int Version, string? DecisionNumber, DateOnly? DecisionDate);

public sealed record AnnualFigures(decimal Estimate, int ProposalCount, decimal TotalCost, decimal Disbursed)
{
    /// <summary>Disbursed ÷ estimate × 100, two decimals; null without an estimate.</summary>
    public decimal? DisbursedPercent => Percent.Of(Disbursed, Estimate);

    public ReportFigureRow Row(string key, string label) => new(key, label,
    [
        new("Dự toán được duyệt", Estimate, FigureUnit.Dong),
        new("Số đề án", ProposalCount, FigureUnit.Count),
        new("Tổng kinh phí", TotalCost, FigureUnit.Dong),
        new("Ngân sách tỉnh đã giải ngân", Disbursed, FigureUnit.Dong),
        new("Tỷ lệ giải ngân / dự toán", DisbursedPercent, FigureUnit.Percent),
    ]);

    public static AnnualFigures Sum(IEnumerable<AnnualFigures> rows)
    {
        var list = rows.ToList();
        return new AnnualFigures(list.Sum(r => r.Estimate), list.Sum(r => r.ProposalCount), list.Sum(r => r.TotalCost), list.Sum(r => r.Disbursed));
    }
}

public sealed record AnnualItemRow(string Code, string Name, AnnualFigures Figures);

public sealed record AnnualGroupRow(string Code, string Name, AnnualFigures Figures, IReadOnlyList<AnnualItemRow> Items);

/// <summary>
/// One line of the outcomes section: an indicator with its target, and one recorded value of a year of the report
/// (Year, Value and Source null when the years have no value). <see cref="Disagrees"/>: that year's values differ.
/// </summary>
public sealed record AnnualOutcomeRow(string Code, string Name, string Unit, decimal? Target, int TargetYear, bool TargetIsIllustrative,
    int? Year, decimal? Value, string? Source, bool Disagrees);

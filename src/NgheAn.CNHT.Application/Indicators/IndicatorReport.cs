using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Indicators;

namespace NgheAn.CNHT.Application.Indicators;

/// <summary>
/// "Kết quả thực hiện chỉ tiêu" (ADR 0172): per item, group and program, each output indicator's target over the
/// years asked for, what acceptances recorded as achieved, and the % achieved; with sentences in the seed's style.
/// Groups and the program add up per kind of indicator (enterprises with enterprises, never with trainees).
/// </summary>
public sealed record IndicatorReport(
    string ProgramCode,
    string ProgramName,
    int FromYear,
    int ToYear,
    IReadOnlyList<IndicatorGroupRow> Groups,
    IReadOnlyList<IndicatorLine> Totals,
    int AcceptedProposals,
    IReadOnlyList<string> Sentences,
    DateTime GeneratedAtUtc) : IReportModel
{
    public ReportKind Kind => ReportKind.Indicators;

    public bool AnyIllustrative => Groups.Any(g => g.Items.Any(i => i.Lines.Any(l => l.IsIllustrative)));

    public IEnumerable<ReportFigureRow> Figures()
    {
        foreach (var g in Groups)
        {
            foreach (var i in g.Items)
            {
                foreach (var l in i.Lines)
                {
                    yield return Row($"item:{i.Code}:{l.Kind}", $"{i.Code} {l.Label}", l);
                }
            }

            foreach (var l in g.Totals)
            {
                yield return Row($"group:{g.Code}:{l.Kind}", $"Nhóm {g.Code} {l.Label}", l);
            }
        }

        foreach (var l in Totals)
        {
            yield return Row($"total:{l.Kind}", $"Tổng {l.Label}", l);
        }
    }

    private static ReportFigureRow Row(string key, string label, IndicatorLine l) => new(key, label,
    [
        new("Chỉ tiêu", l.Target, FigureUnit.Count),
        new("Đạt được", l.Achieved, FigureUnit.Count),
        new("Tỷ lệ đạt", l.Percent, FigureUnit.Percent),
    ]);
}

public sealed record IndicatorGroupRow(string Code, string Name, IReadOnlyList<IndicatorItemRow> Items, IReadOnlyList<IndicatorLine> Totals);

public sealed record IndicatorItemRow(string Code, string Name, int AcceptedProposals, IReadOnlyList<IndicatorLine> Lines, string? Sentence);

/// <param name="Percent">Achieved ÷ target as a percentage with two decimals (60.00), null when there is no target.</param>
public sealed record IndicatorLine(IndicatorKind Kind, string Label, string Unit, decimal Target, decimal Achieved, decimal? Percent, bool IsIllustrative)
{
    public static decimal? PercentOf(decimal achieved, decimal target) => Domain.Common.Percent.Of(achieved, target);

    public static IReadOnlyList<IndicatorLine> Sum(IEnumerable<IndicatorLine> lines) =>
        lines.GroupBy(l => l.Kind).OrderBy(g => g.Key).Select(g =>
        {
            var target = g.Sum(l => l.Target);
            var achieved = g.Sum(l => l.Achieved);
            return new IndicatorLine(g.Key, g.Key.DisplayName(), g.Key.Unit(), target, achieved, PercentOf(achieved, target), g.Any(l => l.IsIllustrative));
        }).ToList();
}

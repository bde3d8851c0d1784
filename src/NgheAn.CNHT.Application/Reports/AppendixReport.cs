using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Application.Reports;

/// <summary>
/// The appendix (phụ lục kết quả thực hiện) of a program over a year range: per item, per group and in
/// total. Amounts are whole đồng; <c>PercentOfPlan</c> is provincial share ÷ period plan × 100, rounded
/// to two decimals, or null where there is no plan. Built once by <see cref="AppendixQuery"/>; every
/// renderer (HTML, PDF, Excel, JSON) only shows it.
/// </summary>
public sealed record AppendixReport(
    string ProgramCode,
    string ProgramName,
    string? LegalBasis,
    int FromYear,
    int ToYear,
    IReadOnlyList<AppendixGroupRow> Groups,
    AppendixFigures Total,
    DateTime GeneratedAtUtc) : IReportModel
{
    public ReportKind Kind => ReportKind.Appendix;

    public string PeriodLabel => FromYear == ToYear ? $"năm {FromYear}" : $"giai đoạn {FromYear}-{ToYear}";

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

public sealed record AppendixFigures(decimal Plan, int ProposalCount, decimal TotalCost, decimal ProvincialShare)
{
    /// <summary>Counterpart and other sources.</summary>
    public decimal OtherSources => TotalCost - ProvincialShare;

    public decimal? PercentOfPlan => Percent.Of(ProvincialShare, Plan);

    public ReportFigureRow Row(string key, string label) => new(key, label,
    [
        new("Kế hoạch giai đoạn", Plan, FigureUnit.Dong),
        new("Số đề án", ProposalCount, FigureUnit.Count),
        new("Tổng kinh phí thực hiện", TotalCost, FigureUnit.Dong),
        new("Ngân sách tỉnh hỗ trợ", ProvincialShare, FigureUnit.Dong),
        new("Nguồn khác", OtherSources, FigureUnit.Dong),
        new("Tỷ lệ so với kế hoạch", PercentOfPlan, FigureUnit.Percent),
    ]);

    public static AppendixFigures Sum(IEnumerable<AppendixFigures> rows)
    {
        var list = rows.ToList();
        return new AppendixFigures(list.Sum(r => r.Plan), list.Sum(r => r.ProposalCount), list.Sum(r => r.TotalCost), list.Sum(r => r.ProvincialShare));
    }
}

public sealed record AppendixItemRow(string Code, string Name, AppendixFigures Figures, string? Note);

public sealed record AppendixGroupRow(string Code, string Name, AppendixFigures Figures, IReadOnlyList<AppendixItemRow> Items, string? Note);

namespace NgheAn.CNHT.Application.Reports;

/// <summary>
/// Provincial budget share (đồng) per item per year of the counted proposals, by start year (ADR 0003),
/// with row totals (per item and group) and column totals (per year).
/// </summary>
public sealed record YearMatrix(
    string ProgramCode,
    string ProgramName,
    int FromYear,
    int ToYear,
    IReadOnlyList<int> Years,
    IReadOnlyList<MatrixGroupRow> Groups,
    IReadOnlyList<decimal> ColumnTotals,
    decimal GrandTotal,
    DateTime GeneratedAtUtc) : IReportModel
{
    public ReportKind Kind => ReportKind.Matrix;

    public string PeriodLabel => FromYear == ToYear ? $"năm {FromYear}" : $"giai đoạn {FromYear}-{ToYear}";

    public IEnumerable<ReportFigureRow> Figures()
    {
        ReportFigureRow Row(string key, string label, IReadOnlyList<decimal> values, decimal total) => new(key, label,
            [.. values.Select((v, i) => new ReportFigure($"Năm {Years[i]}", v, FigureUnit.Dong)), new ReportFigure("Tổng", total, FigureUnit.Dong)]);

        foreach (var g in Groups)
        {
            yield return Row("group:" + g.Code, $"Nhóm {g.Code}. {g.Name}", g.Values, g.Total);
            foreach (var i in g.Items)
            {
                yield return Row("item:" + i.Code, $"{i.Code}. {i.Name}", i.Values, i.Total);
            }
        }

        yield return Row("total", "Tổng cộng", ColumnTotals, GrandTotal);
    }
}

/// <summary><see cref="Values"/> holds one amount per year of <see cref="YearMatrix.Years"/>.</summary>
public sealed record MatrixItemRow(string Code, string Name, IReadOnlyList<decimal> Values, decimal Total);

public sealed record MatrixGroupRow(string Code, string Name, IReadOnlyList<decimal> Values, decimal Total, IReadOnlyList<MatrixItemRow> Items);

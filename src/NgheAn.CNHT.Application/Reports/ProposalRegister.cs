namespace NgheAn.CNHT.Application.Reports;

/// <summary>
/// The register (danh mục đề án): every counted proposal of the program whose start year is in the range,
/// in catalog order, with its lead unit, years, status and reported amounts (settled once settled, else approved).
/// </summary>
public sealed record ProposalRegister(
    string ProgramCode,
    string ProgramName,
    int FromYear,
    int ToYear,
    IReadOnlyList<RegisterRow> Rows,
    RegisterTotals Total,
    DateTime GeneratedAtUtc) : IReportModel
{
    public ReportKind Kind => ReportKind.Register;

    public string PeriodLabel => FromYear == ToYear ? $"năm {FromYear}" : $"giai đoạn {FromYear}-{ToYear}";

    public IEnumerable<ReportFigureRow> Figures()
    {
        foreach (var r in Rows)
        {
            yield return new ReportFigureRow("proposal:" + r.Code, $"{r.Code} {r.Title}",
            [
                new("Tổng kinh phí", r.TotalCost, FigureUnit.Dong),
                new("Ngân sách tỉnh hỗ trợ", r.ProvincialShare, FigureUnit.Dong),
                new("Nguồn khác", r.OtherSources, FigureUnit.Dong),
            ]);
        }

        yield return new ReportFigureRow("total", "Tổng cộng",
        [
            new("Số đề án", Total.Count, FigureUnit.Count),
            new("Tổng kinh phí", Total.TotalCost, FigureUnit.Dong),
            new("Ngân sách tỉnh hỗ trợ", Total.ProvincialShare, FigureUnit.Dong),
            new("Nguồn khác", Total.OtherSources, FigureUnit.Dong),
        ]);
    }
}

public sealed record RegisterRow(
    int ProposalId,
    string Code,
    string Title,
    string ItemCode,
    string LeadUnit,
    int StartYear,
    int EndYear,
    string Status,
    decimal TotalCost,
    decimal ProvincialShare,
    bool IsSample)
{
    public decimal OtherSources => TotalCost - ProvincialShare;

    public string Years => StartYear == EndYear ? $"{StartYear}" : $"{StartYear}-{EndYear}";
}

public sealed record RegisterTotals(int Count, decimal TotalCost, decimal ProvincialShare)
{
    public decimal OtherSources => TotalCost - ProvincialShare;
}

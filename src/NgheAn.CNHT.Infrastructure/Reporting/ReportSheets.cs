using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Infrastructure.Reporting;

/// <summary>
/// Lays each report model out as tables (<see cref="ReportSheet"/>): which columns, which rows, which cells
/// are sums. Only reads the model; the figures are the model's own.
/// </summary>
internal static partial class ReportSheets
{
    /// <summary>Usable width of an A4 landscape page inside Decree 30 margins (297 − 30 − 15 mm), in points.</summary>
    public const double LandscapeWidth = 714;

    public static IReadOnlyList<ReportSheet> For(IReportModel model, DocumentHeader? issue) => model switch
    {
        AppendixReport a => [Appendix(a, issue?.AppendixReference)],
        AnnualReport a => AnnualWithOutcomes(a, issue?.AppendixReference),
        YearMatrix m => [Matrix(m, issue?.AppendixReference)],
        ProposalRegister r => [Register(r, issue?.AppendixReference)],
        ReportDocument d => [Appendix(d.Appendix, d.Header.AppendixReference)],
        Application.SupportRules.OutOfNormsReport o => OutOfNorms(o, issue?.AppendixReference),
        Application.Indicators.IndicatorReport r => [Indicators(r, issue?.AppendixReference)],
        Application.FundingRequests.FundingRequestReport f => [FundingRequest(f, issue?.AppendixReference)],
        _ => throw new ArgumentOutOfRangeException(nameof(model)),
    };

    private static string Upper(string s) => s.ToUpper(VnFormat.Culture);

    private static string PeriodTitle(int from, int to) => $"Số liệu {ReportText.Period(from, to)}";

    public static ReportSheet Appendix(AppendixReport a, string? reference)
    {
        SheetColumn[] columns =
        [
            new("TT", CellKind.Code, 34),
            new("Nội dung hỗ trợ", CellKind.Text, 236),
            new("Kế hoạch giai đoạn", CellKind.Plan, 66),
            new("Số đề án", CellKind.Count, 42),
            new("Tổng kinh phí thực hiện", CellKind.Money, 70),
            new("Ngân sách tỉnh hỗ trợ", CellKind.Money, 70),
            new("Nguồn khác", CellKind.Money, 66),
            new("Tỷ lệ so với kế hoạch", CellKind.Percent, 52),
            new("Ghi chú", CellKind.Text, 78),
        ];
        var other = new DifferenceFormula(4, 5);
        var percent = new RatioFormula(5, 2);
        List<SheetCell> Cells(string code, string name, AppendixFigures f, string? note, bool sum) =>
        [
            new(code), new(name),
            new(f.Plan, sum ? ColumnSumFormula.Instance : null),
            new(f.ProposalCount, sum ? ColumnSumFormula.Instance : null),
            new(f.TotalCost, sum ? ColumnSumFormula.Instance : null),
            new(f.ProvincialShare, sum ? ColumnSumFormula.Instance : null),
            new(f.OtherSources, other),
            new(f.PercentOfPlan, percent),
            new(note),
        ];

        var rows = new List<SheetRow>();
        var groupRows = new List<int>();
        foreach (var g in a.Groups)
        {
            var at = rows.Count;
            groupRows.Add(at);
            rows.Add(new SheetRow(RowKind.Group, Cells(g.Code, g.Name, g.Figures, g.Note, true),
                Enumerable.Range(at + 1, g.Items.Count).ToList(), "group-" + g.Code));
            rows.AddRange(g.Items.Select(i => new SheetRow(RowKind.Item, Cells(i.Code, i.Name, i.Figures, i.Note, false), null, "item-" + i.Code)));
        }

        rows.Add(new SheetRow(RowKind.Total, Cells("", "Tổng cộng", a.Total, null, true), groupRows, "total"));
        return new ReportSheet($"Phụ lục {new YearRange(a.FromYear, a.ToYear)}",
            ["PHỤ LỤC", $"KẾT QUẢ THỰC HIỆN {Upper(a.ProgramName)}"], reference, PeriodTitle(a.FromYear, a.ToYear), columns, rows,
            Footnotes: ["Số liệu tính từ các đề án đã phê duyệt trở đi theo năm bắt đầu thực hiện; đề án đã quyết toán lấy số quyết toán. Tỷ lệ = ngân sách tỉnh hỗ trợ ÷ kế hoạch mục tiêu giai đoạn."]);
    }

    public static ReportSheet Annual(AnnualReport a, string? reference)
    {
        SheetColumn[] columns =
        [
            new("TT", CellKind.Code, 34),
            new("Nội dung hỗ trợ", CellKind.Text, 300),
            new("Dự toán được duyệt", CellKind.Money, 80),
            new("Số đề án", CellKind.Count, 46),
            new("Tổng kinh phí", CellKind.Money, 84),
            new("Ngân sách tỉnh đã giải ngân", CellKind.Money, 84),
            new("Tỷ lệ giải ngân so với dự toán", CellKind.Percent, 86),
        ];
        var percent = new RatioFormula(5, 2);
        // Without any approved estimate in the period, the estimate is missing, not zero (issue 24, ADR 0124):
        // every format says "chưa có" and leaves the ratio empty, instead of "0,000" explained by a footnote.
        var noEstimate = a.Estimates.Count == 0;
        List<SheetCell> Cells(string code, string name, AnnualFigures f, bool sum) =>
        [
            new(code), new(name),
            noEstimate ? new(NotYet) : new(f.Estimate, sum ? ColumnSumFormula.Instance : null),
            new(f.ProposalCount, sum ? ColumnSumFormula.Instance : null),
            new(f.TotalCost, sum ? ColumnSumFormula.Instance : null),
            new(f.Disbursed, sum ? ColumnSumFormula.Instance : null),
            noEstimate ? new(string.Empty) : new(f.DisbursedPercent, percent),
        ];

        var rows = new List<SheetRow>();
        var groupRows = new List<int>();
        foreach (var g in a.Groups)
        {
            var at = rows.Count;
            groupRows.Add(at);
            rows.Add(new SheetRow(RowKind.Group, Cells(g.Code, g.Name, g.Figures, true), Enumerable.Range(at + 1, g.Items.Count).ToList(), "group-" + g.Code));
            rows.AddRange(g.Items.Select(i => new SheetRow(RowKind.Item, Cells(i.Code, i.Name, i.Figures, false), null, "item-" + i.Code)));
        }

        rows.Add(new SheetRow(RowKind.Total, Cells("", "Tổng cộng", a.Total, true), groupRows, "total"));
        var notes = a.Estimates
            .Select(e => $"Dự toán năm {e.Year}: phiên bản {e.Version}" + (e.DecisionNumber is null ? "" : $", Quyết định số {e.DecisionNumber}")
                + (e.DecisionDate is { } d ? $" ngày {VnFormat.Date(d)}" : "") + ".")
            .Concat(a.YearsWithoutEstimate.Count == 0 ? [] : [$"Chưa có dự toán được duyệt: năm {string.Join(", ", a.YearsWithoutEstimate)}."])
            .Append("Số đề án và tổng kinh phí: đề án được tính theo năm bắt đầu thực hiện; giải ngân: bút toán ngân sách tỉnh theo ngày chứng từ.")
            .ToList();
        return new ReportSheet($"Dự toán {new YearRange(a.FromYear, a.ToYear)}",
            [$"BÁO CÁO DỰ TOÁN VÀ GIẢI NGÂN {Upper(ReportText.Period(a.FromYear, a.ToYear))}", Upper(a.ProgramName)], reference,
            null, columns, rows, Footnotes: notes);
    }

    public static ReportSheet Matrix(YearMatrix m, string? reference)
    {
        var n = m.Years.Count;
        var numeric = Math.Min(80, Math.Floor((LandscapeWidth - 34 - 180) / (n + 1)));
        var name = LandscapeWidth - 34 - (numeric * (n + 1));
        var columns = new List<SheetColumn> { new("TT", CellKind.Code, 34), new("Nội dung hỗ trợ", CellKind.Text, name) };
        columns.AddRange(m.Years.Select(y => new SheetColumn($"Năm {y}", CellKind.Money, numeric)));
        columns.Add(new SheetColumn("Tổng", CellKind.Money, numeric));
        var rowSum = new RowSumFormula(2, 1 + n);
        List<SheetCell> Cells(string code, string title, IReadOnlyList<decimal> values, decimal total, bool sum) =>
        [
            new(code), new(title),
            .. values.Select(v => new SheetCell(v, sum ? ColumnSumFormula.Instance : null)),
            new(total, rowSum),
        ];

        var rows = new List<SheetRow>();
        var groupRows = new List<int>();
        foreach (var g in m.Groups)
        {
            var at = rows.Count;
            groupRows.Add(at);
            rows.Add(new SheetRow(RowKind.Group, Cells(g.Code, g.Name, g.Values, g.Total, true), Enumerable.Range(at + 1, g.Items.Count).ToList(), "group-" + g.Code));
            rows.AddRange(g.Items.Select(i => new SheetRow(RowKind.Item, Cells(i.Code, i.Name, i.Values, i.Total, false), null, "item-" + i.Code)));
        }

        rows.Add(new SheetRow(RowKind.Total, Cells("", "Tổng cộng", m.ColumnTotals, m.GrandTotal, true), groupRows, "total"));
        return new ReportSheet($"Ngân sách theo năm {new YearRange(m.FromYear, m.ToYear)}",
            ["NGÂN SÁCH TỈNH HỖ TRỢ THEO NĂM", Upper(m.ProgramName)], reference, PeriodTitle(m.FromYear, m.ToYear), columns, rows,
            Footnotes: ["Ngân sách tỉnh hỗ trợ của các đề án được tính, theo năm bắt đầu thực hiện; đề án đã quyết toán lấy số quyết toán."]);
    }

    public static ReportSheet Register(ProposalRegister r, string? reference) =>
        RegisterSheet(r, reference, r.Rows.Select(RegisterItem).Append(RegisterTotal(r)).ToList());

    /// <summary>The register's table with the rows given: all of them (<see cref="Register"/>), or samples (ADR 0229).</summary>
    public static ReportSheet RegisterSheet(ProposalRegister r, string? reference, IReadOnlyList<SheetRow> rows) =>
        new($"Danh mục đề án {new YearRange(r.FromYear, r.ToYear)}",
            ["DANH MỤC ĐỀ ÁN", Upper(r.ProgramName)], reference, PeriodTitle(r.FromYear, r.ToYear), RegisterColumns, rows,
            Footnotes: ["Các đề án đã phê duyệt trở đi, theo năm bắt đầu thực hiện; đề án đã quyết toán lấy số quyết toán."]);

    private static readonly SheetColumn[] RegisterColumns =
    [
        new("STT", CellKind.Count, 26),
        new("Mã đề án", CellKind.Code, 76),
        new("Tên đề án", CellKind.Text, 158),
        new("Nội dung", CellKind.Code, 36),
        new("Đơn vị chủ trì", CellKind.Text, 118),
        new("Năm thực hiện", CellKind.Code, 52),
        new("Trạng thái", CellKind.Text, 70),
        new("Tổng kinh phí", CellKind.Money, 59),
        new("Ngân sách tỉnh hỗ trợ", CellKind.Money, 60),
        new("Nguồn khác", CellKind.Money, 59),
    ];

    private static readonly DifferenceFormula RegisterOther = new(7, 8);

    /// <summary>The register's row for proposal number <paramref name="k"/> + 1 (0-based <paramref name="k"/>).</summary>
    public static SheetRow RegisterItem(RegisterRow p, int k) => new(RowKind.Item,
    [
        new(k + 1), new(p.Code), new(p.Title), new(p.ItemCode), new(p.LeadUnit), new(p.Years), new(p.Status),
        new(p.TotalCost), new(p.ProvincialShare), new(p.OtherSources, RegisterOther),
    ], null, "p-" + p.Code);

    /// <summary>The register's total row, adding up every one of its rows.</summary>
    public static SheetRow RegisterTotal(ProposalRegister r) => new(RowKind.Total,
    [
        new(null), new(""), new($"Tổng cộng: {r.Total.Count} đề án"), new(""), new(""), new(""), new(""),
        new(r.Total.TotalCost, ColumnSumFormula.Instance), new(r.Total.ProvincialShare, ColumnSumFormula.Instance), new(r.Total.OtherSources, RegisterOther),
    ], Enumerable.Range(0, r.Rows.Count).ToList(), "total");

    /// <summary>The text shown for a cell in PDF and HTML.</summary>
    /// <summary>A figure that does not exist yet (no approved estimate): shown as words, never as 0.</summary>
    public const string NotYet = "chưa có";

    public static string Display(SheetCell cell, CellKind kind) => cell.Value switch
    {
        null => kind == CellKind.Percent ? "—" : "",
        string s => s,
        int n => n.ToString("#,##0", VnFormat.Culture),
        decimal d => kind switch
        {
            CellKind.Percent => ReportText.Percent(d),
            CellKind.Plan when d == 0 => "—",
            CellKind.Money or CellKind.Plan => VnFormat.Million(d),
            _ => d.ToString("#,##0", VnFormat.Culture),
        },
        _ => cell.Value.ToString() ?? "",
    };
}

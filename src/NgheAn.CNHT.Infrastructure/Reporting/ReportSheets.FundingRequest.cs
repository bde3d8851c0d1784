using NgheAn.CNHT.Application.FundingRequests;

namespace NgheAn.CNHT.Infrastructure.Reporting;

/// <summary>"Nhu cầu kinh phí năm" (ADR 0176): one row per item (amounts and their justification), then the total.</summary>
internal static partial class ReportSheets
{
    public static ReportSheet FundingRequest(FundingRequestReport r, string? reference)
    {
        SheetColumn[] columns =
        [
            new("TT", CellKind.Code, 34),
            new("Nội dung", CellKind.Text, 200),
            new("Từ hồ sơ đề nghị hỗ trợ", CellKind.Money, 76),
            new("Từ đề án chuyển tiếp", CellKind.Money, 76),
            new("Nhu cầu kinh phí", CellKind.Money, 80),
            new("Căn cứ, thuyết minh", CellKind.Text, 248),
        ];
        var rows = r.Lines.Select(l => new SheetRow(RowKind.Item,
        [
            new(l.ItemCode), new(l.ItemName), new(l.FromApplications), new(l.FromProposals), new(l.Total),
            new(l.Justification.Length == 0 ? "Chưa có hồ sơ, đề án" : l.Justification),
        ], null, "item-" + l.ItemCode)).ToList();
        // Department-run lines (ADR 0179): no application or proposal behind them, their amount and justification as DOIT typed.
        rows.AddRange(r.Activities.Select(a => new SheetRow(RowKind.Item,
        [
            new($"HĐ{a.Number}"), new($"{a.Description} ({a.Kind.ToLower(Domain.Common.VnFormat.Culture)})"), new(0m), new(0m), new(a.Amount), new(a.Justification),
        ], null, $"activity-{a.Number}")));
        var items = Enumerable.Range(0, rows.Count).ToList();
        rows.Add(new SheetRow(RowKind.Total,
        [
            new(""), new("Tổng cộng"),
            new(r.FromApplications, ColumnSumFormula.Instance), new(r.FromProposals, ColumnSumFormula.Instance), new(r.Total, ColumnSumFormula.Instance),
            new(""),
        ], items, "total"));
        var notes = new List<string>
        {
            "Nhu cầu tổng hợp từ số liệu của cổng: hồ sơ đề nghị hỗ trợ đã nhận và đề án chờ phê duyệt bắt đầu trong năm; phần ngân sách tỉnh chưa giải ngân của đề án đã phê duyệt còn thực hiện trong năm.",
            r.Activities.Count == 0
                ? "Chưa có hoạt động do Sở thực hiện (chi quản lý, hội chợ, hội thảo) được nhập cho năm này."
                : $"Các dòng HĐ là hoạt động do Sở thực hiện (chi quản lý, hội chợ, hội thảo), do Sở nhập kèm thuyết minh: {Domain.Common.VnFormat.Dong(r.ActivitiesTotal)} đồng; đã cộng vào tổng.",
            "Bảng trình bày theo bố cục báo cáo dự toán năm hiện có của cổng (nội dung, căn cứ, số tiền); cán bộ kiểm tra thể thức văn bản trước khi ban hành.",
        };
        return new ReportSheet($"Nhu cầu {r.Year}",
            [$"NHU CẦU KINH PHÍ NĂM {r.Year}", Upper(r.ProgramName)], reference, $"Kính gửi: Sở Tài chính tỉnh Nghệ An", columns, rows,
            Footnotes: notes);
    }
}

using NgheAn.CNHT.Application.Indicators;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Infrastructure.Reporting;

/// <summary>"Kết quả thực hiện chỉ tiêu" (ADR 0172): item lines, then per group and for the program one line per kind of indicator.</summary>
internal static partial class ReportSheets
{
    public static ReportSheet Indicators(IndicatorReport r, string? reference)
    {
        SheetColumn[] columns =
        [
            new("TT", CellKind.Code, 34),
            new("Nội dung / chỉ tiêu đầu ra", CellKind.Text, 300),
            new("Đơn vị tính", CellKind.Text, 70),
            new("Chỉ tiêu", CellKind.Count, 70),
            new("Đạt được", CellKind.Count, 70),
            new("Tỷ lệ đạt", CellKind.Percent, 60),
            new("Ghi chú", CellKind.Text, 110),
        ];
        var percent = new RatioFormula(4, 3);
        SheetRow Line(RowKind kind, string code, string label, IndicatorLine l, IReadOnlyList<int>? sumOf, string anchor) => new(kind,
        [
            new(code), new(label), new(l.Unit),
            new(l.Target, sumOf is null ? null : ColumnSumFormula.Instance),
            new(l.Achieved, sumOf is null ? null : ColumnSumFormula.Instance),
            new(l.Percent, percent),
            new(l.IsIllustrative ? "giá trị minh họa" : ""),
        ], sumOf, anchor);

        var rows = new List<SheetRow>();
        var groupKindRows = new List<(Domain.Indicators.IndicatorKind Kind, int Row)>();
        foreach (var g in r.Groups)
        {
            rows.Add(new SheetRow(RowKind.Group, [new(g.Code), new(g.Name), new(""), new(null), new(null), new(null), new("")], null, "group-" + g.Code));
            var itemKindRows = new List<(Domain.Indicators.IndicatorKind Kind, int Row)>();
            foreach (var i in g.Items)
            {
                if (i.Lines.Count == 0)
                {
                    rows.Add(new SheetRow(RowKind.Item, [new(i.Code), new($"{i.Name} — chưa đặt chỉ tiêu"), new(""), new(null), new(null), new(null), new("")], null, "item-" + i.Code));
                    continue;
                }

                foreach (var l in i.Lines)
                {
                    itemKindRows.Add((l.Kind, rows.Count));
                    rows.Add(Line(RowKind.Item, i.Code, $"{i.Name} — {l.Label}", l, null, $"item-{i.Code}-{l.Kind}"));
                }
            }

            foreach (var l in g.Totals)
            {
                groupKindRows.Add((l.Kind, rows.Count));
                rows.Add(Line(RowKind.Group, g.Code, $"Cộng nhóm {g.Code}: {l.Label}", l, itemKindRows.Where(x => x.Kind == l.Kind).Select(x => x.Row).ToList(), $"group-{g.Code}-{l.Kind}"));
            }
        }

        foreach (var l in r.Totals)
        {
            rows.Add(Line(RowKind.Total, "", $"Toàn chương trình: {l.Label}", l, groupKindRows.Where(x => x.Kind == l.Kind).Select(x => x.Row).ToList(), $"total-{l.Kind}"));
        }

        var notes = new List<string>(r.Sentences)
        {
            "Chỉ tiêu: chỉ tiêu giai đoạn khi xem cả giai đoạn, tổng chỉ tiêu các năm khi xem một số năm. Đạt được: kết quả đầu ra ghi khi nghiệm thu đề án, theo ngày nghiệm thu.",
        };
        if (r.AnyIllustrative)
        {
            notes.Add("Dòng ghi \"giá trị minh họa\": chỉ tiêu mẫu, chưa phải chỉ tiêu được phê duyệt.");
        }

        return new ReportSheet($"Chỉ tiêu {new YearRange(r.FromYear, r.ToYear)}",
            ["KẾT QUẢ THỰC HIỆN CHỈ TIÊU ĐẦU RA", Upper(r.ProgramName)], reference, PeriodTitle(r.FromYear, r.ToYear), columns, rows,
            Unit: "Đơn vị tính: theo từng chỉ tiêu", Footnotes: notes);
    }
}

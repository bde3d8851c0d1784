using NgheAn.CNHT.Application.SupportRules;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.SupportRules;

namespace NgheAn.CNHT.Infrastructure.Reporting;

/// <summary>The out-of-norms report (ADR 0143): the flagged and overridden proposals, then the rule set in force as an annex.</summary>
internal static partial class ReportSheets
{
    public static IReadOnlyList<ReportSheet> OutOfNorms(OutOfNormsReport o, string? reference) => [OutOfNormsRows(o, reference), RuleSetAnnexSheet(o, reference)];

    private static ReportSheet OutOfNormsRows(OutOfNormsReport o, string? reference)
    {
        SheetColumn[] columns =
        [
            new("STT", CellKind.Count, 24),
            new("Mã đề án", CellKind.Code, 64),
            new("Tên đề án", CellKind.Text, 120),
            new("Nội dung", CellKind.Code, 34),
            new("Đơn vị chủ trì", CellKind.Text, 90),
            new("Tổng kinh phí", CellKind.Money, 54),
            new("Ngân sách tỉnh hỗ trợ", CellKind.Money, 54),
            new("Mức bị vượt và số liệu", CellKind.Text, 170),
            new("Hình thức, lý do, người ghi nhận", CellKind.Text, 104),
        ];
        var rows = o.Rows.Select((r, k) => new SheetRow(RowKind.Item,
        [
            new(k + 1), new(r.Code), new(r.Title), new(r.ItemCode), new(r.LeadUnit), new(r.TotalCost), new(r.ProvincialShare),
            new(r.Violations.Replace("\n", "; ", StringComparison.Ordinal)),
            new($"{r.Kind}: {r.Reason} ({r.RecordedBy}, {VnFormat.DateTime(r.RecordedAt)})"),
        ], null, "flag-" + r.FlagId)).ToList();
        rows.Add(new SheetRow(RowKind.Total,
        [
            new(null), new(""), new($"Tổng cộng: {o.Rows.Count} trường hợp"), new(""), new(""),
            new(o.Rows.Sum(r => r.TotalCost), ColumnSumFormula.Instance), new(o.Rows.Sum(r => r.ProvincialShare), ColumnSumFormula.Instance), new(""), new(""),
        ], Enumerable.Range(0, o.Rows.Count).ToList(), "total"));
        return new ReportSheet($"Vượt định mức {new YearRange(o.FromYear, o.ToYear)}",
            ["DANH SÁCH ĐỀ ÁN VƯỢT ĐỊNH MỨC", Upper(o.ProgramName)], reference, PeriodTitle(o.FromYear, o.ToYear), columns, rows,
            Footnotes:
            [
                "Đề án Lãnh đạo Sở phê duyệt vượt định mức (có ghi lý do) và đề án nhập từ tệp có gắn cờ vượt định mức; mức bị vượt và số liệu như khi ghi nhận.",
                "Phụ lục: quy định mức hỗ trợ, mức chi đang có hiệu lực.",
            ]);
    }

    private static ReportSheet RuleSetAnnexSheet(OutOfNormsReport o, string? reference)
    {
        SheetColumn[] columns =
        [
            new("Nội dung", CellKind.Code, 34),
            new("Tên nội dung", CellKind.Text, 140),
            new("Căn cứ", CellKind.Text, 60),
            new("Phạm vi áp dụng", CellKind.Text, 70),
            new("NS tỉnh tối đa", CellKind.Code, 40),
            new("Đối ứng tối thiểu", CellKind.Code, 40),
            new("Tối đa mỗi đề án", CellKind.Money, 50),
            new("Tối đa mỗi DN mỗi năm", CellKind.Money, 50),
            new("Tối đa mỗi DN cả giai đoạn", CellKind.Money, 50),
            new("Đối tượng", CellKind.Text, 80),
            new("Định mức chi", CellKind.Text, 100),
        ];
        var annex = o.Annex;
        List<SheetRow> rows = annex is null
            ? [new SheetRow(RowKind.Item, [new(""), new("Chưa có quy định mức hỗ trợ, mức chi nào có hiệu lực."), new(""), new(""), new(""), new(""), new(null), new(null), new(null), new(""), new("")])]
            : annex.Lines.Select(l => new SheetRow(RowKind.Item,
            [
                new(l.ItemCode), new(l.ItemName), new(l.Citation + (l.IsIllustrative ? " (giá trị minh họa)" : "")), new(l.Scope ?? "Toàn bộ nội dung"),
                new(l.MaxProvincialSharePercent is { } m ? SupportRuleChecker.Percent(m) : "—"),
                new(l.MinCounterpartPercent is { } c ? SupportRuleChecker.Percent(c) : "—"),
                new(l.MaxAmountPerProposal), new(l.MaxPerEnterprisePerYear), new(l.MaxPerEnterprisePerPeriod), new(l.Eligibility), new(l.UnitNorms),
            ], null, "rule-" + l.ItemCode)).ToList();
        var title = annex is null
            ? "Chưa có quy định có hiệu lực"
            : $"{annex.Title} (phiên bản {annex.Version}), căn cứ {annex.LegalBasis}; hiệu lực từ {VnFormat.Date(annex.EffectiveFrom)}"
              + (annex.EffectiveTo is { } to ? $" đến {VnFormat.Date(to)}" : "");
        return new ReportSheet("Phụ lục quy định mức hỗ trợ",
            ["PHỤ LỤC: QUY ĐỊNH MỨC HỖ TRỢ, MỨC CHI ĐANG CÓ HIỆU LỰC", Upper(o.ProgramName)], reference, title, columns, rows,
            Footnotes:
            [
                $"Dòng ghi \"giá trị minh họa\": {SupportRuleChecker.IllustrativeLabel}.",
                "Số tiền tính bằng triệu đồng; ô trống: quy định không nêu mức này.",
            ]);
    }
}

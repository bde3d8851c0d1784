using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Infrastructure.Reporting;

/// <summary>
/// The annual report's section on the program's outcomes (ADR 0195): each indicator's target, the values of the
/// report's years with their source, and "vênh số liệu" where a year's recorded values disagree.
/// </summary>
internal static partial class ReportSheets
{
    public static IReadOnlyList<ReportSheet> AnnualWithOutcomes(AnnualReport a, string? reference) =>
        a.Outcomes.Count == 0 ? [Annual(a, reference)] : [Annual(a, reference), AnnualOutcomes(a, reference)];

    private static ReportSheet AnnualOutcomes(AnnualReport a, string? reference)
    {
        SheetColumn[] columns =
        [
            new("Mã", CellKind.Code, 34),
            new("Chỉ tiêu của chương trình", CellKind.Text, 200),
            new("Đơn vị", CellKind.Text, 60),
            new("Mục tiêu", CellKind.Text, 70),
            new("Năm", CellKind.Text, 40),
            new("Giá trị", CellKind.Text, 70),
            new("Nguồn số liệu", CellKind.Text, 170),
            new("Ghi chú", CellKind.Text, 70),
        ];
        var rows = a.Outcomes.Select((o, n) => new SheetRow(RowKind.Item,
        [
            new(o.Code), new(o.Name), new(o.Unit),
            new(o.Target is { } t ? $"{Number(t)} ({o.TargetYear})" + (o.TargetIsIllustrative ? " — giá trị minh họa" : "") : "chưa đặt"),
            new(o.Year?.ToString(VnFormat.Culture) ?? ""),
            new(o.Value is { } v ? Number(v) : "chưa có số liệu"),
            new(o.Source ?? ""),
            new(o.Disagrees ? "vênh số liệu" : ""),
        ], null, $"outcome-{o.Code}-{n}")).ToList();
        var conflicts = a.Outcomes.Where(o => o.Disagrees).Select(o => $"{o.Name} năm {o.Year}").Distinct().ToList();
        var notes = new List<string>
        {
            $"Giá trị ghi nhận trong {ReportText.Period(a.FromYear, a.ToYear)}, mỗi giá trị kèm nguồn; giá trị của các nguồn khác nhau được giữ đủ, không ghi đè.",
        };
        if (conflicts.Count > 0)
        {
            notes.Add($"Vênh số liệu (cùng năm, cùng chỉ tiêu, các nguồn cho giá trị khác nhau): {string.Join("; ", conflicts)}. Cần đối chiếu trước khi sử dụng.");
        }

        if (a.Outcomes.Any(o => o.TargetIsIllustrative))
        {
            notes.Add("Mục tiêu ghi \"giá trị minh họa\" là số mẫu, chưa phải chỉ tiêu được phê duyệt.");
        }

        return new ReportSheet("Chỉ tiêu chương trình",
            ["CHỈ TIÊU CỦA CHƯƠNG TRÌNH", Upper(a.ProgramName)], reference, PeriodTitle(a.FromYear, a.ToYear), columns, rows,
            Unit: "Đơn vị: theo từng chỉ tiêu", Footnotes: notes);
    }

    /// <summary>Up to four decimals, the Vietnamese way (2,63; 1.250).</summary>
    private static string Number(decimal value) => value.ToString("#,##0.####", VnFormat.Culture);
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Indicators;

namespace NgheAn.CNHT.Application.Indicators;

/// <summary>
/// Builds <see cref="IndicatorReport"/> (ADR 0172) from SQL aggregates: targets per indicator (the period target for the
/// whole period, else the sum of the yearly targets of the years asked for) and achieved outputs per indicator (the
/// actual outputs recorded at acceptances dated in those years, one GROUP BY). Groups and the program are the sums of
/// those rows per kind.
/// </summary>
public sealed class IndicatorReportQuery(IAppDbContext db, CatalogQueries catalog, TimeProvider clock)
{
    public async Task<IndicatorReport> BuildAsync(string programCode, int? fromYear = null, int? toYear = null, CancellationToken ct = default)
    {
        var (program, period) = await AppendixQuery.ResolveAsync(catalog, programCode, fromYear, toYear, ct);
        var whole = period.From == program.StartYear && period.To == program.EndYear;
        var itemIds = program.Groups.SelectMany(g => g.Items).Select(i => i.Id).ToList();

        var indicators = await db.OutputIndicators.AsNoTracking().Where(i => itemIds.Contains(i.ContentItemId))
            .Select(i => new { i.Id, i.ContentItemId, i.Kind, i.PeriodTarget, i.IsIllustrative }).ToListAsync(ct);
        var yearly = await db.IndicatorTargets.AsNoTracking()
            .Where(t => itemIds.Contains(t.Indicator.ContentItemId) && t.Year >= period.From && t.Year <= period.To)
            .GroupBy(t => t.OutputIndicatorId)
            .Select(g => new { Id = g.Key, Target = g.Sum(t => t.Target) })
            .ToDictionaryAsync(g => g.Id, g => g.Target, ct);
        var from = new DateOnly(period.From, 1, 1);
        var to = new DateOnly(period.To, 12, 31);
        var achieved = await db.ProposalOutputs.AsNoTracking()
            .Where(o => o.Actual != null && o.ActualRecordedOn >= from && o.ActualRecordedOn <= to && itemIds.Contains(o.Indicator.ContentItemId))
            .GroupBy(o => o.OutputIndicatorId)
            .Select(g => new { Id = g.Key, Achieved = g.Sum(o => o.Actual ?? 0) })
            .ToDictionaryAsync(g => g.Id, g => g.Achieved, ct);
        var proposals = await db.ProposalOutputs.AsNoTracking()
            .Where(o => o.Actual != null && o.ActualRecordedOn >= from && o.ActualRecordedOn <= to && itemIds.Contains(o.Indicator.ContentItemId))
            .GroupBy(o => o.Indicator.ContentItemId)
            .Select(g => new { ItemId = g.Key, Count = g.Select(o => o.ProposalId).Distinct().Count() })
            .ToDictionaryAsync(g => g.ItemId, g => g.Count, ct);
        var acceptedTotal = await db.ProposalOutputs.AsNoTracking()
            .Where(o => o.Actual != null && o.ActualRecordedOn >= from && o.ActualRecordedOn <= to && itemIds.Contains(o.Indicator.ContentItemId))
            .Select(o => o.ProposalId).Distinct().CountAsync(ct);

        var targetWord = whole ? "chỉ tiêu giai đoạn" : $"chỉ tiêu {ReportText.Period(period.From, period.To)}";
        var groups = program.Groups.Select(g =>
        {
            var items = g.Items.Select(i =>
            {
                var lines = indicators.Where(x => x.ContentItemId == i.Id).OrderBy(x => x.Kind).Select(x =>
                {
                    var target = whole ? x.PeriodTarget : yearly.GetValueOrDefault(x.Id);
                    var got = achieved.GetValueOrDefault(x.Id);
                    return new IndicatorLine(x.Kind, x.Kind.DisplayName(), x.Kind.Unit(), target, got, IndicatorLine.PercentOf(got, target), x.IsIllustrative);
                }).ToList();
                var count = proposals.GetValueOrDefault(i.Id);
                return new IndicatorItemRow(i.Code, i.Name, count, lines, count == 0 ? null : $"Nội dung {i.Code}: {Sentence(count, lines, targetWord)}");
            }).ToList();
            return new IndicatorGroupRow(g.Code, g.Name, items, IndicatorLine.Sum(items.SelectMany(i => i.Lines)));
        }).ToList();
        var totals = IndicatorLine.Sum(groups.SelectMany(g => g.Totals));

        var sentences = new List<string>
        {
            acceptedTotal == 0
                ? $"{ReportText.PeriodCapitalized(period.From, period.To)}: chưa có đề án nào được nghiệm thu có ghi kết quả đầu ra."
                : $"{ReportText.PeriodCapitalized(period.From, period.To)}: {Sentence(acceptedTotal, totals, targetWord)}",
        };
        sentences.AddRange(groups.SelectMany(g => g.Items).Where(i => i.Sentence is not null).Select(i => i.Sentence!));
        return new IndicatorReport(program.Code, program.Name, period.From, period.To, groups, totals, acceptedTotal, sentences, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>"thực hiện 07 đề án, hỗ trợ 12 doanh nghiệp (đạt 60,00% chỉ tiêu giai đoạn), đào tạo 40 học viên."</summary>
    public static string Sentence(int proposals, IEnumerable<IndicatorLine> lines, string targetWord)
    {
        var parts = new List<string> { $"thực hiện {ReportText.Count(proposals)} đề án" };
        foreach (var l in lines.Where(l => l.Achieved > 0 || l.Target > 0))
        {
            var phrase = l.Kind.Phrase(l.Achieved.ToString("#,##0", CultureInfo.GetCultureInfo("vi-VN")));
            parts.Add(l.Percent is { } p ? $"{phrase} (đạt {ReportText.Percent(p)} {targetWord})" : phrase);
        }

        return string.Join(", ", parts) + ".";
    }
}

using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.Reports;

/// <summary>
/// Builds the appendix from one grouped SQL aggregate over the program's proposals (never loading them; the grouping the
/// dashboard and the year matrix share, <see cref="ProgramProposalFigures"/>) plus the catalog. A proposal counts in the years of its start year; its figures are the settled ones
/// once settled, else the approved ones (docs/decisions/0003-what-the-appendix-counts.md).
/// </summary>
public sealed class AppendixQuery(IAppDbContext db, CatalogQueries catalog, TimeProvider clock, VersionedCache cache)
{
    public async Task<AppendixReport> BuildAsync(string programCode, int? fromYear = null, int? toYear = null, CancellationToken ct = default)
    {
        var (program, period) = await ResolveAsync(catalog, programCode, fromYear, toYear, ct);

        // Sums of the program's grouped proposals, the scan the dashboard and the year matrix share (issue 21); equal to
        // ItemSums (AppendixSharedFiguresTests).
        var sums = ProgramProposalFigures.CountedByItem(await ProgramProposalFigures.ByItemYearStatusAsync(db, cache, program.Id, ct), period.From, period.To);
        var byItem = sums.ToDictionary(s => s.ContentItemId);

        var notes = await db.ItemNarratives.AsNoTracking()
            .Where(n => n.ProgramId == program.Id && n.FromYear == period.From && n.ToYear == period.To)
            .Select(n => new { n.ContentGroupId, n.ContentItemId, n.Text })
            .ToListAsync(ct);

        var groups = program.Groups.Select(g =>
        {
            var items = g.Items.Select(i =>
            {
                var s = byItem.GetValueOrDefault(i.Id);
                return new AppendixItemRow(i.Code, i.Name,
                    new AppendixFigures(i.PlanAmount, s?.Count ?? 0, s?.TotalCost ?? 0, s?.ProvincialShare ?? 0),
                    notes.FirstOrDefault(n => n.ContentItemId == i.Id)?.Text);
            }).ToList();
            return new AppendixGroupRow(g.Code, g.Name, AppendixFigures.Sum(items.Select(i => i.Figures)), items,
                notes.FirstOrDefault(n => n.ContentGroupId == g.Id && n.ContentItemId == null)?.Text);
        }).ToList();

        return new AppendixReport(program.Code, program.Name, program.LegalBasis, period.From, period.To, groups,
            AppendixFigures.Sum(groups.Select(g => g.Figures)), clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The program's catalog and the year range asked for (its whole period when no years are given), refused when outside the period.</summary>
    public static async Task<(ProgramCatalog Program, YearRange Period)> ResolveAsync(CatalogQueries catalog, string programCode, int? fromYear, int? toYear, CancellationToken ct)
    {
        var program = await catalog.GetAsync(programCode, ct)
            ?? throw new NotFoundException($"Không có chương trình mã {programCode}.");
        var period = new YearRange(fromYear ?? program.StartYear, toYear ?? program.EndYear);
        if (!new YearRange(program.StartYear, program.EndYear).Contains(period))
        {
            throw new DomainException($"Khoảng năm {period} nằm ngoài giai đoạn của chương trình ({program.StartYear}-{program.EndYear}).");
        }

        return (program, period);
    }

    /// <summary>Per content item: count, total cost and provincial share of the counted proposals. One GROUP BY.</summary>
    public static IQueryable<ItemSum> ItemSums(IAppDbContext db, int programId, int fromYear, int toYear)
    {
        var counted = ProposalStatusText.Counted.ToArray();
        return db.Proposals.AsNoTracking()
            .Where(p => p.ProgramId == programId && counted.Contains(p.Status) && p.StartYear >= fromYear && p.StartYear <= toYear)
            .GroupBy(p => p.ContentItemId)
            .Select(g => new ItemSum(
                g.Key,
                g.Count(),
                g.Sum(p => p.CountedTotalCost()),
                g.Sum(p => p.CountedProvincialShare())));
    }
}

public sealed record ItemSum(int ContentItemId, int Count, decimal TotalCost, decimal ProvincialShare);

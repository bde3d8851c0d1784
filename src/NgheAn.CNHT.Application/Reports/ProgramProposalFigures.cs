using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.Reports;

/// <summary>
/// One program's proposals grouped by content item, start year and status: how many, and the sums of the counted total
/// cost, the counted provincial share (ADR 0003) and the share as it stands (requested before approval).
/// </summary>
public sealed record ProposalFigureRow(int ContentItemId, int StartYear, ProposalStatus Status, int Count, decimal TotalCost, decimal Share, decimal CurrentShare);

/// <summary>
/// The one grouped scan of a program's proposals (SQLite answers it from <c>IX_Proposals_Figures</c> alone) that the
/// dashboard, the appendix and the year matrix all sum: kept under the data version (ADR 0100), so after a business write
/// the first of these pages pays the scan and the others reuse it (issue 21). It reads no ledger entry: kept under the
/// version's part outside the ledger (ADR 0214), so a posting or a reversal does not cost the scan again. Each report's figures are sums of these
/// rows over its statuses and years, equal to its own GROUP BY (<c>ProgramProposalFiguresTests</c>).
/// </summary>
public static class ProgramProposalFigures
{
    public static Task<List<ProposalFigureRow>> ByItemYearStatusAsync(IAppDbContext db, VersionedCache cache, int programId, CancellationToken ct = default) =>
        cache.GetOutsideLedgerAsync($"proposals:figures:{programId}", () => Query(db, programId).ToListAsync(ct), ct);

    /// <summary>The GROUP BY itself (the SQL the cache keeps).</summary>
    public static IQueryable<ProposalFigureRow> Query(IAppDbContext db, int programId) =>
        db.Proposals.AsNoTracking()
            .Where(p => p.ProgramId == programId)
            .GroupBy(p => new { p.ContentItemId, p.StartYear, p.Status })
            .Select(g => new ProposalFigureRow(
                g.Key.ContentItemId,
                g.Key.StartYear,
                g.Key.Status,
                g.Count(),
                g.Sum(p => p.CountedTotalCost()),
                g.Sum(p => p.CountedProvincialShare()),
                g.Sum(p => p.EffectiveProvincialShare())));

    /// <summary>Per content item, the counted proposals of the years from <paramref name="fromYear"/> to <paramref name="toYear"/>.</summary>
    public static IReadOnlyList<ItemSum> CountedByItem(IEnumerable<ProposalFigureRow> rows, int fromYear, int toYear)
    {
        var counted = ProposalStatusText.Counted.ToHashSet();
        return rows.Where(r => counted.Contains(r.Status) && r.StartYear >= fromYear && r.StartYear <= toYear)
            .GroupBy(r => r.ContentItemId)
            .Select(g => new ItemSum(g.Key, g.Sum(r => r.Count), g.Sum(r => r.TotalCost), g.Sum(r => r.Share)))
            .ToList();
    }
}

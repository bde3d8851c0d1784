using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Estimates;

namespace NgheAn.CNHT.Application.Reports;

/// <summary>
/// Builds <see cref="AnnualReport"/> with three grouped aggregates: estimate lines of the latest approved
/// version of each year, counted proposals by start year (as the appendix counts them), and provincial-budget
/// ledger entries by entry date. Nothing is loaded row by row.
/// </summary>
public sealed class AnnualReportQuery(IAppDbContext db, CatalogQueries catalog, TimeProvider clock,
    Disbursements.LedgerItemSums ledgerSums, Outcomes.OutcomeQueries outcomes, VersionedCache cache)
{
    public async Task<AnnualReport> BuildAsync(string programCode, int? fromYear = null, int? toYear = null, CancellationToken ct = default)
    {
        var (program, period) = await AppendixQuery.ResolveAsync(catalog, programCode, fromYear, toYear, ct);

        var approved = await db.AnnualEstimates.AsNoTracking()
            .Where(e => e.ProgramId == program.Id && e.Status == EstimateStatus.Approved && e.Year >= period.From && e.Year <= period.To)
            .Select(e => new { e.Id, e.Year, e.Version, e.DecisionNumber, e.DecisionDate })
            .ToListAsync(ct);
        var chosen = approved.GroupBy(e => e.Year).Select(g => g.OrderByDescending(e => e.Version).First()).OrderBy(e => e.Year).ToList();
        var estimateIds = chosen.Select(e => e.Id).ToArray();
        var estimates = await EstimateByItem(db, estimateIds).ToDictionaryAsync(x => x.ContentItemId, x => x.Amount, ct);

        // The counted proposals as the appendix counts them, from the program's grouping shared with it (issue 21).
        var sums = ProgramProposalFigures.CountedByItem(await ProgramProposalFigures.ByItemYearStatusAsync(db, cache, program.Id, ct), period.From, period.To)
            .ToDictionary(s => s.ContentItemId);
        // The provincial payments by date (600.000 entries at national scale) are kept per item and year, adding only the
        // entries recorded since the last read (ADR 0104): no scan of the ledger per request nor per business write.
        var disbursed = await ledgerSums.ProvincialByItemAsync(db, program.Id, period.From, period.To, ct);

        var groups = program.Groups.Select(g =>
        {
            var items = g.Items.Select(i =>
            {
                var s = sums.GetValueOrDefault(i.Id);
                return new AnnualItemRow(i.Code, i.Name,
                    new AnnualFigures(estimates.GetValueOrDefault(i.Id), s?.Count ?? 0, s?.TotalCost ?? 0, disbursed.GetValueOrDefault(i.Id)));
            }).ToList();
            return new AnnualGroupRow(g.Code, g.Name, AnnualFigures.Sum(items.Select(i => i.Figures)), items);
        }).ToList();

        return new AnnualReport(program.Code, program.Name, program.LegalBasis, period.From, period.To,
            chosen.Select(e => new AnnualEstimateUsed(e.Year, e.Version, e.DecisionNumber, e.DecisionDate)).ToList(),
            groups, AnnualFigures.Sum(groups.Select(g => g.Figures)), clock.GetUtcNow().UtcDateTime)
        {
            Outcomes = await OutcomesAsync(program.Code, period.From, period.To, ct),
        };
    }

    /// <summary>The program's outcomes with the values of the report's years, disagreements flagged as the outcomes page flags them.</summary>
    private async Task<IReadOnlyList<AnnualOutcomeRow>> OutcomesAsync(string programCode, int from, int to, CancellationToken ct)
    {
        var program = await outcomes.GetAsync(programCode, ct);
        if (program is null)
        {
            return [];
        }

        var rows = new List<AnnualOutcomeRow>();
        foreach (var i in program.Indicators)
        {
            var values = i.Values.Where(v => v.Year >= from && v.Year <= to).OrderBy(v => v.Year).ThenBy(v => v.Id).ToList();
            if (values.Count == 0)
            {
                rows.Add(new AnnualOutcomeRow(i.Code, i.Name, i.Unit, i.Target, i.TargetYear, i.TargetIsIllustrative, null, null, null, false));
                continue;
            }

            rows.AddRange(values.Select(v => new AnnualOutcomeRow(i.Code, i.Name, i.Unit, i.Target, i.TargetYear, i.TargetIsIllustrative,
                v.Year, v.Value, v.Source, i.Conflicts.Any(c => c.Year == v.Year))));
        }

        return rows;
    }

    /// <summary>Sum of estimate lines per item over the given estimate versions.</summary>
    public static IQueryable<ItemAmount> EstimateByItem(IAppDbContext db, int[] estimateIds) =>
        db.AnnualEstimateLines.AsNoTracking()
            .Where(l => estimateIds.Contains(l.AnnualEstimateId))
            .GroupBy(l => l.ContentItemId)
            .Select(g => new ItemAmount(g.Key, g.Sum(l => l.Amount)));

    /// <summary>Signed provincial-budget ledger entries per item whose entry date falls in the years (payments, advances, recoveries, reversals).</summary>
    public static IQueryable<ItemAmount> ProvincialDisbursedByItem(IAppDbContext db, int programId, int fromYear, int toYear)
    {
        var from = new DateOnly(fromYear, 1, 1);
        var to = new DateOnly(toYear, 12, 31);
        return db.DisbursementEntries.AsNoTracking()
            .Where(e => e.ProgramId == programId && e.Source == FundingSource.ProvincialBudget && e.EntryDate >= from && e.EntryDate <= to)
            .GroupBy(e => e.Proposal.ContentItemId)
            .Select(g => new ItemAmount(g.Key, g.Sum(e => e.Amount)));
    }
}

public sealed record ItemAmount(int ContentItemId, decimal Amount);

using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.Reports;

/// <summary>
/// Builds <see cref="YearMatrix"/> from the program's proposals grouped by item, start year and status (one GROUP BY shared
/// with the dashboard and the appendix under the data version, issue 21), summed over the counted statuses.
/// </summary>
public sealed class YearMatrixQuery(IAppDbContext db, CatalogQueries catalog, TimeProvider clock, VersionedCache cache)
{
    public async Task<YearMatrix> BuildAsync(string programCode, int? fromYear = null, int? toYear = null, CancellationToken ct = default)
    {
        var (program, period) = await AppendixQuery.ResolveAsync(catalog, programCode, fromYear, toYear, ct);
        var counted = ProposalStatusText.Counted.ToHashSet();
        var byCell = (await ProgramProposalFigures.ByItemYearStatusAsync(db, cache, program.Id, ct))
            .Where(r => counted.Contains(r.Status) && r.StartYear >= period.From && r.StartYear <= period.To)
            .GroupBy(r => (r.ContentItemId, r.StartYear))
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Share));
        var years = Enumerable.Range(period.From, period.To - period.From + 1).ToList();

        var groups = program.Groups.Select(g =>
        {
            var items = g.Items.Select(i =>
            {
                var values = years.Select(y => byCell.GetValueOrDefault((i.Id, y))).ToList();
                return new MatrixItemRow(i.Code, i.Name, values, values.Sum());
            }).ToList();
            var groupValues = years.Select((_, k) => items.Sum(i => i.Values[k])).ToList();
            return new MatrixGroupRow(g.Code, g.Name, groupValues, groupValues.Sum(), items);
        }).ToList();
        var columns = years.Select((_, k) => groups.Sum(g => g.Values[k])).ToList();
        return new YearMatrix(program.Code, program.Name, period.From, period.To, years, groups, columns, columns.Sum(), clock.GetUtcNow().UtcDateTime);
    }
}

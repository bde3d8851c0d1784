using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.Reports;

/// <summary>Builds <see cref="YearMatrix"/> with one GROUP BY (item, start year) over the counted proposals.</summary>
public sealed class YearMatrixQuery(IAppDbContext db, CatalogQueries catalog, TimeProvider clock)
{
    public async Task<YearMatrix> BuildAsync(string programCode, int? fromYear = null, int? toYear = null, CancellationToken ct = default)
    {
        var (program, period) = await AppendixQuery.ResolveAsync(catalog, programCode, fromYear, toYear, ct);
        var counted = ProposalStatusText.Counted.ToArray();
        var cells = await db.Proposals.AsNoTracking()
            .Where(p => p.ProgramId == program.Id && counted.Contains(p.Status) && p.StartYear >= period.From && p.StartYear <= period.To)
            .GroupBy(p => new { p.ContentItemId, p.StartYear })
            .Select(g => new { g.Key.ContentItemId, g.Key.StartYear, Share = g.Sum(p => p.CountedProvincialShare()) })
            .ToListAsync(ct);
        var byCell = cells.ToDictionary(c => (c.ContentItemId, c.StartYear), c => c.Share);
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

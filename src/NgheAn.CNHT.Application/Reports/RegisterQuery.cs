using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.Reports;

/// <summary>Builds <see cref="ProposalRegister"/>: one projection of the counted proposals, and the totals by SQL aggregate.</summary>
public sealed class RegisterQuery(IAppDbContext db, CatalogQueries catalog, TimeProvider clock)
{
    public async Task<ProposalRegister> BuildAsync(string programCode, int? fromYear = null, int? toYear = null, CancellationToken ct = default)
    {
        var (program, period) = await AppendixQuery.ResolveAsync(catalog, programCode, fromYear, toYear, ct);
        var counted = ProposalStatusText.Counted.ToArray();
        var rows = await db.Proposals.AsNoTracking()
            .Where(p => p.ProgramId == program.Id && counted.Contains(p.Status) && p.StartYear >= period.From && p.StartYear <= period.To)
            .OrderBy(p => p.ContentItem.Group.SortOrder).ThenBy(p => p.ContentItem.SortOrder).ThenBy(p => p.StartYear).ThenBy(p => p.Code)
            .Select(p => new
            {
                p.Id, p.Code, p.Title, Item = p.ContentItem.Code, Lead = p.LeadOrganization.Name, p.StartYear, p.EndYear, p.Status,
                Total = p.CountedTotalCost(),
                Share = p.CountedProvincialShare(),
                p.IsSample,
            })
            .ToListAsync(ct);
        var sums = await AppendixQuery.ItemSums(db, program.Id, period.From, period.To).ToListAsync(ct);
        return new ProposalRegister(program.Code, program.Name, period.From, period.To,
            rows.Select(r => new RegisterRow(r.Id, r.Code, r.Title, r.Item, r.Lead, r.StartYear, r.EndYear, r.Status.DisplayName(), r.Total, r.Share, r.IsSample)).ToList(),
            new RegisterTotals(sums.Sum(s => s.Count), sums.Sum(s => s.TotalCost), sums.Sum(s => s.ProvincialShare)),
            clock.GetUtcNow().UtcDateTime);
    }
}

using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.Reports;

/// <summary>Builds <see cref="ProposalRegister"/>: one projection of the counted proposals, and the totals by SQL aggregate.</summary>
public sealed class RegisterQuery(IAppDbContext db, CatalogQueries catalog, TimeProvider clock, VersionedCache cache)
{
    /// <summary>Rows of the register shown on one screen; the files (PDF, Word, Excel) keep every row.</summary>
    public const int ScreenPageSize = 100;

    /// <summary>
    /// One page of the register as the screen shows it (ADR 0105): the rows of the page in the files' order (group, item,
    /// start year, code) and the totals of every counted proposal. The appendix's per-item counts (cached under the data
    /// version) tell which items the page falls in, so only those items' proposals are read and sorted, never the
    /// 58.600 counted proposals of a national-size program.
    /// </summary>
    public async Task<RegisterReportPage> PageAsync(string programCode, int? fromYear, int? toYear, int page, int pageSize = ScreenPageSize, CancellationToken ct = default)
    {
        var (program, period) = await AppendixQuery.ResolveAsync(catalog, programCode, fromYear, toYear, ct);
        var sums = ProgramProposalFigures.CountedByItem(await ProgramProposalFigures.ByItemYearStatusAsync(db, cache, program.Id, ct), period.From, period.To);
        var counts = sums.ToDictionary(s => s.ContentItemId, s => s.Count);
        var total = new RegisterTotals(sums.Sum(s => s.Count), sums.Sum(s => s.TotalCost), sums.Sum(s => s.ProvincialShare));
        pageSize = Math.Clamp(pageSize, 1, 1000);
        var pageCount = Math.Max(1, (total.Count + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);

        // Walk the items in the register's order to the page's first row, then take rows item by item.
        var skip = (page - 1) * pageSize;
        var wanted = pageSize;
        var rows = new List<RegisterRow>();
        var counted = ProposalStatusText.Counted.ToArray();
        foreach (var item in program.Groups.OrderBy(g => g.SortOrder).SelectMany(g => g.Items.OrderBy(i => i.SortOrder)))
        {
            var inItem = counts.GetValueOrDefault(item.Id);
            if (skip >= inItem)
            {
                skip -= inItem;
                continue;
            }

            var itemId = item.Id;
            var take = Math.Min(inItem - skip, wanted);
            var part = await db.Proposals.AsNoTracking()
                .Where(p => p.ProgramId == program.Id && p.ContentItemId == itemId && counted.Contains(p.Status) && p.StartYear >= period.From && p.StartYear <= period.To)
                .OrderBy(p => p.StartYear).ThenBy(p => p.Code)
                .Skip(skip).Take(take)
                .Select(p => new
                {
                    p.Id, p.Code, p.Title, Lead = p.LeadOrganization.Name, p.StartYear, p.EndYear, p.Status,
                    Total = p.CountedTotalCost(),
                    Share = p.CountedProvincialShare(),
                    p.IsSample,
                })
                .ToListAsync(ct);
            rows.AddRange(part.Select(r => new RegisterRow(r.Id, r.Code, r.Title, item.Code, r.Lead, r.StartYear, r.EndYear, r.Status.DisplayName(), r.Total, r.Share, r.IsSample)));
            skip = 0;
            wanted -= take;
            if (wanted == 0)
            {
                break;
            }
        }

        return new RegisterReportPage(
            new ProposalRegister(program.Code, program.Name, period.From, period.To, rows, total, clock.GetUtcNow().UtcDateTime),
            page, pageCount);
    }

    /// <summary>
    /// How many rows the register's files would hold, from the appendix's per-item counts cached under the data version
    /// (no proposal is read): lets a download too large for a printable format be refused before anything is built (ADR 0230).
    /// </summary>
    public async Task<int> CountAsync(string programCode, int? fromYear, int? toYear, CancellationToken ct = default)
    {
        var (program, period) = await AppendixQuery.ResolveAsync(catalog, programCode, fromYear, toYear, ct);
        var sums = ProgramProposalFigures.CountedByItem(await ProgramProposalFigures.ByItemYearStatusAsync(db, cache, program.Id, ct), period.From, period.To);
        return sums.Sum(s => s.Count);
    }

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

/// <summary>A page of the register for the screen: <see cref="ProposalRegister.Rows"/> holds only the page's rows, the totals are every row's.</summary>
public sealed record RegisterReportPage(ProposalRegister Register, int Page, int PageCount);

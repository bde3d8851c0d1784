using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Indicators;

namespace NgheAn.CNHT.Application.Indicators;

public sealed record IndicatorView(int Id, IndicatorKind Kind, string Label, string Unit, decimal PeriodTarget, IReadOnlyDictionary<int, decimal> Yearly, bool IsIllustrative, Guid Stamp);

public sealed record ItemIndicators(int ItemId, string ItemCode, string ItemName, string ProgramCode, int StartYear, int EndYear, IReadOnlyList<IndicatorView> Indicators);

/// <summary>One indicator of a proposal's item with what the proposal expects and what its acceptance found.</summary>
public sealed record ProposalOutputView(int IndicatorId, string Label, string Unit, decimal? Expected, decimal? Actual);

public sealed record ProposalOutputs(int ProposalId, string ProposalCode, string Title, string ItemCode, Domain.Proposals.ProposalStatus Status, IReadOnlyList<ProposalOutputView> Rows, string Version);

public sealed class IndicatorQueries(IAppDbContext db, IndicatorService service)
{
    public async Task<ItemIndicators?> ForItemAsync(int itemId, CancellationToken ct = default)
    {
        var item = await db.ContentItems.AsNoTracking().Where(i => i.Id == itemId)
            .Select(i => new { i.Id, i.Code, i.Name, ProgramCode = i.Group.Program.Code, i.Group.Program.StartYear, i.Group.Program.EndYear }).FirstOrDefaultAsync(ct);
        if (item is null)
        {
            return null;
        }

        var indicators = await db.OutputIndicators.AsNoTracking().Include(i => i.Targets).Where(i => i.ContentItemId == itemId).ToListAsync(ct);
        return new ItemIndicators(item.Id, item.Code, item.Name, item.ProgramCode, item.StartYear, item.EndYear,
            indicators.OrderBy(i => i.Kind).Select(i => new IndicatorView(i.Id, i.Kind, i.Kind.DisplayName(), i.Unit, i.PeriodTarget,
                Enumerable.Range(item.StartYear, item.EndYear - item.StartYear + 1).ToDictionary(y => y, i.TargetOf), i.IsIllustrative, i.ConcurrencyStamp)).ToList());
    }

    public async Task<ProposalOutputs?> ForProposalAsync(int proposalId, CancellationToken ct = default)
    {
        var proposal = await db.Proposals.AsNoTracking().Where(p => p.Id == proposalId)
            .Select(p => new { p.Id, p.Code, p.Title, p.ContentItemId, ItemCode = p.ContentItem.Code, p.Status }).FirstOrDefaultAsync(ct);
        if (proposal is null)
        {
            return null;
        }

        var indicators = await db.OutputIndicators.AsNoTracking().Where(i => i.ContentItemId == proposal.ContentItemId)
            .Select(i => new { i.Id, i.Kind }).ToListAsync(ct);
        var outputs = await db.ProposalOutputs.AsNoTracking().Where(o => o.ProposalId == proposalId)
            .Select(o => new { o.OutputIndicatorId, o.Expected, o.Actual }).ToListAsync(ct);
        var rows = indicators.OrderBy(i => i.Kind).Select(i =>
        {
            var o = outputs.FirstOrDefault(x => x.OutputIndicatorId == i.Id);
            return new ProposalOutputView(i.Id, i.Kind.DisplayName(), i.Kind.Unit(), o?.Expected, o?.Actual);
        }).ToList();
        return new ProposalOutputs(proposal.Id, proposal.Code, proposal.Title, proposal.ItemCode, proposal.Status, rows, await service.OutputsVersionAsync(proposalId, ct));
    }
}

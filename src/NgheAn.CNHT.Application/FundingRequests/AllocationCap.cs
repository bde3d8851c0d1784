using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.FundingRequests;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.FundingRequests;

/// <summary>
/// The cap of ADR 0174: the provincial budget approved for proposals of an item starting in a year stays within the
/// budget assigned to that item and year (when one is recorded). Called inside the approval's serializable transaction.
/// </summary>
public static class AllocationCap
{
    public static async Task EnsureWithinAsync(IAppDbContext db, int proposalId, decimal approvedProvincialShare, CancellationToken ct)
    {
        var p = await db.Proposals.AsNoTracking().Where(x => x.Id == proposalId)
            .Select(x => new { x.ProgramId, x.StartYear, x.ContentItemId, ItemCode = x.ContentItem.Code }).FirstOrDefaultAsync(ct);
        if (p is null)
        {
            return;
        }

        var assigned = await db.AssignedBudgets.AsNoTracking()
            .Where(b => b.ProgramId == p.ProgramId && b.Year == p.StartYear && b.ContentItemId == p.ContentItemId)
            .Select(b => (decimal?)b.Amount).FirstOrDefaultAsync(ct);
        if (assigned is null)
        {
            return;
        }

        var counted = ProposalStatusText.Counted.ToArray();
        var others = await db.Proposals.AsNoTracking()
            .Where(x => x.Id != proposalId && x.ProgramId == p.ProgramId && x.StartYear == p.StartYear && x.ContentItemId == p.ContentItemId && counted.Contains(x.Status))
            .SumAsync(x => x.ApprovedProvincialShare ?? 0, ct);
        AssignedBudget.EnsureWithin(p.ItemCode, p.StartYear, assigned.Value, others, approvedProvincialShare);
    }
}

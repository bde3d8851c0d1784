using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.BrowserTests.Support;

/// <summary>Program 2018-2025 in whole đồng.</summary>
public sealed record ProgramFigures(decimal Plan, int Count, decimal TotalCost, decimal Share, decimal Paid);

/// <summary>
/// The figures a page or a file must show, summed here from the rows at the moment of the check. The journeys
/// share one portal and some of them create, approve or pay their own proposals, so a figure that sums the whole
/// program is read at the moment of the check, never taken from the untouched sample data.
/// </summary>
public static class Figures
{
    public static async Task<ProgramFigures> ProgramAsync(BrowserPortal portal, string code = "2018-2025")
    {
        using var scope = portal.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var programId = await db.Programs.Where(p => p.Code == code).Select(p => p.Id).SingleAsync();
        var plan = (await db.ContentItems.Where(i => i.Group.ProgramId == programId).Select(i => i.PlanAmount).ToListAsync()).Sum();
        var proposals = await db.Proposals.Where(p => p.ProgramId == programId)
            .Select(p => new { p.Status, Total = p.CountedTotalCost(), Share = p.CountedProvincialShare() })
            .ToListAsync();
        var paid = (await db.DisbursementEntries.Where(e => e.Proposal.ProgramId == programId && e.Source == FundingSource.ProvincialBudget)
            .Select(e => e.Amount).ToListAsync()).Sum();
        var counted = proposals.Where(p => p.Status.IsCounted()).ToList();
        return new ProgramFigures(plan, counted.Count, counted.Sum(p => p.Total), counted.Sum(p => p.Share), paid);
    }

    /// <summary>How many proposals of every program wait at <paramref name="status"/> (the dashboard's "waiting" count).</summary>
    public static async Task<int> WaitingAsync(BrowserPortal portal, ProposalStatus status)
    {
        using var scope = portal.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Proposals.CountAsync(p => p.Status == status);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Security;

/// <summary>A summary of the business data, to prove a refused request changed nothing.</summary>
public sealed record DatabaseFingerprint(int Proposals, int Transitions, int Entries, decimal Ledger, int Organizations, int Estimates, int EstimateLines,
    int Items, decimal Plans, int Programs, int Users, string ProposalStamps)
{
    public static Task<DatabaseFingerprint> TakeAsync(CnhtFactory portal) => portal.ScopedAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var stamps = string.Join(",", await db.Proposals.OrderBy(p => p.Id).Select(p => p.ConcurrencyStamp).ToListAsync());
        return new DatabaseFingerprint(
            await db.Proposals.CountAsync(), await db.ProposalTransitions.CountAsync(), await db.DisbursementEntries.CountAsync(),
            await db.DisbursementEntries.SumAsync(e => e.Amount), await db.Organizations.CountAsync(), await db.AnnualEstimates.CountAsync(),
            await db.AnnualEstimateLines.CountAsync(), await db.ContentItems.CountAsync(), await db.ContentItems.SumAsync(i => i.PlanAmount),
            await db.Programs.CountAsync(), await db.Users.CountAsync(), stamps);
    });
}

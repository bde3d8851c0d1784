using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;

namespace NgheAn.CNHT.Application.SupportRules;

/// <summary>
/// The lock the per-enterprise caps rely on, after the ledger's proposal lock (ADR 0020): inside the caller's serializable
/// transaction, a no-op update of the lead unit's row. On SQL Server it holds that row's exclusive lock until commit, so
/// approvals for one enterprise queue while others proceed; on SQLite the transaction is BEGIN IMMEDIATE, one writer at a time.
/// </summary>
public static class SupportRuleLocks
{
    public static async Task LockEnterpriseAsync(IAppDbContext db, int organizationId, CancellationToken ct) =>
        await db.Organizations.Where(o => o.Id == organizationId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ConcurrencyStamp, o => o.ConcurrencyStamp), ct);
}

using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.DataExchange;

/// <summary>
/// Saves a checked plan in one transaction: plan revisions, new units, then proposals in chunks (each chunk saved
/// once so its ledger entries get the proposals' ids), the support-rule flags last; then commits, or nothing is saved.
/// Rows are walked through the domain again (<see cref="ImportWalker"/>): a refusal now means the data changed.
/// </summary>
public sealed class ImportWriter(IAppDbContext db)
{
    /// <summary>Proposals per save: keeps the change tracker small on large files (LargeWorkbookTests).</summary>
    private const int ChunkSize = 250;

    internal async Task SaveAsync(ImportPlan plan, ImportContext ctx, IReadOnlyList<PlanTargetChange> planChanges, Func<ImportProgress, Task> progress,
        Func<Task> beforeCommit, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Plan targets first, each kept as a revision (who, when, old → new, the file as the reference).
        if (planChanges.Count > 0)
        {
            var ids = planChanges.Select(c => c.ItemId).ToList();
            var items = await db.ContentItems.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
            foreach (var change in planChanges)
            {
                items[change.ItemId].RevisePlan(change.NewPlan, change.Reference, ctx.Comment, ctx.Importer, ctx.UtcNow);
            }

            await db.SaveChangesAsync(ct);
        }

        var unitIds = await SaveUnitsAsync(plan, ct);
        db.ChangeTracker.Clear();
        var done = 0;
        await progress(new ImportProgress(ImportService.PhaseSave, 0, plan.Rows.Count));
        foreach (var chunk in plan.Rows.Chunk(ChunkSize))
        {
            ct.ThrowIfCancellationRequested();
            var problems = new List<ImportProblem>();
            var walkers = new List<(PlannedRow Row, ImportWalker Walker)>();
            foreach (var row in chunk)
            {
                var walker = new ImportWalker(row.Line, row.Row, ctx, problems);
                walker.Begin(new ProposalContext(ctx.ProgramId, ctx.Period, row.ItemId, unitIds[row.UnitKey]));
                db.Proposals.Add(Checked(walker).Proposal!);
                walkers.Add((row, walker));
            }

            // The ledger needs the proposals' ids: one save for the chunk, then the payments, settlements and cancellations.
            await db.SaveChangesAsync(ct);
            foreach (var (row, walker) in walkers)
            {
                await walker.LedgerAsync(row.Ledger, e => db.DisbursementEntries.Add(e), () => db.SaveChangesAsync(ct));
                walker.Finish();
                Checked(walker);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += chunk.Length;
            await progress(new ImportProgress(ImportService.PhaseSave, done, plan.Rows.Count));
        }

        await beforeCommit();
        await transaction.CommitAsync(ct);

        // The same rows passed the check a moment ago; a refusal now means the data changed in between.
        static ImportWalker Checked(ImportWalker walker) => walker.Ok
            ? walker
            : throw new DomainException("dữ liệu trên cổng vừa thay đổi so với lúc kiểm tra; hãy kiểm tra lại tệp.");
    }

    /// <summary>Creates the planned new units; returns every planned unit's id by its key.</summary>
    private async Task<Dictionary<string, int>> SaveUnitsAsync(ImportPlan plan, CancellationToken ct)
    {
        var unitIds = new Dictionary<string, int>();
        var created = new Dictionary<string, Organization>();
        foreach (var unit in plan.Units.Values)
        {
            if (unit.ExistingId is { } id)
            {
                unitIds[unit.Key] = id;
                continue;
            }

            var org = new Organization(unit.Name, unit.Kind, unit.TaxCode, unit.Sector, unit.District, unit.Address);
            db.Organizations.Add(org);
            created[unit.Key] = org;
        }

        await db.SaveChangesAsync(ct);
        foreach (var (key, org) in created)
        {
            unitIds[key] = org.Id;
        }

        return unitIds;
    }
}

using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.DataExchange;

/// <summary>
/// Saves a checked plan in one transaction: plan revisions, new units, then the proposals with their ledgers, the
/// support-rule flags last; then commits, or nothing is saved. The rows are read from the file a second time
/// (<see cref="PlannedRowReader"/>, ADR 0201), each proved to be the one checked, and walked through the domain again
/// (<see cref="ImportWalker"/>): a refusal now means the data changed. On SQLite the rows go in through prepared INSERTs
/// (<see cref="IBulkRows"/>, ADR 0200), audited by one row per table naming the file and the ids it gave (ADR 0212);
/// elsewhere EF saves them in chunks, each row with its own audit row.
/// </summary>
public sealed class ImportWriter(IAppDbContext db, IBulkRowWriter bulk)
{
    /// <summary>Proposals per save: keeps the change tracker small on large files (LargeWorkbookTests).</summary>
    private const int ChunkSize = 250;

    internal async Task SaveAsync(ImportedFile file, ImportPlan plan, IEnumerable<RowToSave> toSave, ImportContext ctx, IReadOnlyList<PlanTargetChange> planChanges,
        Func<ImportProgress, Task> progress, Func<Task> beforeCommit, CancellationToken ct)
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
        await progress(new ImportProgress(ImportService.PhaseSave, 0, plan.Rows.Count));
        using (var rows = bulk.Open(file))
        {
            if (rows is not null)
            {
                await SaveInBulkAsync(rows, plan, toSave, ctx, unitIds, progress, ct);
                rows.Complete();
            }
            else
            {
                await SaveInChunksAsync(plan, toSave, ctx, unitIds, progress, ct);
            }
        }

        await beforeCommit();
        await transaction.CommitAsync(ct);
    }

    /// <summary>Row by row with no change tracker: each proposal is numbered before its ledger (entries carry its id), then written with its history and entries.</summary>
    private static async Task SaveInBulkAsync(IBulkRows rows, ImportPlan plan, IEnumerable<RowToSave> toSave, ImportContext ctx, Dictionary<string, int> unitIds, Func<ImportProgress, Task> progress,
        CancellationToken ct)
    {
        var problems = new List<ImportProblem>();
        var entries = new List<DisbursementEntry>();
        var done = 0;
        foreach (var row in toSave)
        {
            var walker = new ImportWalker(row.Line, row.Plan.Row, ctx, problems);
            walker.Begin(new ProposalContext(ctx.ProgramId, ctx.Period, row.Plan.ItemId, unitIds[row.Plan.UnitKey]));
            var proposal = Checked(walker).Proposal!;
            rows.AssignKey(proposal);
            entries.Clear();
            // An entry is numbered when made, so a reversal later in the same ledger can point at it.
            await walker.LedgerAsync(row.Ledger, e =>
            {
                rows.AssignKey(e);
                entries.Add(e);
            });
            walker.Finish();
            Checked(walker);
            // Settling and cancelling come after the ledger, so the proposal is written last of its walk, before its entries (their key points at it).
            rows.Insert(proposal);
            foreach (var entry in entries)
            {
                rows.Insert(entry);
            }

            if (++done % ChunkSize == 0 || done == plan.Rows.Count)
            {
                ct.ThrowIfCancellationRequested();
                await progress(new ImportProgress(ImportService.PhaseSave, done, plan.Rows.Count));
            }
        }
    }

    /// <summary>Through EF: a chunk of proposals saved once so its ledger entries get their ids, then the entries, then the change tracker cleared.</summary>
    private async Task SaveInChunksAsync(ImportPlan plan, IEnumerable<RowToSave> toSave, ImportContext ctx, Dictionary<string, int> unitIds, Func<ImportProgress, Task> progress, CancellationToken ct)
    {
        var done = 0;
        foreach (var chunk in toSave.Chunk(ChunkSize))
        {
            ct.ThrowIfCancellationRequested();
            var problems = new List<ImportProblem>();
            var walkers = new List<(RowToSave Row, ImportWalker Walker)>();
            foreach (var row in chunk)
            {
                var walker = new ImportWalker(row.Line, row.Plan.Row, ctx, problems);
                walker.Begin(new ProposalContext(ctx.ProgramId, ctx.Period, row.Plan.ItemId, unitIds[row.Plan.UnitKey]));
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
    }

    /// <summary>The same rows passed the check a moment ago; a refusal now means the data changed in between.</summary>
    private static ImportWalker Checked(ImportWalker walker) => walker.Ok
        ? walker
        : throw new DomainException("dữ liệu trên cổng vừa thay đổi so với lúc kiểm tra; hãy kiểm tra lại tệp.");

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

using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.DataExchange;

namespace NgheAn.CNHT.Application.DataExchange;

public sealed record ImportBatchRow(int Id, string FileName, long Size, string? ProgramCode, DateTime UploadedAt, ImportBatchStatus Status,
    int ErrorCount, int NewProposalCount, int NewLedgerEntryCount, DateTime? ImportedAt);

public sealed record ImportBatchView(ImportBatchRow Batch, ImportOutcome? Report);

/// <summary>
/// The portal's upload → preview → confirm flow. The uploaded bytes and the check report are kept in the
/// database (ImportBatches), so the confirmation may reach any web node; nothing is held in memory between
/// requests. A batch belongs to the person who uploaded it.
/// </summary>
public sealed class ImportBatchService(IAppDbContext db, ImportService import, ICurrentUser currentUser, TimeProvider clock)
{
    /// <summary>Stores the file and checks it (a dry run). Returns the batch id whether or not the file has problems.</summary>
    public async Task<int> UploadAsync(byte[] content, string fileName, string? programCode, Func<ImportProgress, Task>? progress, CancellationToken ct)
    {
        var batch = new ImportBatch(Path.GetFileName(fileName), content, Convert.ToHexStringLower(SHA256.HashData(content)), programCode, currentUser.Actor, clock.GetUtcNow().UtcDateTime);
        var outcome = await CheckAsync(batch, content, dryRun: true, progress, ct);
        db.ImportBatches.Add(batch);
        batch.Content!.SetReport(Serialize(outcome));
        await db.SaveChangesAsync(ct);
        return batch.Id;
    }

    /// <summary>Checks the stored file again (the portal may have changed since) and saves it when it has no errors.</summary>
    public async Task<ImportOutcome> ConfirmAsync(int id, Func<ImportProgress, Task>? progress, CancellationToken ct)
    {
        var batch = await db.ImportBatches.Include(b => b.Content).FirstOrDefaultAsync(b => b.Id == id && b.UploadedBy == currentUser.UserName, ct)
            ?? throw new NotFoundException("Không tìm thấy tệp đã tải lên.");
        if (batch.Status == ImportBatchStatus.Imported)
        {
            throw new DomainException("Tệp này đã được nhập; không nhập lại.");
        }

        if (batch.Status == ImportBatchStatus.Discarded || batch.Content is null)
        {
            throw new DomainException("Tệp này đã bị hủy; hãy tải tệp lên lại.");
        }

        var outcome = await CheckAsync(batch, batch.Content!.Data, dryRun: false, progress, ct);

        // The import cleared the change tracker; the batch is read again to record the result.
        var stored = await db.ImportBatches.Include(b => b.Content).SingleAsync(b => b.Id == id, ct);
        stored.RecordCheck(outcome.ProgramCode, outcome.ErrorCount, outcome.Summary.NewProposals, outcome.Summary.NewLedgerEntries, clock.GetUtcNow().UtcDateTime);
        stored.Content!.SetReport(Serialize(outcome));
        if (outcome.Saved || (!outcome.HasErrors && outcome.Summary.NewProposals == 0))
        {
            stored.MarkImported(currentUser.Actor, clock.GetUtcNow().UtcDateTime);
        }

        await db.SaveChangesAsync(ct);
        return outcome;
    }

    public async Task DiscardAsync(int id, CancellationToken ct)
    {
        var batch = await db.ImportBatches.Include(b => b.Content).FirstOrDefaultAsync(b => b.Id == id && b.UploadedBy == currentUser.UserName, ct)
            ?? throw new NotFoundException("Không tìm thấy tệp đã tải lên.");
        batch.Discard();
        if (batch.Content is not null)
        {
            db.ImportBatchContents.Remove(batch.Content);
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task<ImportBatchView?> GetAsync(int id, CancellationToken ct)
    {
        var row = await Project(Mine().Where(b => b.Id == id)).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var report = await db.ImportBatchContents.AsNoTracking().Where(c => c.ImportBatchId == id).Select(c => c.Report).FirstOrDefaultAsync(ct);
        return new ImportBatchView(row, report is null ? null : JsonSerializer.Deserialize<ImportOutcome>(report, ReportJson.Options));
    }

    public async Task<IReadOnlyList<ImportBatchRow>> RecentAsync(int count, CancellationToken ct) =>
        await Project(Mine().OrderByDescending(b => b.UploadedAt).Take(count)).ToListAsync(ct);

    private IQueryable<ImportBatch> Mine()
    {
        var user = currentUser.UserName;
        return db.ImportBatches.AsNoTracking().Where(b => b.UploadedBy == user);
    }

    private static IQueryable<ImportBatchRow> Project(IQueryable<ImportBatch> batches) =>
        batches.Select(b => new ImportBatchRow(b.Id, b.FileName, b.Size, b.ProgramCode, b.UploadedAt, b.Status, b.ErrorCount, b.NewProposalCount, b.NewLedgerEntryCount, b.ImportedAt));

    private async Task<ImportOutcome> CheckAsync(ImportBatch batch, byte[] content, bool dryRun, Func<ImportProgress, Task>? progress, CancellationToken ct)
    {
        using var stream = new MemoryStream(content, writable: false);
        // Outside the support rules: the preview lists each violation and the importer chooses, confirming imports with flags
        // and discarding refuses the file (ADR 0142).
        var outcome = await import.RunAsync(stream, new ImportRequest(batch.FileName, batch.ProgramCode, dryRun, FlagRuleViolations: true), progress, ct);
        if (dryRun)
        {
            batch.RecordCheck(outcome.ProgramCode, outcome.ErrorCount, outcome.Summary.NewProposals, outcome.Summary.NewLedgerEntries, clock.GetUtcNow().UtcDateTime);
        }

        return outcome;
    }

    private static byte[] Serialize(ImportOutcome outcome) => JsonSerializer.SerializeToUtf8Bytes(outcome, ReportJson.Options);
}

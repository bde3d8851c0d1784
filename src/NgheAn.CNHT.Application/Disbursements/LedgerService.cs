using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.Disbursements;

public sealed record RecordEntryInput(int ProposalId, DateOnly EntryDate, decimal Amount, FundingSource Source, DisbursementKind Kind, string VoucherNumber, string? Note, string? Version);

public sealed record ReverseEntryInput(int EntryId, DateOnly EntryDate, string VoucherNumber, string Reason, string? Version);

public sealed record SettleInput(int ProposalId, string DecisionNumber, DateOnly SettlementDate, decimal SettledTotalCost, decimal SettledProvincialShare, string? Comment, string? Version);

/// <summary>
/// Writes to the append-only ledger and settles proposals. The ceiling is checked inside the same
/// database transaction as the insert, after the proposal row has been locked, so two Support Center
/// staff posting at the same moment cannot both pass: on SQLite the transaction is BEGIN IMMEDIATE
/// (one writer at a time), on SQL Server the UPDATE of the proposal row holds its exclusive lock
/// until commit.
/// </summary>
public sealed class LedgerService(IAppDbContext db, ICurrentUser user, TimeProvider clock, Notifications.NotificationService notifications, ILogger<LedgerService> logger)
{
    public async Task<int> RecordAsync(RecordEntryInput input, CancellationToken ct = default)
    {
        var entry = await InLockedProposalAsync(input.ProposalId, input.Version, async (proposal, balance) =>
        {
            var e = DisbursementEntry.Record(proposal, balance, input.EntryDate, input.Amount, input.Source, input.Kind,
                input.VoucherNumber, input.Note, user.Actor, clock.GetUtcNow().UtcDateTime);
            db.DisbursementEntries.Add(e);
            await db.SaveChangesAsync(ct);
            return e;
        }, ct);
        logger.LogInformation("Ledger entry {EntryId} ({Kind}, {Source}) recorded on proposal {ProposalId} by {User}",
            entry.Id, entry.Kind, entry.Source, entry.ProposalId, user.UserName);
        return entry.Id;
    }

    public async Task<int> ReverseAsync(ReverseEntryInput input, CancellationToken ct = default)
    {
        var original = await db.DisbursementEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == input.EntryId, ct)
            ?? throw new NotFoundException("Không tìm thấy bút toán cần đảo.");
        var reversal = await InLockedProposalAsync(original.ProposalId, input.Version, async (proposal, balance) =>
        {
            var alreadyReversed = await db.DisbursementEntries.AnyAsync(e => e.ReversesEntryId == original.Id, ct);
            var r = original.Reverse(proposal, balance, alreadyReversed, input.EntryDate, input.VoucherNumber, input.Reason,
                user.Actor, clock.GetUtcNow().UtcDateTime);
            db.DisbursementEntries.Add(r);
            await db.SaveChangesAsync(ct);
            return r;
        }, ct);
        logger.LogInformation("Ledger entry {EntryId} reversed by {ReversalId} ({User})", original.Id, reversal.Id, user.UserName);
        return reversal.Id;
    }

    /// <summary>Settlement (quyết toán): fixes the final figures; from then on reports show them and the ledger is closed.</summary>
    public async Task SettleAsync(SettleInput input, CancellationToken ct = default)
    {
        await InLockedProposalAsync(input.ProposalId, input.Version, async (proposal, balance) =>
        {
            proposal.Settle(user.Actor, clock.GetUtcNow().UtcDateTime, input.DecisionNumber, input.SettlementDate,
                input.SettledTotalCost, input.SettledProvincialShare, balance.Provincial, input.Comment, balance.NonProvincial);
            // Settled: nobody needs to act on the proposal's notices any more (no new notice is due).
            await notifications.OnTransitionAsync(proposal, ProposalAction.Settle, input.Comment, ct);
            await db.SaveChangesAsync(ct);
            return proposal;
        }, ct);
        logger.LogInformation("Proposal {ProposalId} settled by {User}", input.ProposalId, user.UserName);
    }

    /// <summary>What the ledger holds for a proposal, per source (signed sums computed in SQL).</summary>
    public static async Task<LedgerBalance> BalanceAsync(IAppDbContext db, int proposalId, CancellationToken ct)
    {
        var sums = await db.DisbursementEntries
            .Where(e => e.ProposalId == proposalId)
            .GroupBy(e => e.Source)
            .Select(g => new { Source = g.Key, Sum = g.Sum(e => e.Amount) })
            .ToListAsync(ct);
        decimal Of(FundingSource s) => sums.FirstOrDefault(x => x.Source == s)?.Sum ?? 0m;
        return new LedgerBalance(Of(FundingSource.ProvincialBudget), Of(FundingSource.Counterpart), Of(FundingSource.Other));
    }

    /// <summary>
    /// Takes the proposal's write lock inside the caller's transaction (a no-op update of its row): every ledger
    /// posting, settlement and cancellation of that proposal queues here. False when there is no such proposal.
    /// </summary>
    public static async Task<bool> LockProposalAsync(IAppDbContext db, int proposalId, CancellationToken ct) =>
        await db.Proposals.Where(p => p.Id == proposalId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.StatusChangedAt, p => p.StatusChangedAt), ct) > 0;

    public const string ConflictMessage =
        "Đề án hoặc sổ giải ngân của đề án vừa được thay đổi sau khi bạn mở trang; thao tác của bạn chưa được lưu. Hãy xem lại số dư hiện tại dưới đây rồi thực hiện lại nếu vẫn cần.";

    /// <summary>
    /// The version of a proposal's ledger as a form saw it: the proposal's stamp (status, approved figures) and the
    /// last entry (the ledger only grows). Every posting, reversal and settlement must send the version it was made on.
    /// </summary>
    public static async Task<string?> VersionAsync(IAppDbContext db, int proposalId, CancellationToken ct)
    {
        var stamp = await db.Proposals.AsNoTracking().Where(p => p.Id == proposalId).Select(p => (Guid?)p.ConcurrencyStamp).FirstOrDefaultAsync(ct);
        if (stamp is null)
        {
            return null;
        }

        var last = await db.DisbursementEntries.Where(e => e.ProposalId == proposalId).MaxAsync(e => (int?)e.Id, ct) ?? 0;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{stamp.Value:N}-{last}");
    }

    public Task<string?> VersionAsync(int proposalId, CancellationToken ct = default) => VersionAsync(db, proposalId, ct);

    private async Task<T> InLockedProposalAsync<T>(int proposalId, string? version, Func<Proposal, LedgerBalance, Task<T>> work, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        if (!await LockProposalAsync(db, proposalId, ct))
        {
            throw new NotFoundException("Không tìm thấy đề án.");
        }

        // Under the lock: a form made on an older ledger (or sending none) is refused, nothing written.
        var current = await VersionAsync(db, proposalId, ct);
        if (string.IsNullOrEmpty(version) || !string.Equals(version, current, StringComparison.Ordinal))
        {
            throw new ConcurrencyConflictException(ConflictMessage, [], Guid.Empty);
        }

        var proposal = await db.Proposals.FirstAsync(p => p.Id == proposalId, ct);
        var balance = await BalanceAsync(db, proposalId, ct);
        var result = await work(proposal, balance);
        await transaction.CommitAsync(ct);
        return result;
    }
}

using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Domain.Disbursements;

public enum FundingSource
{
    /// <summary>Ngân sách tỉnh.</summary>
    ProvincialBudget,
    /// <summary>Đối ứng doanh nghiệp.</summary>
    Counterpart,
    /// <summary>Nguồn khác.</summary>
    Other,
}

public enum DisbursementKind
{
    /// <summary>Tạm ứng.</summary>
    Advance,
    /// <summary>Thanh toán.</summary>
    Payment,
    /// <summary>Quyết toán (điều chỉnh khi quyết toán).</summary>
    SettlementAdjustment,
    /// <summary>Thu hồi (the amount is negative).</summary>
    Recovery,
    /// <summary>Bút toán đảo (reverses one earlier entry; negative of it).</summary>
    Reversal,
}

/// <summary>
/// One line of the append-only disbursement ledger. Amounts are signed whole đồng: payments positive,
/// recoveries and reversals negative. A mistake is never edited: a reversing entry points at it.
/// </summary>
public sealed class DisbursementEntry : Entity
{
    private DisbursementEntry() { }

    private DisbursementEntry(int proposalId, int programId, DateOnly entryDate, decimal amount, FundingSource source, DisbursementKind kind,
        string voucherNumber, string? note, int? reversesEntryId, Actor actor, DateTime utcNow)
    {
        ProposalId = proposalId;
        ProgramId = programId;
        EntryDate = entryDate;
        Amount = amount;
        Source = source;
        Kind = kind;
        VoucherNumber = voucherNumber;
        Note = note;
        ReversesEntryId = reversesEntryId;
        RecordedBy = actor.UserName;
        RecordedAt = utcNow;
    }

    public int ProposalId { get; private set; }
    public Proposal Proposal { get; private set; } = null!;

    /// <summary>
    /// The program of the proposal, copied when the entry is made (a proposal never changes program): the ledger is read
    /// per program, newest first, from an index on (ProgramId, EntryDate, Id) without a join (ADR 0103).
    /// </summary>
    public int ProgramId { get; private set; }
    public DateOnly EntryDate { get; private set; }
    public decimal Amount { get; private set; }
    public FundingSource Source { get; private set; }
    public DisbursementKind Kind { get; private set; }
    public string VoucherNumber { get; private set; } = "";
    public string? Note { get; private set; }
    public int? ReversesEntryId { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }
    public bool IsSample { get; private set; }

    /// <summary>
    /// Builds a new entry after checking the proposal's state and the ceilings.
    /// <paramref name="balance"/> must be read inside the same database transaction as the insert.
    /// </summary>
    public static DisbursementEntry Record(Proposal proposal, LedgerBalance balance, DateOnly entryDate, decimal amount, FundingSource source,
        DisbursementKind kind, string voucherNumber, string? note, Actor actor, DateTime utcNow, bool isSample = false)
    {
        if (!actor.IsIn(Roles.SupportCenter))
        {
            throw new DomainException("Chỉ Trung tâm Hỗ trợ và Tư vấn phát triển Công Thương được ghi giải ngân.");
        }

        if (kind == DisbursementKind.Reversal)
        {
            throw new DomainException("Bút toán đảo được tạo từ bút toán gốc, không nhập trực tiếp.", nameof(Kind));
        }

        EnsureOpen(proposal);
        if (!Enum.IsDefined(source))
        {
            throw new DomainException("Nguồn kinh phí không hợp lệ.", nameof(Source));
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Loại bút toán không hợp lệ.", nameof(Kind));
        }

        // Every field rule at once (ADR 0129); the ceiling only for a readable amount.
        var check = new RuleCheck();
        var amountOk = check.Run(() => { Guard.PositiveAmount(amount, "Số tiền", nameof(Amount)); return true; });
        var signed = kind == DisbursementKind.Recovery ? -amount : amount;
        check.Run(() => CheckEntryDate(proposal, entryDate, utcNow));
        voucherNumber = check.Run(() => Guard.Required(voucherNumber, "Số chứng từ", FieldLengths.VoucherNumber, nameof(VoucherNumber)), voucherNumber);
        note = check.Run(() => Guard.Optional(note, "Ghi chú", FieldLengths.LedgerNote, nameof(Note)), note);
        if (amountOk)
        {
            check.Run(() => balance.EnsureWithinCeiling(proposal, source, signed));
        }

        check.ThrowIfBroken();
        return new DisbursementEntry(proposal.Id, proposal.ProgramId, entryDate, signed, source, kind, voucherNumber, note, null, actor, utcNow) { IsSample = isSample };
    }

    /// <summary>Builds the entry that cancels this one. An entry can be reversed once; a reversal cannot be reversed.</summary>
    public DisbursementEntry Reverse(Proposal proposal, LedgerBalance balance, bool alreadyReversed, DateOnly entryDate, string voucherNumber, string reason, Actor actor, DateTime utcNow)
    {
        if (!actor.IsIn(Roles.SupportCenter))
        {
            throw new DomainException("Chỉ Trung tâm Hỗ trợ và Tư vấn phát triển Công Thương được ghi bút toán đảo.");
        }

        if (Kind == DisbursementKind.Reversal)
        {
            throw new DomainException("Không thể đảo một bút toán đảo.");
        }

        if (alreadyReversed)
        {
            throw new DomainException("Bút toán này đã được đảo trước đó.");
        }

        if (proposal.Id != ProposalId)
        {
            throw new DomainException("Bút toán không thuộc đề án này.");
        }

        EnsureOpen(proposal);
        // Every field rule at once (ADR 0129).
        var check = new RuleCheck();
        check.Run(() => CheckEntryDate(proposal, entryDate, utcNow));
        if (!check.IsBroken(nameof(EntryDate)) && entryDate < EntryDate)
        {
            check.Add(new DomainException("Ngày bút toán đảo không được trước ngày bút toán gốc.", nameof(EntryDate)));
        }

        voucherNumber = check.Run(() => Guard.Required(voucherNumber, "Số chứng từ", FieldLengths.VoucherNumber, nameof(VoucherNumber)), voucherNumber);
        reason = check.Run(() => Guard.Required(reason, "Lý do đảo bút toán", FieldLengths.LedgerNote, nameof(Note)), reason);
        check.Run(() => balance.EnsureWithinCeiling(proposal, Source, -Amount));
        check.ThrowIfBroken();
        return new DisbursementEntry(ProposalId, proposal.ProgramId, entryDate, -Amount, Source, DisbursementKind.Reversal, voucherNumber, reason, Id, actor, utcNow);
    }

    private static void EnsureOpen(Proposal proposal)
    {
        if (proposal.Status is ProposalStatus.Settled)
        {
            throw new DomainException("Đề án đã quyết toán; không ghi thêm giải ngân.");
        }

        if (proposal.Status is not (ProposalStatus.Approved or ProposalStatus.Implementing or ProposalStatus.Accepted))
        {
            throw new DomainException($"Chỉ ghi giải ngân cho đề án đã phê duyệt; đề án này đang ở trạng thái \"{proposal.Status.DisplayName()}\".");
        }
    }

    private static void CheckEntryDate(Proposal proposal, DateOnly entryDate, DateTime utcNow)
    {
        if (entryDate > DateOnly.FromDateTime(utcNow).AddDays(1))
        {
            throw new DomainException("Ngày chứng từ không được ở tương lai.", nameof(EntryDate));
        }

        if (proposal.DecisionDate is { } decided && entryDate < decided)
        {
            throw new DomainException("Ngày chứng từ không được trước ngày quyết định phê duyệt đề án.", nameof(EntryDate));
        }
    }

    public static string SourceDisplayName(FundingSource source) => source switch
    {
        FundingSource.ProvincialBudget => "Ngân sách tỉnh",
        FundingSource.Counterpart => "Đối ứng doanh nghiệp",
        FundingSource.Other => "Nguồn khác",
        _ => source.ToString(),
    };

    public static string KindDisplayName(DisbursementKind kind) => kind switch
    {
        DisbursementKind.Advance => "Tạm ứng",
        DisbursementKind.Payment => "Thanh toán",
        DisbursementKind.SettlementAdjustment => "Quyết toán",
        DisbursementKind.Recovery => "Thu hồi",
        DisbursementKind.Reversal => "Bút toán đảo",
        _ => kind.ToString(),
    };
}

/// <summary>What the ledger already holds for one proposal, per source (signed sums, read in SQL).</summary>
public sealed record LedgerBalance(decimal Provincial, decimal Counterpart, decimal Other)
{
    public static LedgerBalance Empty { get; } = new(0, 0, 0);

    public decimal NonProvincial => Counterpart + Other;

    public void EnsureWithinCeiling(Proposal proposal, FundingSource source, decimal signedAmount)
    {
        var provincialCeiling = proposal.CountedProvincialShare();
        var totalCeiling = proposal.CountedTotalCost();
        var otherCeiling = totalCeiling - provincialCeiling;
        if (source == FundingSource.ProvincialBudget)
        {
            var after = Provincial + signedAmount;
            if (after > provincialCeiling)
            {
                throw new DomainException(
                    $"Vượt mức ngân sách tỉnh được duyệt: đã giải ngân {VnFormat.Dong(Provincial)} đồng, thêm {VnFormat.Dong(signedAmount)} đồng sẽ vượt {VnFormat.Dong(provincialCeiling)} đồng.",
                    nameof(DisbursementEntry.Amount));
            }

            if (after < 0)
            {
                throw new DomainException("Số thu hồi lớn hơn số ngân sách tỉnh đã giải ngân.", nameof(DisbursementEntry.Amount));
            }
        }
        else
        {
            var after = NonProvincial + signedAmount;
            if (after > otherCeiling)
            {
                throw new DomainException(
                    $"Vượt phần vốn đối ứng và nguồn khác được duyệt: đã ghi {VnFormat.Dong(NonProvincial)} đồng, thêm {VnFormat.Dong(signedAmount)} đồng sẽ vượt {VnFormat.Dong(otherCeiling)} đồng.",
                    nameof(DisbursementEntry.Amount));
            }

            var sourceAfter = (source == FundingSource.Counterpart ? Counterpart : Other) + signedAmount;
            if (sourceAfter < 0)
            {
                throw new DomainException("Số thu hồi lớn hơn số đã giải ngân từ nguồn này.", nameof(DisbursementEntry.Amount));
            }
        }
    }
}

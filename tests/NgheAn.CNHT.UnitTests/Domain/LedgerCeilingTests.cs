using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using static NgheAn.CNHT.UnitTests.Domain.TestData;

namespace NgheAn.CNHT.UnitTests.Domain;

public sealed class LedgerCeilingTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);

    [Fact]
    public void Provincial_payments_up_to_the_approved_share_pass_and_one_dong_more_fails()
    {
        var p = Approved(); // approved provincial share 270.000.000
        var entry = DisbursementEntry.Record(p, new LedgerBalance(200_000_000m, 0, 0), Today, 70_000_000m, FundingSource.ProvincialBudget, DisbursementKind.Payment, "PC-1", null, Center, Now);
        Assert.Equal(70_000_000m, entry.Amount);
        var ex = Assert.Throws<DomainException>(() =>
            DisbursementEntry.Record(p, new LedgerBalance(200_000_000m, 0, 0), Today, 70_000_001m, FundingSource.ProvincialBudget, DisbursementKind.Payment, "PC-2", null, Center, Now));
        Assert.Contains("Vượt mức ngân sách tỉnh", ex.Message);
        Assert.Contains("270.000.000", ex.Message);
    }

    [Fact]
    public void Counterpart_is_capped_by_total_minus_provincial_share() =>
        Assert.Throws<DomainException>(() =>
            DisbursementEntry.Record(Approved(), LedgerBalance.Empty, Today, 630_000_001m, FundingSource.Counterpart, DisbursementKind.Payment, "PC", null, Center, Now));

    [Fact]
    public void A_recovery_is_negative_and_cannot_exceed_what_was_paid()
    {
        var p = Approved();
        var recovery = DisbursementEntry.Record(p, new LedgerBalance(100m, 0, 0), Today, 100m, FundingSource.ProvincialBudget, DisbursementKind.Recovery, "PT-1", null, Center, Now);
        Assert.Equal(-100m, recovery.Amount);
        Assert.Throws<DomainException>(() =>
            DisbursementEntry.Record(p, new LedgerBalance(100m, 0, 0), Today, 101m, FundingSource.ProvincialBudget, DisbursementKind.Recovery, "PT-2", null, Center, Now));
    }

    [Fact]
    public void Entries_before_approval_are_refused()
    {
        var ex = Assert.Throws<DomainException>(() =>
            DisbursementEntry.Record(NewProposal(), LedgerBalance.Empty, Today, 1m, FundingSource.ProvincialBudget, DisbursementKind.Advance, "PC", null, Center, Now));
        Assert.Contains("đã phê duyệt", ex.Message);
    }

    [Fact]
    public void Only_the_support_center_records_payments() =>
        Assert.Throws<DomainException>(() =>
            DisbursementEntry.Record(Approved(), LedgerBalance.Empty, Today, 1m, FundingSource.ProvincialBudget, DisbursementKind.Advance, "PC", null, Leader, Now));

    [Fact]
    public void Entry_dated_before_the_approval_decision_is_refused() =>
        Assert.Throws<DomainException>(() =>
            DisbursementEntry.Record(Approved(), LedgerBalance.Empty, Today.AddDays(-45), 1m, FundingSource.ProvincialBudget, DisbursementKind.Advance, "PC", null, Center, Now));

    [Fact]
    public void Reversal_is_the_negative_of_the_original_and_only_once()
    {
        var p = Approved();
        var original = DisbursementEntry.Record(p, LedgerBalance.Empty, Today, 50m, FundingSource.ProvincialBudget, DisbursementKind.Advance, "PC-1", null, Center, Now);
        var reversal = original.Reverse(p, new LedgerBalance(50m, 0, 0), alreadyReversed: false, Today, "PC-1-D", "Nhập nhầm số tiền", Center, Now);
        Assert.Equal(-50m, reversal.Amount);
        Assert.Equal(DisbursementKind.Reversal, reversal.Kind);
        Assert.Throws<DomainException>(() => original.Reverse(p, new LedgerBalance(0, 0, 0), alreadyReversed: true, Today, "X", "Y", Center, Now));
        Assert.Throws<DomainException>(() => reversal.Reverse(p, LedgerBalance.Empty, alreadyReversed: false, Today, "X", "Y", Center, Now));
    }
}

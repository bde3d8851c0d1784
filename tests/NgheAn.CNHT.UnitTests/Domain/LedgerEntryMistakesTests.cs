using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using static NgheAn.CNHT.UnitTests.Domain.TestData;

namespace NgheAn.CNHT.UnitTests.Domain;

/// <summary>Issue 24 (1), ADR 0129: a ledger entry and its reversal report every broken field rule in one refusal.</summary>
public sealed class LedgerEntryMistakesTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);

    [Fact]
    public void A_payment_with_a_zero_amount_a_future_date_and_no_voucher_names_all_three()
    {
        var ex = Assert.Throws<DomainException>(() =>
            DisbursementEntry.Record(Approved(), LedgerBalance.Empty, Today.AddDays(10), 0m, FundingSource.ProvincialBudget, DisbursementKind.Payment, " ", null, Center, Now));
        Assert.Equal(["Amount", "EntryDate", "VoucherNumber"], ex.Errors.Select(e => e.Field));
    }

    [Fact]
    public void A_payment_above_the_ceiling_with_no_voucher_names_both()
    {
        var ex = Assert.Throws<DomainException>(() =>
            DisbursementEntry.Record(Approved(), LedgerBalance.Empty, Today, 270_000_001m, FundingSource.ProvincialBudget, DisbursementKind.Payment, "", null, Center, Now));
        Assert.Equal(2, ex.Errors.Count);
        Assert.Equal("VoucherNumber", ex.Errors[0].Field);
    }

    [Fact]
    public void A_reversal_dated_before_its_entry_with_no_voucher_and_no_reason_names_all_three()
    {
        var p = Approved();
        var entry = DisbursementEntry.Record(p, LedgerBalance.Empty, Today, 70_000_000m, FundingSource.ProvincialBudget, DisbursementKind.Payment, "PC-1", null, Center, Now);
        var ex = Assert.Throws<DomainException>(() =>
            entry.Reverse(p, new LedgerBalance(70_000_000m, 0, 0), false, Today.AddDays(-1), "", "", Center, Now));
        Assert.Equal(["EntryDate", "VoucherNumber", "Note"], ex.Errors.Select(e => e.Field));
        Assert.Contains(ex.Errors, e => e.Message == "Ngày bút toán đảo không được trước ngày bút toán gốc.");
    }
}

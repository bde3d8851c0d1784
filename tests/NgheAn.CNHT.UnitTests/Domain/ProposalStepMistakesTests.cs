using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;
using static NgheAn.CNHT.UnitTests.Domain.TestData;

namespace NgheAn.CNHT.UnitTests.Domain;

/// <summary>Issue 24 (1), ADR 0129: appraisal, approval, acceptance and settlement report every broken rule in one refusal, and change nothing.</summary>
public sealed class ProposalStepMistakesTests
{
    private static Proposal Submitted()
    {
        var p = NewProposal();
        p.Submit(Specialist, Now.AddDays(-50), null);
        return p;
    }

    [Fact]
    public void Appraisal_with_no_opinion_a_future_date_and_a_share_above_the_total_names_all_three()
    {
        var p = Submitted();
        var ex = Assert.Throws<DomainException>(() =>
            p.Appraise(Center, Now, DateOnly.FromDateTime(Now.AddDays(5)), " ", 100_000_000m, 200_000_000m));
        Assert.Equal(["AppraisalOpinion", "AppraisalDate", "RecommendedProvincialShare"], ex.Errors.Select(e => e.Field));
        Assert.Equal(ProposalStatus.Submitted, p.Status);
        Assert.Null(p.AppraisalDate);
    }

    [Fact]
    public void Approval_with_no_decision_number_a_date_before_the_appraisal_and_a_negative_share_names_all_three()
    {
        var p = Submitted();
        p.Appraise(Center, Now.AddDays(-40), DateOnly.FromDateTime(Now.AddDays(-40)), "Đồng ý", 1_000_000_000m, 300_000_000m);
        var ex = Assert.Throws<DomainException>(() =>
            p.Approve(Leader, Now, "", DateOnly.FromDateTime(Now.AddDays(-45)), 900_000_000m, -1m, null));
        Assert.Equal(["DecisionNumber", "DecisionDate", "ApprovedProvincialShare"], ex.Errors.Select(e => e.Field));
        Assert.Contains(ex.Errors, e => e.Message == "Ngày quyết định phê duyệt không được trước ngày thẩm định.");
        Assert.Equal(ProposalStatus.Appraised, p.Status);
        Assert.Null(p.DecisionNumber);
    }

    [Fact]
    public void Approval_by_a_specialist_is_refused_by_role_alone_before_any_field_rule()
    {
        var p = Submitted();
        p.Appraise(Center, Now.AddDays(-40), DateOnly.FromDateTime(Now.AddDays(-40)), "Đồng ý", 1_000_000_000m, 300_000_000m);
        var ex = Assert.Throws<DomainException>(() => p.Approve(Specialist, Now, "", DateOnly.FromDateTime(Now), -1m, -1m, null));
        Assert.Single(ex.Errors);
        Assert.Contains("Lãnh đạo Sở", ex.Message);
    }

    [Fact]
    public void Acceptance_with_no_result_and_a_date_before_the_decision_names_both()
    {
        var p = Approved();
        p.StartImplementation(Center, Now.AddDays(-25), null);
        var ex = Assert.Throws<DomainException>(() => p.Accept(Center, Now, DateOnly.FromDateTime(Now.AddDays(-35)), ""));
        Assert.Equal(["AcceptanceResult", "AcceptanceDate"], ex.Errors.Select(e => e.Field));
        Assert.Equal(ProposalStatus.Implementing, p.Status);
    }

    [Fact]
    public void Settlement_with_no_number_a_date_before_acceptance_a_total_above_approved_and_too_much_paid_names_all_four()
    {
        var p = Approved();
        p.StartImplementation(Center, Now.AddDays(-25), null);
        p.Accept(Center, Now.AddDays(-10), DateOnly.FromDateTime(Now.AddDays(-10)), "Đạt");
        // Approved: 900 million total, 270 million provincial; 250 million already paid from the province.
        var ex = Assert.Throws<DomainException>(() =>
            p.Settle(Center, Now, " ", DateOnly.FromDateTime(Now.AddDays(-20)), 950_000_000m, 200_000_000m, 250_000_000m, null));
        Assert.Equal(["SettlementDecisionNumber", "SettlementDate", "SettledTotalCost", "SettledProvincialShare"], ex.Errors.Select(e => e.Field));
        Assert.Contains(ex.Errors, e => e.Message.StartsWith("Số ngân sách tỉnh đã giải ngân lớn hơn số quyết toán", StringComparison.Ordinal));
        Assert.Equal(ProposalStatus.Accepted, p.Status);
        Assert.Null(p.SettledTotalCost);
    }

    [Fact]
    public void Settlement_with_unreadable_amounts_does_not_add_comparisons_on_top()
    {
        var p = Approved();
        p.StartImplementation(Center, Now.AddDays(-25), null);
        p.Accept(Center, Now.AddDays(-10), DateOnly.FromDateTime(Now.AddDays(-10)), "Đạt");
        var ex = Assert.Throws<DomainException>(() =>
            p.Settle(Center, Now, "5/QĐ-TT", DateOnly.FromDateTime(Now), 100m, 200m, 250_000_000m, null));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("SettledProvincialShare", error.Field);
        Assert.Contains("không được lớn hơn tổng kinh phí", error.Message);
    }
}

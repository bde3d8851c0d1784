using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Estimates;
using static NgheAn.CNHT.UnitTests.Domain.TestData;

namespace NgheAn.CNHT.UnitTests.Domain;

/// <summary>Issue 24 (1), ADR 0120: approving an annual estimate reports every broken field rule in one refusal and changes nothing.</summary>
public sealed class EstimateApprovalMistakesTests
{
    private static AnnualEstimate Submitted()
    {
        var estimate = new AnnualEstimate(1, new YearRange(2026, 2030), 2026, 1, null);
        estimate.SetLine(7, 500_000_000m, null);
        estimate.Submit(Specialist, Now.AddDays(-3));
        return estimate;
    }

    [Fact]
    public void An_empty_decision_number_and_a_future_decision_date_are_named_together()
    {
        var estimate = Submitted();
        var ex = Assert.Throws<DomainException>(() => estimate.Approve(Leader, Now, " ", DateOnly.FromDateTime(Now.AddDays(10))));
        Assert.Equal(["DecisionNumber", "DecisionDate"], ex.Errors.Select(e => e.Field));
        Assert.Contains(ex.Errors, e => e.Message == "Ngày quyết định không được ở tương lai.");
        Assert.Equal(EstimateStatus.Submitted, estimate.Status);
        Assert.Null(estimate.DecisionNumber);
    }

    [Fact]
    public void A_valid_decision_approves_the_estimate()
    {
        var estimate = Submitted();
        estimate.Approve(Leader, Now, "123/QĐ-SCT", DateOnly.FromDateTime(Now));
        Assert.Equal(EstimateStatus.Approved, estimate.Status);
        Assert.Equal("123/QĐ-SCT", estimate.DecisionNumber);
    }
}

using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;
using static NgheAn.CNHT.UnitTests.Domain.TestData;

namespace NgheAn.CNHT.UnitTests.Domain;

public sealed class ProposalLifecycleTests
{
    [Fact]
    public void A_new_proposal_is_a_draft_with_its_creation_in_the_history()
    {
        var p = NewProposal();
        Assert.Equal(ProposalStatus.Draft, p.Status);
        var t = Assert.Single(p.Transitions);
        Assert.Equal("cv", t.UserName);
        Assert.Null(t.Action);
    }

    [Fact]
    public void Walks_every_step_from_draft_to_settled_recording_who_and_when()
    {
        var p = Approved();
        p.StartImplementation(Center, Now.AddDays(-25), null);
        p.Accept(Center, Now.AddDays(-10), DateOnly.FromDateTime(Now.AddDays(-10)), "Đạt");
        p.Settle(Center, Now.AddDays(-5), "5/QĐ-TT", DateOnly.FromDateTime(Now.AddDays(-5)), 850_000_000m, 250_000_000m, 250_000_000m, null);

        Assert.Equal(ProposalStatus.Settled, p.Status);
        Assert.Equal(
            [ProposalStatus.Draft, ProposalStatus.Submitted, ProposalStatus.Appraised, ProposalStatus.Approved, ProposalStatus.Implementing, ProposalStatus.Accepted, ProposalStatus.Settled],
            p.Transitions.Select(t => t.ToStatus));
        Assert.Equal(["cv", "cv", "tt", "ld", "tt", "tt", "tt"], p.Transitions.Select(t => t.UserName));
        Assert.Equal(850_000_000m, p.EffectiveTotalCost());
        Assert.Equal(250_000_000m, p.EffectiveProvincialShare());
    }

    [Fact]
    public void Approve_is_refused_to_a_specialist_with_the_role_that_may()
    {
        var p = NewProposal();
        p.Submit(Specialist, Now, null);
        p.Appraise(Center, Now, DateOnly.FromDateTime(Now), "Đồng ý", 1_000_000_000m, 300_000_000m);
        var ex = Assert.Throws<DomainException>(() => p.Approve(Specialist, Now, "1/QĐ", DateOnly.FromDateTime(Now), 1m, 0m, null));
        Assert.Contains("Lãnh đạo Sở", ex.Message);
        Assert.Equal(ProposalStatus.Appraised, p.Status);
    }

    [Fact]
    public void Approve_before_appraisal_is_refused_by_state()
    {
        var p = NewProposal();
        p.Submit(Specialist, Now, null);
        var ex = Assert.Throws<DomainException>(() => p.Approve(Leader, Now, "1/QĐ", DateOnly.FromDateTime(Now), 1m, 0m, null));
        Assert.Contains("Hồ sơ đã nộp", ex.Message);
    }

    [Fact]
    public void Reject_and_cancel_require_a_reason()
    {
        var p = NewProposal();
        p.Submit(Specialist, Now, null);
        p.Appraise(Center, Now, DateOnly.FromDateTime(Now), "Không đạt", 1_000_000_000m, 300_000_000m);
        Assert.Throws<DomainException>(() => p.Reject(Leader, Now, "  "));
        p.Reject(Leader, Now, "Không phù hợp nội dung hỗ trợ");
        Assert.Equal(ProposalStatus.Rejected, p.Status);
        Assert.Throws<DomainException>(() => p.Cancel(Leader, Now, "Hủy"));
    }

    [Fact]
    public void Return_for_revision_goes_back_to_draft_and_allows_editing()
    {
        var p = NewProposal();
        p.Submit(Specialist, Now, null);
        Assert.Throws<DomainException>(() => p.Edit(Draft(total: 2_000_000_000m), Context, Specialist));
        p.ReturnForRevision(Center, Now, "Bổ sung dự toán chi tiết");
        Assert.Equal(ProposalStatus.Draft, p.Status);
        p.Edit(Draft(total: 2_000_000_000m), Context, Specialist);
        Assert.Equal(2_000_000_000m, p.RequestedTotalCost);
    }

    [Fact]
    public void Settled_figures_may_be_lower_but_never_above_approved()
    {
        var p = Approved();
        p.StartImplementation(Center, Now, null);
        p.Accept(Center, Now, DateOnly.FromDateTime(Now), "Đạt");
        Assert.Throws<DomainException>(() => p.Settle(Center, Now, "1", DateOnly.FromDateTime(Now), 900_000_000m, 280_000_000m, 0m, null));
    }

    [Fact]
    public void Settlement_below_what_was_paid_asks_for_a_recovery_first()
    {
        var p = Approved();
        p.StartImplementation(Center, Now, null);
        p.Accept(Center, Now, DateOnly.FromDateTime(Now), "Đạt");
        var ex = Assert.Throws<DomainException>(() => p.Settle(Center, Now, "1", DateOnly.FromDateTime(Now), 800_000_000m, 200_000_000m, 270_000_000m, null));
        Assert.Contains("thu hồi", ex.Message);
    }

    [Fact]
    public void Cancel_is_possible_before_settlement_and_never_after()
    {
        var p = Approved();
        p.StartImplementation(Center, Now, null);
        p.Accept(Center, Now, DateOnly.FromDateTime(Now), "Đạt");
        p.Settle(Center, Now, "1", DateOnly.FromDateTime(Now), 900_000_000m, 270_000_000m, 0m, null);
        Assert.Throws<DomainException>(() => p.Cancel(Leader, Now, "Lý do"));

        var q = Approved();
        q.Cancel(Leader, Now, "Doanh nghiệp rút hồ sơ");
        Assert.Equal(ProposalStatus.Cancelled, q.Status);
    }

    [Fact]
    public void Available_actions_follow_role_and_state()
    {
        Assert.Equal([ProposalAction.Submit, ProposalAction.Cancel], ProposalWorkflow.AvailableActions(ProposalStatus.Draft, Specialist));
        Assert.Empty(ProposalWorkflow.AvailableActions(ProposalStatus.Draft, Viewer));
        Assert.Contains(ProposalAction.Approve, ProposalWorkflow.AvailableActions(ProposalStatus.Appraised, Leader));
    }
}

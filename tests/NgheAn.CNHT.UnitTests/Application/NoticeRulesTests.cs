using NgheAn.CNHT.Application.Notifications;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Access;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.UnitTests.Application;

/// <summary>The notice rules agree with the workflow table: whoever is told may take the next step.</summary>
public sealed class NoticeRulesTests
{
    private static readonly ProposalAction[] Forward =
        [ProposalAction.Submit, ProposalAction.Appraise, ProposalAction.Approve, ProposalAction.StartImplementation, ProposalAction.Accept, ProposalAction.Settle];

    [Fact]
    public void Every_notice_goes_to_a_role_that_can_move_the_proposal_on_from_where_the_step_left_it()
    {
        foreach (var rule in NotificationService.Rules)
        {
            var reached = ProposalWorkflow.Rules.Where(r => r.Action == rule.After).Select(r => r.To).Distinct().Single();
            var told = new Actor("x", "x", new HashSet<string> { rule.Role });
            var next = ProposalWorkflow.AvailableActions(reached, told).Where(Forward.Contains).ToList();
            Assert.True(next.Count > 0, $"after {rule.After} ({reached}) {rule.Role} is told but can take no step");
        }
    }

    [Fact]
    public void The_hand_overs_the_issue_names_are_all_notified()
    {
        Assert.Equal(Roles.SupportCenter, NotificationService.Rules.Single(r => r.After == ProposalAction.Submit).Role);
        Assert.Equal(Roles.DoitLeader, NotificationService.Rules.Single(r => r.After == ProposalAction.Appraise).Role);
        Assert.Equal(Roles.SupportCenter, NotificationService.Rules.Single(r => r.After == ProposalAction.Approve).Role);
        Assert.True(NotificationService.Rules.Single(r => r.After == ProposalAction.ReturnForRevision).ToSubmitter);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 8)]
    [InlineData(8, 120)]
    [InlineData(20, 120)]
    public void Mail_is_retried_after_growing_delays_capped_at_two_hours(int attempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), OutgoingEmail.RetryDelay(attempts));

    [Fact]
    public void A_notice_is_resolved_once_and_keeps_its_first_time()
    {
        var notice = new Notification(Roles.SupportCenter, null, 1, "Đề án CNHT-2025-01 chờ thẩm định", "/Proposals/Details/1", new DateTime(2025, 1, 5, 0, 0, 0, DateTimeKind.Utc));
        notice.Resolve(new DateTime(2025, 1, 6, 0, 0, 0, DateTimeKind.Utc));
        notice.Resolve(new DateTime(2025, 1, 7, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(new DateTime(2025, 1, 6, 0, 0, 0, DateTimeKind.Utc), notice.ResolvedAt);
    }
}

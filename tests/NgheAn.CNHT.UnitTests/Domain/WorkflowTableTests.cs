using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;
using static NgheAn.CNHT.UnitTests.Domain.TestData;

namespace NgheAn.CNHT.UnitTests.Domain;

/// <summary>
/// Every action, from every status, by every role: the domain allows exactly what ProposalWorkflow.Rules
/// says and refuses everything else with a readable message, leaving the proposal untouched.
/// </summary>
public sealed class WorkflowTableTests
{
    private static readonly Actor Admin = new("qt", "Quản trị", new HashSet<string> { Roles.Admin });

    public static IEnumerable<object[]> Cases() =>
        from action in Enum.GetValues<ProposalAction>()
        from status in Enum.GetValues<ProposalStatus>()
        from role in Roles.All
        select new object[] { action, status, role };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_domain_allows_a_step_exactly_when_the_workflow_table_does(ProposalAction action, ProposalStatus status, string role)
    {
        var proposal = InStatus(status);
        var actor = role switch
        {
            Roles.DoitSpecialist => Specialist,
            Roles.DoitLeader => Leader,
            Roles.SupportCenter => Center,
            Roles.Viewer => Viewer,
            _ => Admin,
        };
        var allowed = ProposalWorkflow.Rules.Any(r => r.Action == action && r.From.Contains(status) && r.Roles.Contains(role));
        var history = proposal.Transitions.Count;

        var error = Record.Exception(() => Take(proposal, action, actor));

        if (allowed)
        {
            Assert.Null(error);
            Assert.Equal(ProposalWorkflow.Rules.First(r => r.Action == action && r.From.Contains(status)).To, proposal.Status);
            Assert.Equal(history + 1, proposal.Transitions.Count);
            Assert.Contains(action, ProposalWorkflow.AvailableActions(status, actor));
        }
        else
        {
            var refusal = Assert.IsType<DomainException>(error);
            Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
            Assert.True(refusal.Message.Contains("chỉ dành cho", StringComparison.Ordinal) || refusal.Message.Contains("Không thể thực hiện", StringComparison.Ordinal), refusal.Message);
            Assert.Equal(status, proposal.Status);
            Assert.Equal(history, proposal.Transitions.Count);
            Assert.DoesNotContain(action, ProposalWorkflow.AvailableActions(status, actor));
        }
    }

    /// <summary>Takes the action with valid values, so only the role or the state can make it fail.</summary>
    private static void Take(Proposal p, ProposalAction action, Actor actor)
    {
        var day = DateOnly.FromDateTime(Now);
        switch (action)
        {
            case ProposalAction.Submit: p.Submit(actor, Now, null); break;
            case ProposalAction.Appraise: p.Appraise(actor, Now, day, "Đồng ý", 900_000_000m, 270_000_000m); break;
            case ProposalAction.Approve: p.Approve(actor, Now, "5/QĐ-SCT", day, 900_000_000m, 270_000_000m, null); break;
            case ProposalAction.Reject: p.Reject(actor, Now, "Không phù hợp"); break;
            case ProposalAction.StartImplementation: p.StartImplementation(actor, Now, null); break;
            case ProposalAction.Accept: p.Accept(actor, Now, day, "Đạt"); break;
            case ProposalAction.Settle: p.Settle(actor, Now, "6/QĐ-TT", day, 800_000_000m, 200_000_000m, 0m, null); break;
            case ProposalAction.Cancel: p.Cancel(actor, Now, "Rút hồ sơ"); break;
            case ProposalAction.ReturnForRevision: p.ReturnForRevision(actor, Now, "Bổ sung hồ sơ"); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    private static Proposal InStatus(ProposalStatus status)
    {
        var p = NewProposal();
        var day = DateOnly.FromDateTime(Now.AddDays(-40));
        switch (status)
        {
            case ProposalStatus.Draft:
                return p;
            case ProposalStatus.Cancelled:
                p.Cancel(Specialist, Now.AddDays(-50), "Hủy");
                return p;
            default:
                break;
        }

        p.Submit(Specialist, Now.AddDays(-50), null);
        if (status == ProposalStatus.Submitted)
        {
            return p;
        }

        p.Appraise(Center, Now.AddDays(-40), day, "Đồng ý", 1_000_000_000m, 300_000_000m);
        if (status == ProposalStatus.Appraised)
        {
            return p;
        }

        if (status == ProposalStatus.Rejected)
        {
            p.Reject(Leader, Now.AddDays(-30), "Không phù hợp");
            return p;
        }

        p.Approve(Leader, Now.AddDays(-30), "12/QĐ-SCT", day, 900_000_000m, 270_000_000m, null);
        if (status == ProposalStatus.Approved)
        {
            return p;
        }

        p.StartImplementation(Center, Now.AddDays(-25), null);
        if (status == ProposalStatus.Implementing)
        {
            return p;
        }

        p.Accept(Center, Now.AddDays(-10), DateOnly.FromDateTime(Now.AddDays(-10)), "Đạt");
        if (status == ProposalStatus.Accepted)
        {
            return p;
        }

        p.Settle(Center, Now.AddDays(-5), "5/QĐ-TT", DateOnly.FromDateTime(Now.AddDays(-5)), 850_000_000m, 250_000_000m, 250_000_000m, null);
        return p;
    }
}

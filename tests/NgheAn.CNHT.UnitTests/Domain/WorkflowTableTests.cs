using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;
using static NgheAn.CNHT.UnitTests.Domain.TestData;

namespace NgheAn.CNHT.UnitTests.Domain;

/// <summary>
/// Every action, from every status, by every role: the domain allows exactly what the matrix below says (written
/// out by hand, not read from ProposalWorkflow.Rules, so a change to the table must be made here too) and refuses
/// everything else with a readable message, leaving the proposal untouched.
/// </summary>
public sealed class WorkflowTableTests
{
    private static readonly Actor Admin = new("qt", "Quản trị", new HashSet<string> { Roles.Admin });

    /// <summary>Columns: action, from status, then Admin, DoitSpecialist, DoitLeader, SupportCenter, Viewer (x = allowed), then the status reached.</summary>
    private static readonly string[] Matrix =
    [
        "Submit              Draft          .     x     .     .     .    Submitted",
        "Submit              Submitted      .     .     .     .     .    -",
        "Submit              Appraised      .     .     .     .     .    -",
        "Submit              Approved       .     .     .     .     .    -",
        "Submit              Rejected       .     .     .     .     .    -",
        "Submit              Implementing   .     .     .     .     .    -",
        "Submit              Accepted       .     .     .     .     .    -",
        "Submit              Settled        .     .     .     .     .    -",
        "Submit              Cancelled      .     .     .     .     .    -",
        "Appraise            Draft          .     .     .     .     .    -",
        "Appraise            Submitted      .     .     .     x     .    Appraised",
        "Appraise            Appraised      .     .     .     .     .    -",
        "Appraise            Approved       .     .     .     .     .    -",
        "Appraise            Rejected       .     .     .     .     .    -",
        "Appraise            Implementing   .     .     .     .     .    -",
        "Appraise            Accepted       .     .     .     .     .    -",
        "Appraise            Settled        .     .     .     .     .    -",
        "Appraise            Cancelled      .     .     .     .     .    -",
        "Approve             Draft          .     .     .     .     .    -",
        "Approve             Submitted      .     .     .     .     .    -",
        "Approve             Appraised      .     .     x     .     .    Approved",
        "Approve             Approved       .     .     .     .     .    -",
        "Approve             Rejected       .     .     .     .     .    -",
        "Approve             Implementing   .     .     .     .     .    -",
        "Approve             Accepted       .     .     .     .     .    -",
        "Approve             Settled        .     .     .     .     .    -",
        "Approve             Cancelled      .     .     .     .     .    -",
        "Reject              Draft          .     .     .     .     .    -",
        "Reject              Submitted      .     .     .     .     .    -",
        "Reject              Appraised      .     .     x     .     .    Rejected",
        "Reject              Approved       .     .     .     .     .    -",
        "Reject              Rejected       .     .     .     .     .    -",
        "Reject              Implementing   .     .     .     .     .    -",
        "Reject              Accepted       .     .     .     .     .    -",
        "Reject              Settled        .     .     .     .     .    -",
        "Reject              Cancelled      .     .     .     .     .    -",
        "StartImplementation Draft          .     .     .     .     .    -",
        "StartImplementation Submitted      .     .     .     .     .    -",
        "StartImplementation Appraised      .     .     .     .     .    -",
        "StartImplementation Approved       .     x     .     x     .    Implementing",
        "StartImplementation Rejected       .     .     .     .     .    -",
        "StartImplementation Implementing   .     .     .     .     .    -",
        "StartImplementation Accepted       .     .     .     .     .    -",
        "StartImplementation Settled        .     .     .     .     .    -",
        "StartImplementation Cancelled      .     .     .     .     .    -",
        "Accept              Draft          .     .     .     .     .    -",
        "Accept              Submitted      .     .     .     .     .    -",
        "Accept              Appraised      .     .     .     .     .    -",
        "Accept              Approved       .     .     .     .     .    -",
        "Accept              Rejected       .     .     .     .     .    -",
        "Accept              Implementing   .     .     .     x     .    Accepted",
        "Accept              Accepted       .     .     .     .     .    -",
        "Accept              Settled        .     .     .     .     .    -",
        "Accept              Cancelled      .     .     .     .     .    -",
        "Settle              Draft          .     .     .     .     .    -",
        "Settle              Submitted      .     .     .     .     .    -",
        "Settle              Appraised      .     .     .     .     .    -",
        "Settle              Approved       .     .     .     .     .    -",
        "Settle              Rejected       .     .     .     .     .    -",
        "Settle              Implementing   .     .     .     .     .    -",
        "Settle              Accepted       .     .     .     x     .    Settled",
        "Settle              Settled        .     .     .     .     .    -",
        "Settle              Cancelled      .     .     .     .     .    -",
        "Cancel              Draft          .     x     x     .     .    Cancelled",
        "Cancel              Submitted      .     .     x     .     .    Cancelled",
        "Cancel              Appraised      .     .     x     .     .    Cancelled",
        "Cancel              Approved       .     .     x     .     .    Cancelled",
        "Cancel              Rejected       .     .     .     .     .    -",
        "Cancel              Implementing   .     .     x     .     .    Cancelled",
        "Cancel              Accepted       .     .     x     .     .    Cancelled",
        "Cancel              Settled        .     .     .     .     .    -",
        "Cancel              Cancelled      .     .     .     .     .    -",
        "ReturnForRevision   Draft          .     .     .     .     .    -",
        "ReturnForRevision   Submitted      .     .     x     x     .    Draft",
        "ReturnForRevision   Appraised      .     .     x     x     .    Draft",
        "ReturnForRevision   Approved       .     .     .     .     .    -",
        "ReturnForRevision   Rejected       .     .     .     .     .    -",
        "ReturnForRevision   Implementing   .     .     .     .     .    -",
        "ReturnForRevision   Accepted       .     .     .     .     .    -",
        "ReturnForRevision   Settled        .     .     .     .     .    -",
        "ReturnForRevision   Cancelled      .     .     .     .     .    -",
    ];

    private static readonly string[] MatrixRoles = [Roles.Admin, Roles.DoitSpecialist, Roles.DoitLeader, Roles.SupportCenter, Roles.Viewer];

    private static IEnumerable<(ProposalAction Action, ProposalStatus Status, string Role, ProposalStatus? To)> Expected() =>
        from line in Matrix
        let cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        from k in Enumerable.Range(0, MatrixRoles.Length)
        select (Enum.Parse<ProposalAction>(cells[0]), Enum.Parse<ProposalStatus>(cells[1]), MatrixRoles[k],
            cells[2 + k] == "x" ? Enum.Parse<ProposalStatus>(cells[7]) : (ProposalStatus?)null);

    public static IEnumerable<object?[]> Cases() => Expected().Select(e => new object?[] { e.Action, e.Status, e.Role, e.To });

    [Fact]
    public void The_matrix_covers_every_action_status_and_role_once()
    {
        var written = Expected().Select(e => (e.Action, e.Status, e.Role)).ToList();
        var all = from action in Enum.GetValues<ProposalAction>()
                  from status in Enum.GetValues<ProposalStatus>()
                  from role in Roles.All
                  select (action, status, role);
        Assert.Equal(written.Count, written.Distinct().Count());
        Assert.Equal(all.OrderBy(x => x.ToString()), written.OrderBy(x => x.ToString()));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_domain_allows_a_step_exactly_where_the_written_matrix_does(ProposalAction action, ProposalStatus status, string role, ProposalStatus? to)
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
        var history = proposal.Transitions.Count;

        var error = Record.Exception(() => Take(proposal, action, actor));

        if (to is not null)
        {
            Assert.Null(error);
            Assert.Equal(to, proposal.Status);
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

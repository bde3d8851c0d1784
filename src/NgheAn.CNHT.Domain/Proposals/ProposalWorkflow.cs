using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Proposals;

/// <summary>One allowed step of the lifecycle: from which statuses, to which, by whom.</summary>
public sealed record TransitionRule(
    ProposalAction Action,
    IReadOnlySet<ProposalStatus> From,
    ProposalStatus To,
    IReadOnlySet<string> Roles,
    bool CommentRequired);

/// <summary>The proposal lifecycle of domain.md as data, so pages, tests and the domain read the same table.</summary>
public static class ProposalWorkflow
{
    private static readonly ProposalStatus[] BeforeSettled =
    [
        ProposalStatus.Draft, ProposalStatus.Submitted, ProposalStatus.Appraised,
        ProposalStatus.Approved, ProposalStatus.Implementing, ProposalStatus.Accepted,
    ];

    public static IReadOnlyList<TransitionRule> Rules { get; } =
    [
        Rule(ProposalAction.Submit, [ProposalStatus.Draft], ProposalStatus.Submitted, [Roles.DoitSpecialist], false),
        Rule(ProposalAction.Appraise, [ProposalStatus.Submitted], ProposalStatus.Appraised, [Roles.SupportCenter], true),
        Rule(ProposalAction.Approve, [ProposalStatus.Appraised], ProposalStatus.Approved, [Roles.DoitLeader], false),
        Rule(ProposalAction.Reject, [ProposalStatus.Appraised], ProposalStatus.Rejected, [Roles.DoitLeader], true),
        Rule(ProposalAction.StartImplementation, [ProposalStatus.Approved], ProposalStatus.Implementing, [Roles.SupportCenter, Roles.DoitSpecialist], false),
        Rule(ProposalAction.Accept, [ProposalStatus.Implementing], ProposalStatus.Accepted, [Roles.SupportCenter], true),
        Rule(ProposalAction.Settle, [ProposalStatus.Accepted], ProposalStatus.Settled, [Roles.SupportCenter], false),
        Rule(ProposalAction.ReturnForRevision, [ProposalStatus.Submitted, ProposalStatus.Appraised], ProposalStatus.Draft, [Roles.SupportCenter, Roles.DoitLeader], true),
        Rule(ProposalAction.Cancel, BeforeSettled, ProposalStatus.Cancelled, [Roles.DoitLeader], true),
        Rule(ProposalAction.Cancel, [ProposalStatus.Draft], ProposalStatus.Cancelled, [Roles.DoitSpecialist], true),
    ];

    private static TransitionRule Rule(ProposalAction action, ProposalStatus[] from, ProposalStatus to, string[] roles, bool commentRequired) =>
        new(action, from.ToHashSet(), to, roles.ToHashSet(), commentRequired);

    /// <summary>The actions the actor may take on a proposal in the given status (for the buttons on a page).</summary>
    public static IReadOnlyList<ProposalAction> AvailableActions(ProposalStatus status, Actor actor) =>
        Rules.Where(r => r.From.Contains(status) && r.Roles.Any(actor.IsIn))
             .Select(r => r.Action)
             .Distinct()
             .ToList();

    /// <summary>Finds the rule for an action, or throws a readable refusal.</summary>
    public static TransitionRule Resolve(ProposalAction action, ProposalStatus current, Actor actor)
    {
        var byState = Rules.Where(r => r.Action == action && r.From.Contains(current)).ToList();
        if (byState.Count == 0)
        {
            throw new DomainException(
                $"Không thể thực hiện thao tác \"{action.DisplayName()}\" khi đề án đang ở trạng thái \"{current.DisplayName()}\".");
        }

        var rule = byState.FirstOrDefault(r => r.Roles.Any(actor.IsIn));
        if (rule is null)
        {
            var who = string.Join(", ", byState.SelectMany(r => r.Roles).Distinct().Select(Roles.DisplayName));
            throw new DomainException($"Thao tác \"{action.DisplayName()}\" chỉ dành cho: {who}.");
        }

        return rule;
    }
}

using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Proposals;

/// <summary>One step of a proposal's history: who did what, when, with which comment. Never edited.</summary>
public sealed class ProposalTransition : Entity
{
    private ProposalTransition() { }

    internal ProposalTransition(Proposal proposal, ProposalAction? action, ProposalStatus? from, ProposalStatus to, Actor actor, DateTime at, string? comment)
    {
        Proposal = proposal;
        Action = action;
        FromStatus = from;
        ToStatus = to;
        UserName = actor.UserName;
        UserDisplayName = actor.DisplayName;
        At = at;
        Comment = comment;
    }

    public int ProposalId { get; private set; }
    public Proposal Proposal { get; private set; } = null!;
    /// <summary>Null for the creation of the draft.</summary>
    public ProposalAction? Action { get; private set; }
    public ProposalStatus? FromStatus { get; private set; }
    public ProposalStatus ToStatus { get; private set; }
    public string UserName { get; private set; } = "";
    public string UserDisplayName { get; private set; } = "";
    public DateTime At { get; private set; }
    public string? Comment { get; private set; }
}

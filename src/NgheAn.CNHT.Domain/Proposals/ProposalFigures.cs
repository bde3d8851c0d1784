using System.Linq.Expressions;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Proposals;

/// <summary>
/// The figures a proposal stands for, each notion written once. Every query calls the extension methods
/// (<c>g.Sum(p => p.CountedProvincialShare())</c>) and the persistence layer translates them from the expressions
/// below; the domain calls the same methods in memory. ADR 0003 says what is counted, ADR 0160 why it is written so.
/// </summary>
public static class ProposalFigures
{
    /// <summary>What reports count (ADR 0003): the settled figure, else the approved one; nothing before approval.</summary>
    public static readonly Expression<Func<Proposal, decimal>> CountedTotalCostRule =
        p => p.SettledTotalCost ?? p.ApprovedTotalCost ?? 0m;

    /// <inheritdoc cref="CountedTotalCostRule"/>
    public static readonly Expression<Func<Proposal, decimal>> CountedProvincialShareRule =
        p => p.SettledProvincialShare ?? p.ApprovedProvincialShare ?? 0m;

    /// <summary>The proposal's figure as it stands: settled, else approved, else what was requested (lists, API).</summary>
    public static readonly Expression<Func<Proposal, decimal>> EffectiveTotalCostRule =
        p => p.SettledTotalCost ?? p.ApprovedTotalCost ?? p.RequestedTotalCost;

    /// <inheritdoc cref="EffectiveTotalCostRule"/>
    public static readonly Expression<Func<Proposal, decimal>> EffectiveProvincialShareRule =
        p => p.SettledProvincialShare ?? p.ApprovedProvincialShare ?? p.RequestedProvincialShare;

    /// <summary>
    /// What an annual estimate plans for a proposal: its latest figure along the lifecycle, the council's
    /// recommendation before the approval, the amount requested before the appraisal.
    /// </summary>
    public static readonly Expression<Func<Proposal, decimal>> PlannedProvincialShareRule =
        p => p.SettledProvincialShare ?? p.ApprovedProvincialShare ?? p.RecommendedProvincialShare ?? p.RequestedProvincialShare;

    private static readonly Func<Proposal, decimal> CountedTotalCostCompiled = CountedTotalCostRule.Compile();
    private static readonly Func<Proposal, decimal> CountedProvincialShareCompiled = CountedProvincialShareRule.Compile();
    private static readonly Func<Proposal, decimal> EffectiveTotalCostCompiled = EffectiveTotalCostRule.Compile();
    private static readonly Func<Proposal, decimal> EffectiveProvincialShareCompiled = EffectiveProvincialShareRule.Compile();
    private static readonly Func<Proposal, decimal> PlannedProvincialShareCompiled = PlannedProvincialShareRule.Compile();

    [QueryExpression(nameof(CountedTotalCostRule))]
    public static decimal CountedTotalCost(this Proposal proposal) => CountedTotalCostCompiled(proposal);

    [QueryExpression(nameof(CountedProvincialShareRule))]
    public static decimal CountedProvincialShare(this Proposal proposal) => CountedProvincialShareCompiled(proposal);

    [QueryExpression(nameof(EffectiveTotalCostRule))]
    public static decimal EffectiveTotalCost(this Proposal proposal) => EffectiveTotalCostCompiled(proposal);

    [QueryExpression(nameof(EffectiveProvincialShareRule))]
    public static decimal EffectiveProvincialShare(this Proposal proposal) => EffectiveProvincialShareCompiled(proposal);

    [QueryExpression(nameof(PlannedProvincialShareRule))]
    public static decimal PlannedProvincialShare(this Proposal proposal) => PlannedProvincialShareCompiled(proposal);
}

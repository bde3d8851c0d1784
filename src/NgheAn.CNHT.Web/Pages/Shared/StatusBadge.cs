using System.Collections.Frozen;
using Microsoft.AspNetCore.Html;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Web.Pages.Shared;

/// <summary>
/// The status badge (the same markup as _StatusBadge.cshtml), built once per status: long lists render it
/// per row without a partial view each time. The names are the portal's own constants (letters and spaces,
/// no markup), so they are written as they are, in readable UTF-8 like the rest of the page.
/// </summary>
public static class StatusBadge
{
    private static readonly FrozenDictionary<ProposalStatus, HtmlString> Badges = Enum.GetValues<ProposalStatus>().ToFrozenDictionary(
        s => s,
        s => new HtmlString(
            $"<span class=\"badge status-badge status-{s.ToString().ToLowerInvariant()}\" data-status=\"{s}\">{s.DisplayName()}</span>"));

    public static HtmlString For(ProposalStatus status) => Badges[status];
}

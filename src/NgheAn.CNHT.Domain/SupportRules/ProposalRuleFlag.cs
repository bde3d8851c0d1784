using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.SupportRules;

public enum RuleFlagKind
{
    /// <summary>A DOIT leader approved above a cap, with a reason.</summary>
    Override,
    /// <summary>History imported from a workbook although outside the norms, flagged so.</summary>
    ImportFlag,
}

/// <summary>
/// A proposal recorded as outside the norms: approved above a cap by a leader's override, or imported with the violation
/// flagged. Keeps the checker's words at that moment (the violations) and why; never edited.
/// </summary>
public sealed class ProposalRuleFlag : AuditableEntity
{
    private ProposalRuleFlag() { }

    private ProposalRuleFlag(int proposalId, RuleCheckResult result, RuleFlagKind kind, string reason, Actor actor, DateTime utcNow)
    {
        if (!result.HasViolations)
        {
            throw new DomainException("Không có mức nào bị vượt; không cần ghi nhận vượt định mức.");
        }

        ProposalId = proposalId;
        RuleSetId = result.RuleSetId;
        Kind = kind;
        Violations = result.ViolationText.Length <= 4000 ? result.ViolationText : result.ViolationText[..3999] + "…";
        Reason = Guard.Required(reason, "Lý do vượt định mức", 4000, nameof(Reason));
        RecordedBy = actor.DisplayName;
        RecordedByUser = actor.UserName;
        RecordedAt = utcNow;
    }

    /// <summary>Only a DOIT leader overrides a cap, and only with a reason.</summary>
    public static ProposalRuleFlag Override(int proposalId, RuleCheckResult result, string? reason, Actor actor, DateTime utcNow)
    {
        if (!actor.IsIn(Roles.DoitLeader))
        {
            throw new DomainException("Chỉ Lãnh đạo Sở được phê duyệt vượt định mức.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Phê duyệt vượt định mức cần ghi rõ lý do.", "OverrideReason");
        }

        return new ProposalRuleFlag(proposalId, result, RuleFlagKind.Override, reason, actor, utcNow);
    }

    public static ProposalRuleFlag Imported(int proposalId, RuleCheckResult result, string fileName, Actor actor, DateTime utcNow) =>
        new(proposalId, result, RuleFlagKind.ImportFlag, $"Nhập lịch sử từ tệp {fileName}, người nhập chọn nhập và gắn cờ vượt định mức.", actor, utcNow);

    public int ProposalId { get; private set; }
    public int? RuleSetId { get; private set; }
    public RuleFlagKind Kind { get; private set; }
    public string Violations { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public string RecordedByUser { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }

    public static string KindDisplayName(RuleFlagKind kind) => kind switch
    {
        RuleFlagKind.Override => "Lãnh đạo Sở phê duyệt vượt định mức",
        RuleFlagKind.ImportFlag => "Nhập từ tệp, gắn cờ vượt định mức",
        _ => kind.ToString(),
    };
}

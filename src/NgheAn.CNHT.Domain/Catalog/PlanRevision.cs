using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Catalog;

/// <summary>One change of an item's period plan target; never edited afterwards.</summary>
public sealed class PlanRevision : Entity
{
    private PlanRevision() { }

    internal PlanRevision(ContentItem item, decimal oldAmount, decimal newAmount, string? decisionReference, string? reason, string changedBy, DateTime changedAt)
    {
        ContentItem = item;
        OldAmount = oldAmount;
        NewAmount = newAmount;
        DecisionReference = Guard.Optional(decisionReference, "Số quyết định", 200, nameof(DecisionReference));
        Reason = Guard.Optional(reason, "Lý do", 1000, nameof(Reason));
        ChangedBy = changedBy;
        ChangedAt = changedAt;
    }

    public int ContentItemId { get; private set; }
    public ContentItem ContentItem { get; private set; } = null!;
    public decimal OldAmount { get; private set; }
    public decimal NewAmount { get; private set; }
    public string? DecisionReference { get; private set; }
    public string? Reason { get; private set; }
    public string ChangedBy { get; private set; } = "";
    public DateTime ChangedAt { get; private set; }
}

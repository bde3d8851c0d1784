using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Catalog;

/// <summary>
/// A content item (nội dung), such as 3.3, with its period plan target (kế hoạch mục tiêu giai đoạn)
/// in whole đồng; 0 means no plan was set and the report shows "—" for its % of plan.
/// </summary>
public sealed class ContentItem : AuditableEntity
{
    private readonly List<PlanRevision> _planRevisions = [];

    private ContentItem() { }

    internal ContentItem(ContentGroup group, string code, string name, decimal planAmount, int sortOrder)
    {
        Group = group;
        Code = code;
        Name = Guard.Required(name, "Tên nội dung", FieldLengths.CatalogName, nameof(Name));
        PlanAmount = Guard.Amount(planAmount, "Kế hoạch mục tiêu giai đoạn", nameof(PlanAmount));
        SortOrder = sortOrder;
    }

    public int GroupId { get; private set; }
    public ContentGroup Group { get; private set; } = null!;
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int SortOrder { get; private set; }
    public decimal PlanAmount { get; private set; }
    public IReadOnlyCollection<PlanRevision> PlanRevisions => _planRevisions.AsReadOnly();

    /// <summary>Changes the period plan target and keeps the revision (who, when, old → new, decision).</summary>
    public PlanRevision RevisePlan(decimal newAmount, string? decisionReference, string? reason, Actor actor, DateTime utcNow)
    {
        newAmount = Guard.Amount(newAmount, "Kế hoạch mục tiêu giai đoạn", nameof(PlanAmount));
        if (newAmount == PlanAmount)
        {
            throw new DomainException("Kế hoạch mới trùng với kế hoạch hiện tại.", nameof(PlanAmount));
        }

        var revision = new PlanRevision(this, PlanAmount, newAmount, decisionReference, reason, actor.UserName, utcNow);
        _planRevisions.Add(revision);
        PlanAmount = newAmount;
        return revision;
    }

    public void Rename(string name)
    {
        Group.Program.EnsureEditable();
        Name = Guard.Required(name, "Tên nội dung", FieldLengths.CatalogName, nameof(Name));
    }

    internal void SetSortOrder(int order) => SortOrder = order;
}

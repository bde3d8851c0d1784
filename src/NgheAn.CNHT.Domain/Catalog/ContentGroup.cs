using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Catalog;

/// <summary>A content group (nhóm nội dung hỗ trợ) such as group 3. Its plan is the sum of its items' plans.</summary>
public sealed class ContentGroup : AuditableEntity
{
    private readonly List<ContentItem> _items = [];

    private ContentGroup() { }

    internal ContentGroup(CnhtProgram program, string code, string name, int sortOrder)
    {
        Program = program;
        Code = code;
        Name = Guard.Required(name, "Tên nhóm nội dung", FieldLengths.CatalogName, nameof(Name));
        SortOrder = sortOrder;
    }

    public int ProgramId { get; private set; }
    public CnhtProgram Program { get; private set; } = null!;
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int SortOrder { get; private set; }
    public IReadOnlyCollection<ContentItem> Items => _items.AsReadOnly();

    public ContentItem AddItem(string code, string name, decimal planAmount = 0)
    {
        Program.EnsureEditable();
        code = Guard.Required(code, "Mã nội dung", FieldLengths.CatalogCode, nameof(ContentItem.Code));
        if (_items.Any(i => i.Code == code))
        {
            throw new DomainException($"Nội dung mã {code} đã có trong nhóm.", nameof(ContentItem.Code));
        }

        var item = new ContentItem(this, code, name, planAmount, _items.Count == 0 ? 1 : _items.Max(i => i.SortOrder) + 1);
        _items.Add(item);
        return item;
    }

    public void Rename(string name)
    {
        Program.EnsureEditable();
        Name = Guard.Required(name, "Tên nhóm nội dung", FieldLengths.CatalogName, nameof(Name));
    }

    public void MoveItem(ContentItem item, int direction)
    {
        Program.EnsureEditable();
        CnhtProgram.Reorder(_items, item, direction, i => i.SortOrder, (i, o) => i.SetSortOrder(o));
    }

    /// <summary>Removes an item added by mistake while the catalog is being set up (the service checks nothing refers to it).</summary>
    public void RemoveItem(ContentItem item)
    {
        Program.EnsureEditable();
        if (!_items.Remove(item))
        {
            throw new DomainException("Nội dung không thuộc nhóm này.");
        }

        var order = 1;
        foreach (var rest in _items.OrderBy(i => i.SortOrder))
        {
            rest.SetSortOrder(order++);
        }
    }

    internal void SetSortOrder(int order) => SortOrder = order;
}

using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Catalog;

public enum ProgramStatus
{
    /// <summary>Catalog being set up: groups and items may be added, renamed and reordered.</summary>
    Draft,
    /// <summary>Approved by the People's Committee: the catalog is locked.</summary>
    Active,
    Closed,
}

public static class ProgramStatusText
{
    /// <summary>The one label of each program status, for every page that shows it.</summary>
    public static string DisplayName(this ProgramStatus status) => status switch
    {
        ProgramStatus.Draft => "Đang xây dựng",
        ProgramStatus.Active => "Đang thực hiện (danh mục đã khóa)",
        _ => "Đã kết thúc",
    };
}

/// <summary>A supporting-industries program (Chương trình), e.g. code 2018-2025.</summary>
public sealed class CnhtProgram : AuditableEntity
{
    private readonly List<ContentGroup> _groups = [];

    private CnhtProgram() { }

    public CnhtProgram(string code, string name, int startYear, int endYear, string? legalBasis)
    {
        Code = Guard.Required(code, "Mã chương trình", FieldLengths.ProgramCode, nameof(Code));
        Name = Guard.Required(name, "Tên chương trình", FieldLengths.ProgramName, nameof(Name));
        var period = new YearRange(startYear, endYear);
        StartYear = period.From;
        EndYear = period.To;
        LegalBasis = Guard.Optional(legalBasis, "Căn cứ pháp lý", FieldLengths.LegalBasis, nameof(LegalBasis));
        Status = ProgramStatus.Draft;
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int StartYear { get; private set; }
    public int EndYear { get; private set; }
    public string? LegalBasis { get; private set; }
    public ProgramStatus Status { get; private set; }
    public bool IsCatalogLocked => Status != ProgramStatus.Draft;
    public IReadOnlyCollection<ContentGroup> Groups => _groups.AsReadOnly();

    public YearRange Period => new(StartYear, EndYear);

    public ContentGroup AddGroup(string code, string name)
    {
        EnsureEditable();
        code = Guard.Required(code, "Mã nhóm nội dung", FieldLengths.CatalogCode, nameof(ContentGroup.Code));
        if (_groups.Any(g => g.Code == code))
        {
            throw new DomainException($"Nhóm nội dung mã {code} đã có trong chương trình.", nameof(ContentGroup.Code));
        }

        var group = new ContentGroup(this, code, name, _groups.Count == 0 ? 1 : _groups.Max(g => g.SortOrder) + 1);
        _groups.Add(group);
        return group;
    }

    /// <summary>The program's name and period, while it is being set up (the approved decision may word them differently).</summary>
    public void Describe(string name, int startYear, int endYear)
    {
        EnsureEditable();
        var period = new YearRange(startYear, endYear);
        Name = Guard.Required(name, "Tên chương trình", FieldLengths.ProgramName, nameof(Name));
        StartYear = period.From;
        EndYear = period.To;
    }

    public void Rename(string name, string? legalBasis)
    {
        Name = Guard.Required(name, "Tên chương trình", FieldLengths.ProgramName, nameof(Name));
        LegalBasis = Guard.Optional(legalBasis, "Căn cứ pháp lý", FieldLengths.LegalBasis, nameof(LegalBasis));
    }

    /// <summary>Locks the catalog once the program is approved.</summary>
    public void Activate(string legalBasis)
    {
        if (Status != ProgramStatus.Draft)
        {
            throw new DomainException("Chương trình đã được phê duyệt, danh mục đã khóa.");
        }

        if (_groups.Count == 0 || _groups.Any(g => g.Items.Count == 0))
        {
            throw new DomainException("Mỗi nhóm nội dung phải có ít nhất một nội dung trước khi khóa danh mục.");
        }

        LegalBasis = Guard.Required(legalBasis, "Căn cứ pháp lý (quyết định phê duyệt)", FieldLengths.LegalBasis, nameof(LegalBasis));
        Status = ProgramStatus.Active;
    }

    public void Close() => Status = ProgramStatus.Closed;

    internal void EnsureEditable()
    {
        if (IsCatalogLocked)
        {
            throw new DomainException("Danh mục của chương trình đã khóa sau khi phê duyệt; không thể thêm, sửa hay sắp xếp lại nhóm và nội dung.");
        }
    }

    /// <summary>Removes a group added by mistake while the catalog is being set up; its items go first.</summary>
    public void RemoveGroup(ContentGroup group)
    {
        EnsureEditable();
        if (group.Items.Count > 0)
        {
            throw new DomainException($"Nhóm {group.Code} còn {group.Items.Count} nội dung: xóa các nội dung của nhóm trước.");
        }

        if (!_groups.Remove(group))
        {
            throw new DomainException("Nhóm nội dung không thuộc chương trình này.");
        }

        var order = 1;
        foreach (var rest in _groups.OrderBy(g => g.SortOrder))
        {
            rest.SetSortOrder(order++);
        }
    }

    public void MoveGroup(ContentGroup group, int direction)
    {
        EnsureEditable();
        Reorder(_groups, group, direction, g => g.SortOrder, (g, o) => g.SetSortOrder(o));
    }

    internal static void Reorder<T>(List<T> list, T item, int direction, Func<T, int> order, Action<T, int> setOrder)
    {
        var ordered = list.OrderBy(order).ToList();
        var index = ordered.IndexOf(item);
        var target = index + Math.Sign(direction);
        if (index < 0 || target < 0 || target >= ordered.Count)
        {
            return;
        }

        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        for (var i = 0; i < ordered.Count; i++)
        {
            setOrder(ordered[i], i + 1);
        }
    }
}

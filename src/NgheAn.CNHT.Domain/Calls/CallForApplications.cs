using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Calls;

public enum CallStatus
{
    /// <summary>Being prepared by the Support Center; not visible to enterprises.</summary>
    Draft,
    /// <summary>Published: visible to everyone; open for applications between its opening and closing time.</summary>
    Published,
}

/// <summary>
/// A call for applications (Thông báo tiếp nhận hồ sơ đề nghị hỗ trợ) of one program and year: the content items
/// it opens, each with its checklist of required documents, and the opening and closing time. Times are stored in
/// UTC and typed and shown in Vietnam time (Asia/Ho_Chi_Minh, UTC+7, no daylight saving).
/// </summary>
public sealed class CallForApplications : AuditableEntity, IConcurrencyStamped
{
    private readonly List<CallItem> _items = [];

    private CallForApplications() { }

    public CallForApplications(int programId, YearRange programPeriod, CallDetails details)
    {
        ProgramId = programId;
        Apply(programPeriod, details);
        Status = CallStatus.Draft;
        ConcurrencyStamp = Guid.NewGuid();
    }

    public int ProgramId { get; private set; }
    public int Year { get; private set; }
    public string Title { get; private set; } = "";
    public DateTime OpensAt { get; private set; }
    public DateTime ClosesAt { get; private set; }
    public string? Guidance { get; private set; }
    public string Contact { get; private set; } = "";
    public CallStatus Status { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public Guid ConcurrencyStamp { get; private set; }
    public IReadOnlyCollection<CallItem> Items => _items.AsReadOnly();

    public void Edit(YearRange programPeriod, CallDetails details)
    {
        if (Status == CallStatus.Published)
        {
            throw new DomainException("Thông báo đã công bố: không sửa được nữa (hãy lập thông báo mới nếu cần).");
        }

        Apply(programPeriod, details);
    }

    private void Apply(YearRange programPeriod, CallDetails details)
    {
        Title = Guard.Required(details.Title, "Tiêu đề thông báo", 300, nameof(Title));
        if (!programPeriod.Contains(details.Year))
        {
            throw new DomainException($"Năm của thông báo phải nằm trong giai đoạn của chương trình ({programPeriod}).", nameof(Year));
        }

        Year = details.Year;
        if (details.ClosesAt <= details.OpensAt)
        {
            throw new DomainException("Thời điểm kết thúc nhận hồ sơ phải sau thời điểm bắt đầu.", nameof(ClosesAt));
        }

        OpensAt = DateTime.SpecifyKind(details.OpensAt, DateTimeKind.Utc);
        ClosesAt = DateTime.SpecifyKind(details.ClosesAt, DateTimeKind.Utc);
        Guidance = Guard.Optional(details.Guidance, "Hướng dẫn", 8000, nameof(Guidance));
        Contact = Guard.Required(details.Contact, "Thông tin liên hệ", 1000, nameof(Contact));
    }

    /// <summary>Opens a content item with its checklist (one required document per line).</summary>
    public CallItem OpenItem(int contentItemId, string checklist)
    {
        if (Status == CallStatus.Published)
        {
            throw new DomainException("Thông báo đã công bố: không thêm nội dung được nữa.");
        }

        if (_items.Any(i => i.ContentItemId == contentItemId))
        {
            throw new DomainException("Nội dung này đã có trong thông báo.", "ContentItemId");
        }

        var item = new CallItem(this, contentItemId, checklist);
        _items.Add(item);
        return item;
    }

    public void RemoveItem(int callItemId)
    {
        if (Status == CallStatus.Published)
        {
            throw new DomainException("Thông báo đã công bố: không bỏ nội dung được nữa.");
        }

        var item = _items.FirstOrDefault(i => i.Id == callItemId) ?? throw new DomainException("Không tìm thấy nội dung trong thông báo.");
        _items.Remove(item);
    }

    public void Publish(Actor actor, DateTime utcNow)
    {
        if (!actor.IsIn(Roles.SupportCenter))
        {
            throw new DomainException("Chỉ Trung tâm Hỗ trợ và Tư vấn phát triển Công Thương công bố thông báo tiếp nhận hồ sơ.");
        }

        if (Status == CallStatus.Published)
        {
            throw new DomainException("Thông báo đã được công bố trước đó.");
        }

        if (_items.Count == 0)
        {
            throw new DomainException("Thông báo chưa mở nội dung hỗ trợ nào; hãy thêm ít nhất một nội dung và danh mục hồ sơ.");
        }

        if (ClosesAt <= utcNow)
        {
            throw new DomainException("Thời điểm kết thúc nhận hồ sơ đã qua; hãy sửa thời gian trước khi công bố.", nameof(ClosesAt));
        }

        Status = CallStatus.Published;
        PublishedAt = utcNow;
    }

    /// <summary>Published and between opening and closing (server clock).</summary>
    public bool IsOpenAt(DateTime utcNow) => Status == CallStatus.Published && OpensAt <= utcNow && utcNow < ClosesAt;

    /// <summary>Throws the reason a submission at <paramref name="utcNow"/> is refused, if any.</summary>
    public void EnsureOpen(DateTime utcNow)
    {
        if (Status != CallStatus.Published)
        {
            throw new DomainException("Thông báo tiếp nhận hồ sơ này chưa được công bố.");
        }

        if (utcNow < OpensAt)
        {
            throw new DomainException($"Chưa đến thời gian nhận hồ sơ: thông báo nhận hồ sơ từ {VnFormat.DateTime(OpensAt)}.");
        }

        if (utcNow >= ClosesAt)
        {
            throw new DomainException($"Đã hết thời gian nhận hồ sơ: thông báo chỉ nhận hồ sơ đến {VnFormat.DateTime(ClosesAt)} (giờ Việt Nam). Hồ sơ chưa được nộp.");
        }
    }

    public void RenewConcurrencyStamp() => ConcurrencyStamp = Guid.NewGuid();
}

/// <summary>What the Support Center types for a call; times already converted to UTC.</summary>
public sealed record CallDetails(string Title, int Year, DateTime OpensAt, DateTime ClosesAt, string? Guidance, string Contact);

/// <summary>One content item a call opens, with the documents an application to it must carry.</summary>
public sealed class CallItem : Entity
{
    public const int MaxChecklistLength = 4000;

    private CallItem() { }

    internal CallItem(CallForApplications call, int contentItemId, string checklist)
    {
        Call = call;
        if (contentItemId <= 0)
        {
            throw new DomainException("Vui lòng chọn nội dung hỗ trợ.", "ContentItemId");
        }

        ContentItemId = contentItemId;
        var lines = ParseChecklist(checklist);
        if (lines.Count == 0)
        {
            throw new DomainException("Danh mục hồ sơ yêu cầu không được để trống (mỗi dòng một loại giấy tờ).", nameof(Checklist));
        }

        Checklist = Guard.Required(string.Join('\n', lines), "Danh mục hồ sơ yêu cầu", MaxChecklistLength, nameof(Checklist));
    }

    public int CallId { get; private set; }
    public CallForApplications Call { get; private set; } = null!;
    public int ContentItemId { get; private set; }
    public Catalog.ContentItem ContentItem { get; private set; } = null!;
    /// <summary>Required documents, one per line.</summary>
    public string Checklist { get; private set; } = "";

    public IReadOnlyList<string> RequiredDocuments => ParseChecklist(Checklist);

    public static IReadOnlyList<string> ParseChecklist(string? text)
    {
        var lines = (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.TrimStart('-', '*', '•', ' ').Trim().Normalize(System.Text.NormalizationForm.FormC))
            .Where(l => l.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (lines.Any(l => l.Length > 200))
        {
            throw new DomainException("Mỗi loại giấy tờ trong danh mục dài tối đa 200 ký tự.", nameof(Checklist));
        }

        return lines;
    }
}

using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.PublicContent;

/// <summary>What a post announces: news, or an event (hội thảo, hội chợ, đào tạo).</summary>
public enum NewsKind
{
    News,
    Workshop,
    Fair,
    Training,
}

/// <summary>How the body is written: plain text (line breaks kept) or Markdown (rendered, then sanitized).</summary>
public enum TextFormat
{
    PlainText,
    Markdown,
}

public sealed record NewsPostDraft(
    NewsKind Kind, string? TitleVi, string? TitleEn, TextFormat Format, string? BodyVi, string? BodyEn,
    DateOnly? StartsOn, DateOnly? EndsOn, string? PlaceVi, string? PlaceEn);

/// <summary>
/// News and events of the CNHT program published by DOIT (issue 17 item 6). The body is user text: it is stored as
/// typed and rendered on the way out, plain text encoded, Markdown rendered then sanitized (ADR 0190); never raw.
/// </summary>
public sealed class NewsPost : AuditableEntity, IConcurrencyStamped
{
    public const int BodyLength = 20000;

    private NewsPost() { }

    public NewsPost(string slug, NewsPostDraft draft, DateTime utcNow)
    {
        Slug = Guard.Required(slug, "Địa chỉ trang tin", 120);
        Apply(draft);
        State = PublicationState.Published;
        PublishedAt = utcNow;
        ConcurrencyStamp = Guid.NewGuid();
    }

    public string Slug { get; private set; } = "";
    public NewsKind Kind { get; private set; }
    public string TitleVi { get; private set; } = "";
    public string? TitleEn { get; private set; }
    public TextFormat Format { get; private set; }
    public string BodyVi { get; private set; } = "";
    public string? BodyEn { get; private set; }
    public DateOnly? StartsOn { get; private set; }
    public DateOnly? EndsOn { get; private set; }
    public string? PlaceVi { get; private set; }
    public string? PlaceEn { get; private set; }
    public DateTime PublishedAt { get; private set; }
    public PublicationState State { get; private set; }
    public bool IsSample { get; private set; }
    public Guid ConcurrencyStamp { get; private set; }

    public bool IsEvent => Kind != NewsKind.News;

    public void MarkSample() => IsSample = true;

    public void Update(NewsPostDraft draft) => Apply(draft);

    public void Withdraw()
    {
        if (State == PublicationState.Withdrawn)
        {
            throw new DomainException("Tin đã được gỡ khỏi trang công khai.");
        }

        State = PublicationState.Withdrawn;
    }

    public void Republish()
    {
        if (State == PublicationState.Published)
        {
            throw new DomainException("Tin đang được công khai.");
        }

        State = PublicationState.Published;
    }

    public void RenewConcurrencyStamp() => ConcurrencyStamp = Guid.NewGuid();

    public static string KindName(NewsKind kind, bool english) => kind switch
    {
        NewsKind.Workshop => english ? "Workshop" : "Hội thảo",
        NewsKind.Fair => english ? "Trade fair" : "Hội chợ",
        NewsKind.Training => english ? "Training" : "Đào tạo",
        _ => english ? "News" : "Tin tức",
    };

    private void Apply(NewsPostDraft d)
    {
        var check = new RuleCheck();
        if (!Enum.IsDefined(d.Kind))
        {
            check.Add(new DomainException("Chọn loại tin.", nameof(Kind)));
        }

        if (!Enum.IsDefined(d.Format))
        {
            check.Add(new DomainException("Chọn cách trình bày nội dung.", nameof(Format)));
        }

        var titleVi = check.Run(() => Guard.Required(d.TitleVi, "Tiêu đề (tiếng Việt)", 300, nameof(TitleVi)), "");
        var titleEn = check.Run(() => Guard.Optional(d.TitleEn, "Tiêu đề (tiếng Anh)", 300, nameof(TitleEn)));
        var bodyVi = check.Run(() => Guard.Required(d.BodyVi, "Nội dung (tiếng Việt)", BodyLength, nameof(BodyVi)), "");
        var bodyEn = check.Run(() => Guard.Optional(d.BodyEn, "Nội dung (tiếng Anh)", BodyLength, nameof(BodyEn)));
        var placeVi = check.Run(() => Guard.Optional(d.PlaceVi, "Địa điểm (tiếng Việt)", 300, nameof(PlaceVi)));
        var placeEn = check.Run(() => Guard.Optional(d.PlaceEn, "Địa điểm (tiếng Anh)", 300, nameof(PlaceEn)));
        if (d.Kind != NewsKind.News && d.StartsOn is null)
        {
            check.Add(new DomainException("Sự kiện cần có ngày bắt đầu.", nameof(StartsOn)));
        }

        if (d.StartsOn is { } s && d.EndsOn is { } e && e < s)
        {
            check.Add(new DomainException("Ngày kết thúc không được trước ngày bắt đầu.", nameof(EndsOn)));
        }

        check.ThrowIfBroken();
        Kind = d.Kind;
        TitleVi = titleVi;
        TitleEn = titleEn;
        Format = d.Format;
        BodyVi = bodyVi;
        BodyEn = bodyEn;
        StartsOn = d.StartsOn;
        EndsOn = d.StartsOn is null ? null : d.EndsOn;
        PlaceVi = placeVi;
        PlaceEn = placeEn;
    }
}

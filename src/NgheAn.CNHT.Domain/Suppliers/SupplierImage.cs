using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Suppliers;

public enum SupplierImageKind
{
    Logo,
    Photo,
}

/// <summary>
/// A logo or photo an enterprise uploaded for its directory profile (issue 17 item 2, ADR 0193). The bytes were
/// checked by content (PNG or JPEG only) and size before this row exists. An image is public only while the published
/// <see cref="SupplierProfile"/> names it; until a specialist approves the change that names it, only its enterprise
/// and DOIT's moderators can see it. The key is a random GUID, so it is known before the save (the image and the
/// pending change that names it are written in one save) and cannot be guessed.
/// </summary>
public sealed class SupplierImage
{
    public const int MaxLogoBytes = 1024 * 1024;
    public const int MaxPhotoBytes = 3 * 1024 * 1024;
    public const int MaxPhotos = 6;

    private SupplierImage() { }

    public SupplierImage(int supplierProfileId, SupplierImageKind kind, string contentType, byte[] data, string uploadedBy, DateTime utcNow)
    {
        if (contentType is not ("image/png" or "image/jpeg"))
        {
            throw new DomainException("Chỉ nhận ảnh PNG hoặc JPEG.", "File");
        }

        if (data.Length == 0)
        {
            throw new DomainException("Tệp ảnh rỗng; vui lòng chọn tệp có nội dung.", "File");
        }

        if (data.Length > MaxBytes(kind))
        {
            throw new DomainException(TooLarge(kind), "File");
        }

        Id = Guid.NewGuid();
        SupplierProfileId = supplierProfileId;
        Kind = kind;
        ContentType = contentType;
        Size = data.Length;
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data));
        Data = data;
        UploadedBy = uploadedBy;
        UploadedAt = utcNow;
    }

    public Guid Id { get; private set; }
    /// <summary>The profile the image belongs to: every non-public read checks it (isolation).</summary>
    public int SupplierProfileId { get; private set; }
    public SupplierImageKind Kind { get; private set; }
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public byte[] Data { get; private set; } = [];
    public string UploadedBy { get; private set; } = "";
    public DateTime UploadedAt { get; private set; }

    /// <summary>
    /// How long a retired image keeps its bytes (ADR 0206): long enough for a complaint about a rejected or replaced
    /// image to be looked into with the image itself; then <see cref="Release"/> lets the bytes go, the record stays.
    /// </summary>
    public const int RetentionDays = 90;

    /// <summary>When neither the published profile nor the pending change named the image any more (ADR 0206).</summary>
    public DateTime? RetiredAt { get; private set; }
    /// <summary>Why: replaced or removed before approval, in a rejected change, or replaced by an approved change.</summary>
    public string? RetiredReason { get; private set; }
    /// <summary>When the bytes of a retired image were released after <see cref="RetentionDays"/>; the row stays.</summary>
    public DateTime? ReleasedAt { get; private set; }

    /// <summary>No page names the image any more: it is kept, marked with the time and the reason. Once only.</summary>
    public void Retire(string reason, DateTime utcNow)
    {
        if (RetiredAt is not null)
        {
            return;
        }

        RetiredReason = Guard.Required(reason, "Lý do thôi sử dụng ảnh", 200);
        RetiredAt = utcNow;
    }

    /// <summary>
    /// Lets the bytes of an image retired more than <see cref="RetentionDays"/> ago go; the row keeps who uploaded it,
    /// when, its size and SHA-256, and why it was retired. Never for an image still in use.
    /// </summary>
    public void Release(DateTime utcNow)
    {
        if (RetiredAt is not { } retired)
        {
            throw new DomainException("Ảnh vẫn đang được hồ sơ dùng; chỉ giải phóng được ảnh đã thôi sử dụng.");
        }

        if (utcNow < retired.AddDays(RetentionDays))
        {
            throw new DomainException($"Ảnh mới thôi sử dụng từ {retired:dd/MM/yyyy}; nội dung được giữ {RetentionDays} ngày trước khi giải phóng.");
        }

        if (ReleasedAt is null)
        {
            Data = [];
            ReleasedAt = utcNow;
        }
    }

    public static int MaxBytes(SupplierImageKind kind) => kind == SupplierImageKind.Logo ? MaxLogoBytes : MaxPhotoBytes;

    public static string TooLarge(SupplierImageKind kind) => kind == SupplierImageKind.Logo
        ? "Logo vượt quá dung lượng cho phép (tối đa 1 MB)."
        : "Ảnh vượt quá dung lượng cho phép (tối đa 3 MB mỗi ảnh).";

    /// <summary>The photos as one column, in the enterprise's order ("id1;id2").</summary>
    public static string Join(IEnumerable<Guid> ids) => string.Join(';', ids.Select(i => i.ToString("D")));

    public static IReadOnlyList<Guid> Split(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : joined.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
}

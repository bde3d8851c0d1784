using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Proposals;

public enum DocumentType
{
    /// <summary>Đơn đăng ký.</summary>
    Application,
    /// <summary>Thuyết minh đề án.</summary>
    Description,
    /// <summary>Dự toán kinh phí.</summary>
    CostEstimate,
    /// <summary>Quyết định.</summary>
    Decision,
    /// <summary>Biên bản (thẩm định, nghiệm thu).</summary>
    Minutes,
    /// <summary>Khác.</summary>
    Other,
}

/// <summary>
/// A dossier file attached to a proposal. The bytes live in <see cref="AttachmentContent"/> (a table of
/// their own, so listing attachments never loads files, and every web node sees the same files).
/// </summary>
public sealed class Attachment : Entity
{
    private Attachment() { }

    public Attachment(int proposalId, DocumentType documentType, string fileName, string contentType, long size, string sha256, string? description, Actor actor, DateTime utcNow)
    {
        ProposalId = proposalId;
        DocumentType = Enum.IsDefined(documentType)
            ? documentType
            : throw new DomainException("Vui lòng chọn loại hồ sơ trong danh sách.", nameof(DocumentType));
        FileName = Guard.Required(fileName, "Tên tệp", FieldLengths.FileName, nameof(FileName));
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        Description = Guard.Optional(description, "Mô tả", FieldLengths.AttachmentDescription, nameof(Description));
        UploadedBy = actor.UserName;
        UploadedAt = utcNow;
    }

    /// <summary>A file with its bytes: size and SHA-256 are computed here, never taken from the client.</summary>
    public Attachment(int proposalId, DocumentType documentType, string fileName, string contentType, byte[] data, string? description, Actor actor, DateTime utcNow)
        : this(proposalId, documentType, fileName, contentType, data.LongLength, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data)), description, actor, utcNow)
    {
        if (!Enum.IsDefined(documentType))
        {
            throw new DomainException("Loại hồ sơ không hợp lệ.", nameof(DocumentType));
        }

        if (data.Length == 0)
        {
            throw new DomainException("Tệp rỗng.", nameof(Content));
        }

        Content = new AttachmentContent(data);
    }

    public int ProposalId { get; private set; }
    public Proposal Proposal { get; private set; } = null!;
    public DocumentType DocumentType { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public string? Description { get; private set; }
    public string UploadedBy { get; private set; } = "";
    public DateTime UploadedAt { get; private set; }
    public bool IsDeleted { get; private set; }
    public string? DeletedBy { get; private set; }
    public DateTime? DeletedAt { get; private set; }
    public AttachmentContent? Content { get; private set; }

    /// <summary>Attachments are withdrawn, never erased: the record stays for the audit trail.</summary>
    public void Withdraw(Actor actor, DateTime utcNow)
    {
        if (IsDeleted)
        {
            throw new DomainException("Tệp này đã được rút trước đó.");
        }

        IsDeleted = true;
        DeletedBy = actor.UserName;
        DeletedAt = utcNow;
    }

    public static string DocumentTypeDisplayName(DocumentType type) => type switch
    {
        DocumentType.Application => "Đơn đăng ký",
        DocumentType.Description => "Thuyết minh",
        DocumentType.CostEstimate => "Dự toán",
        DocumentType.Decision => "Quyết định",
        DocumentType.Minutes => "Biên bản",
        DocumentType.Other => "Tài liệu khác",
        _ => type.ToString(),
    };
}

public sealed class AttachmentContent
{
    private AttachmentContent() { }

    public AttachmentContent(byte[] data) => Data = data;

    public int AttachmentId { get; private set; }
    public byte[] Data { get; private set; } = [];
}

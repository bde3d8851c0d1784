using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Enterprises;

/// <summary>
/// A file an enterprise uploads (business registration certificate, application documents), checked by content
/// like every dossier file (ADR 0011). The bytes live in <see cref="DossierFileContent"/> so lists never load them.
/// </summary>
public sealed class DossierFile : Entity
{
    private DossierFile() { }

    public DossierFile(int organizationId, string fileName, string contentType, byte[] data, Actor actor, DateTime utcNow)
    {
        if (data.Length == 0)
        {
            throw new DomainException("Tệp rỗng.", "File");
        }

        OrganizationId = organizationId;
        FileName = Guard.Required(fileName, "Tên tệp", 255, nameof(FileName));
        ContentType = contentType;
        Size = data.LongLength;
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data));
        UploadedBy = actor.UserName;
        UploadedAt = utcNow;
        Content = new DossierFileContent(data);
    }

    /// <summary>The enterprise the file belongs to: every read checks it (isolation).</summary>
    public int OrganizationId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public string UploadedBy { get; private set; } = "";
    public DateTime UploadedAt { get; private set; }
    public DossierFileContent? Content { get; private set; }
}

public sealed class DossierFileContent
{
    private DossierFileContent() { }

    public DossierFileContent(byte[] data) => Data = data;

    public int DossierFileId { get; private set; }
    public byte[] Data { get; private set; } = [];
}

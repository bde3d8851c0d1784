using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Enterprises;

namespace NgheAn.CNHT.Application.Enterprises;

/// <summary>
/// Files enterprises upload: the same size limit (Attachments:MaxBytes) and the same content checks
/// (<see cref="FileInspector"/>: PDF, DOCX, XLSX, JPG, PNG recognised by their bytes, never by name) as dossier files.
/// </summary>
public sealed class DossierFileStore(IAppDbContext db, IOptions<AttachmentOptions> options)
{
    /// <summary>Reads, checks and adds the file (not saved).</summary>
    public async Task<DossierFile> AddAsync(int organizationId, string? fileName, Stream content, Actor actor, DateTime utcNow, CancellationToken ct)
    {
        var data = await ReadCappedAsync(content, options.Value.MaxBytes, ct);
        if (data.Length == 0)
        {
            throw new DomainException("Tệp rỗng; vui lòng chọn lại tệp.", "File");
        }

        var file = FileInspector.Inspect(fileName, data);
        var stored = new DossierFile(organizationId, file.FileName, file.ContentType, data, actor, utcNow);
        db.DossierFiles.Add(stored);
        return stored;
    }

    /// <summary>A file's bytes, only when it belongs to <paramref name="organizationId"/> (null for another enterprise's file).</summary>
    public async Task<AttachmentFile?> ReadAsync(int fileId, int? organizationId, CancellationToken ct)
    {
        var meta = await db.DossierFiles.AsNoTracking()
            .Where(f => f.Id == fileId && (organizationId == null || f.OrganizationId == organizationId))
            .Select(f => new { f.FileName, f.ContentType })
            .FirstOrDefaultAsync(ct);
        if (meta is null)
        {
            return null;
        }

        var data = await db.DossierFileContents.AsNoTracking().Where(c => c.DossierFileId == fileId).Select(c => c.Data).FirstOrDefaultAsync(ct);
        return data is null ? null : new AttachmentFile(meta.FileName, meta.ContentType, data);
    }

    private static async Task<byte[]> ReadCappedAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new DomainException($"Tệp lớn hơn giới hạn cho phép ({AttachmentService.FormatSize(maxBytes)}).", "File");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

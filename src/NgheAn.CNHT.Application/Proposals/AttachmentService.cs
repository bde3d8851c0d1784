using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.Proposals;

/// <summary>Section <c>Attachments</c>.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>Largest file accepted, in bytes (default 20 MB; at most 100 MB, below the form reader's own limit).</summary>
    [Range(1024, 100L * 1024 * 1024)]
    public long MaxBytes { get; set; } = 20L * 1024 * 1024;
}

/// <summary>A file to serve back: its stored bytes, the content type found at upload, a safe name.</summary>
public sealed record AttachmentFile(string FileName, string ContentType, byte[] Data);

/// <summary>
/// Dossier files of a proposal. Checked by content (<see cref="FileInspector"/>), bytes kept in the
/// database (AttachmentContents) so every web node serves the same files, withdrawn rather than erased.
/// </summary>
public sealed class AttachmentService(IAppDbContext db, ICurrentUser user, TimeProvider clock, IOptions<AttachmentOptions> options, ILogger<AttachmentService> logger)
{
    /// <summary>Roles that add dossier files: the specialist (application, description, estimate), the Support Center (minutes), leadership (decisions).</summary>
    public static IReadOnlyList<string> UploadRoles { get; } = [Roles.DoitSpecialist, Roles.SupportCenter, Roles.DoitLeader];

    public long MaxBytes => options.Value.MaxBytes;

    public async Task<int> UploadAsync(int proposalId, DocumentType documentType, string? fileName, Stream content, string? description, CancellationToken ct = default)
    {
        var actor = user.Actor;
        if (!UploadRoles.Any(actor.IsIn))
        {
            throw new DomainException("Bạn không có quyền đính kèm hồ sơ.");
        }

        if (!await db.Proposals.AsNoTracking().AnyAsync(p => p.Id == proposalId, ct))
        {
            throw new NotFoundException($"Không tìm thấy đề án số {proposalId}.");
        }

        var data = await ReadCappedAsync(content, MaxBytes, ct);
        var file = FileInspector.Inspect(fileName, data);
        var attachment = new Attachment(proposalId, documentType, file.FileName, file.ContentType, data, description, actor, clock.GetUtcNow().UtcDateTime);
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Attachment {AttachmentId} ({Kind}, {Size} bytes) added to proposal {ProposalId}", attachment.Id, file.Kind, data.Length, proposalId);
        return attachment.Id;
    }

    /// <summary>Withdraws a file: by the person who uploaded it, or by DOIT leadership. The record and bytes stay.</summary>
    public async Task WithdrawAsync(int proposalId, int attachmentId, CancellationToken ct = default)
    {
        var actor = user.Actor;
        var attachment = await db.Attachments.FirstOrDefaultAsync(a => a.Id == attachmentId && a.ProposalId == proposalId, ct)
            ?? throw new NotFoundException($"Không tìm thấy tệp đính kèm số {attachmentId}.");
        if (!MayWithdraw(attachment.UploadedBy))
        {
            throw new DomainException("Chỉ người đã tải tệp lên hoặc Lãnh đạo Sở được rút tệp.");
        }

        attachment.Withdraw(actor, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Attachment {AttachmentId} of proposal {ProposalId} withdrawn", attachmentId, proposalId);
    }

    /// <summary>The withdraw rule: the person who uploaded the file, or DOIT leadership.</summary>
    public bool MayWithdraw(string uploadedBy) => uploadedBy == user.Actor.UserName || user.Actor.IsIn(Roles.DoitLeader);

    /// <summary>The bytes of a file still in the dossier; null when absent or withdrawn.</summary>
    public async Task<AttachmentFile?> DownloadAsync(int proposalId, int attachmentId, CancellationToken ct = default)
    {
        var meta = await db.Attachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.ProposalId == proposalId && !a.IsDeleted)
            .Select(a => new { a.FileName, a.ContentType })
            .FirstOrDefaultAsync(ct);
        if (meta is null)
        {
            return null;
        }

        var data = await db.AttachmentContents.AsNoTracking()
            .Where(c => c.AttachmentId == attachmentId)
            .Select(c => c.Data)
            .FirstOrDefaultAsync(ct);
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
                throw new DomainException($"Tệp lớn hơn giới hạn cho phép ({FormatSize(maxBytes)}).", "File");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Bytes as Vietnamese readers write them: 20 MB, 350 KB.</summary>
    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / 1024m / 1024m).ToString("#,##0.#", VnFormat.Culture) + " MB",
        >= 1024 => (bytes / 1024m).ToString("#,##0", VnFormat.Culture) + " KB",
        _ => bytes.ToString(VnFormat.Culture) + " byte",
    };
}

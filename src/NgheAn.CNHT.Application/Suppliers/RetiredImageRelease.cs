using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Suppliers;

namespace NgheAn.CNHT.Application.Suppliers;

/// <summary>
/// Lets go of the bytes of images retired more than <see cref="SupplierImage.RetentionDays"/> days ago (ADR 0206): the
/// operator runs it (command-line verb <c>release-images</c>, e.g. weekly). Each image row stays, with who uploaded it,
/// when, its size, SHA-256 and why it was retired; the release itself is audited like any change.
/// </summary>
public sealed class RetiredImageRelease(IAppDbContext db, TimeProvider clock, ILogger<RetiredImageRelease> logger)
{
    private const int Batch = 10;

    public async Task<int> ReleaseAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-SupplierImage.RetentionDays);
        var due = await db.SupplierImages.Where(i => i.RetiredAt != null && i.RetiredAt <= cutoff && i.ReleasedAt == null)
            .OrderBy(i => i.RetiredAt).Select(i => i.Id).ToListAsync(ct);
        // A few at a time: each image is loaded with its bytes (at most 3 MB) before they are let go.
        foreach (var chunk in due.Chunk(Batch))
        {
            var images = await db.SupplierImages.Where(i => chunk.Contains(i.Id)).ToListAsync(ct);
            foreach (var image in images)
            {
                image.Release(now);
            }

            await db.SaveChangesAsync(ct);
        }

        logger.LogInformation("Released the bytes of {Count} directory images retired before {Cutoff}", due.Count, cutoff);
        return due.Count;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.PublicContent;

namespace NgheAn.CNHT.Application.PublicContent;

public sealed record NewsAdminRow(int Id, string Slug, NewsKind Kind, string TitleVi, DateOnly? StartsOn, DateTime PublishedAt, PublicationState State, bool IsSample, Guid Stamp);

public sealed record NewsAdminPage(IReadOnlyList<NewsAdminRow> Rows, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The DOIT side of news and events: publish, edit, take down and publish again. Every change audited.</summary>
public sealed class NewsAdmin(IAppDbContext db, TimeProvider clock, ILogger<NewsAdmin> logger)
{
    public const int PageSize = 30;

    public async Task<NewsAdminPage> PageAsync(int page, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        var total = await db.NewsPosts.CountAsync(ct);
        var rows = await db.NewsPosts.AsNoTracking()
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(p => new NewsAdminRow(p.Id, p.Slug, p.Kind, p.TitleVi, p.StartsOn, p.PublishedAt, p.State, p.IsSample, p.ConcurrencyStamp))
            .ToListAsync(ct);
        return new NewsAdminPage(rows, total, page, PageSize);
    }

    public Task<NewsPost?> FindAsync(int id, CancellationToken ct = default) =>
        db.NewsPosts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);

    public async Task<int> CreateAsync(NewsPostDraft draft, CancellationToken ct = default)
    {
        var slug = await ContentSaving.FreeSlugAsync(draft.TitleVi ?? "", s => db.NewsPosts.AnyAsync(p => p.Slug == s, ct));
        var post = new NewsPost(slug, draft, clock.GetUtcNow().UtcDateTime);
        db.NewsPosts.Add(post);
        await ContentSaving.SaveAsync(db, ct);
        logger.LogInformation("News post {PostId} published", post.Id);
        return post.Id;
    }

    public async Task UpdateAsync(int id, Guid? stamp, NewsPostDraft draft, CancellationToken ct = default)
    {
        var post = await LoadAsync(id, stamp, ct);
        post.Update(draft);
        await ContentSaving.SaveAsync(db, ct);
        logger.LogInformation("News post {PostId} updated", id);
    }

    public async Task WithdrawAsync(int id, Guid? stamp, CancellationToken ct = default)
    {
        var post = await LoadAsync(id, stamp, ct);
        post.Withdraw();
        await ContentSaving.SaveAsync(db, ct);
        logger.LogInformation("News post {PostId} taken down", id);
    }

    public async Task RepublishAsync(int id, Guid? stamp, CancellationToken ct = default)
    {
        var post = await LoadAsync(id, stamp, ct);
        post.Republish();
        await ContentSaving.SaveAsync(db, ct);
        logger.LogInformation("News post {PostId} published again", id);
    }

    private async Task<NewsPost> LoadAsync(int id, Guid? stamp, CancellationToken ct)
    {
        var post = await db.NewsPosts.FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException($"Không tìm thấy tin số {id}.");
        ContentSaving.RequireStamp(stamp);
        db.Entry(post).Property(p => p.ConcurrencyStamp).OriginalValue = stamp!.Value;
        return post;
    }
}

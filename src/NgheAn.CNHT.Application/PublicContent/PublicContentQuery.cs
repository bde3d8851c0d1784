using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.PublicContent;

namespace NgheAn.CNHT.Application.PublicContent;

/// <summary>A published priority project as the public sees it: the fields of the list, nothing internal (no withdrawal reason, no authors).</summary>
public sealed record PublicProject(
    string Slug, string TitleVi, string TitleEn, string SectorCode, string ZoneCode, string LocationVi, string? LocationEn,
    string SummaryVi, string? SummaryEn, string? ScaleVi, string? ScaleEn, decimal? TotalInvestment, string? InvestmentFormVi,
    string? InvestmentFormEn, string? Contact, bool IsSample, DateTime LastChanged)
{
    public string Title(bool en) => en ? TitleEn : TitleVi;
    public string Location(bool en) => en ? LocationEn ?? LocationVi : LocationVi;
    public string Summary(bool en) => en ? SummaryEn ?? SummaryVi : SummaryVi;
    public string? Scale(bool en) => en ? ScaleEn ?? ScaleVi : ScaleVi;
    public string? InvestmentForm(bool en) => en ? InvestmentFormEn ?? InvestmentFormVi : InvestmentFormVi;
}

/// <summary>A published post as the public sees it. The body is already safe HTML (<see cref="ISafeHtml"/>) on the detail page.</summary>
public sealed record PublicNews(
    string Slug, NewsKind Kind, string TitleVi, string? TitleEn, DateOnly? StartsOn, DateOnly? EndsOn, string? PlaceVi, string? PlaceEn,
    DateTime PublishedAt, DateTime LastChanged)
{
    public string Title(bool en) => en ? TitleEn ?? TitleVi : TitleVi;
    public string? Place(bool en) => en ? PlaceEn ?? PlaceVi : PlaceVi;
}

public sealed record PublicNewsDetail(PublicNews Post, string BodyHtml, bool BodyIsVietnamese);

public sealed record PublicListPage<T>(IReadOnlyList<T> Rows, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The public reads of the priority projects and the news (issue 17 items 5 and 6): published records only.</summary>
public sealed class PublicContentQuery(IAppDbContext db, ISafeHtml html)
{
    public const int PageSize = 20;

    private IQueryable<InvestmentProject> Projects() => db.InvestmentProjects.AsNoTracking().Where(p => p.State == PublicationState.Published);

    private IQueryable<NewsPost> News() => db.NewsPosts.AsNoTracking().Where(p => p.State == PublicationState.Published);

    /// <summary>The public fields of a project (the projection is the guarantee: nothing else leaves the database).</summary>
    private static readonly Expression<Func<InvestmentProject, PublicProject>> ProjectRow = p => new PublicProject(p.Slug, p.TitleVi, p.TitleEn,
        p.SectorCode, p.ZoneCode, p.LocationVi, p.LocationEn, p.SummaryVi, p.SummaryEn, p.ScaleVi, p.ScaleEn, p.TotalInvestment, p.InvestmentFormVi,
        p.InvestmentFormEn, p.Contact, p.IsSample, p.UpdatedAt ?? p.CreatedAt);

    private static readonly Expression<Func<NewsPost, PublicNews>> NewsRow = p => new PublicNews(p.Slug, p.Kind, p.TitleVi, p.TitleEn, p.StartsOn,
        p.EndsOn, p.PlaceVi, p.PlaceEn, p.PublishedAt, p.UpdatedAt ?? p.CreatedAt);

    public async Task<PublicListPage<PublicProject>> ProjectsAsync(int page, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        var total = await db.InvestmentProjects.CountAsync(p => p.State == PublicationState.Published, ct);
        var rows = await Projects().OrderBy(p => p.TitleVi).ThenBy(p => p.Slug).Skip((page - 1) * PageSize).Take(PageSize).Select(ProjectRow).ToListAsync(ct);
        return new PublicListPage<PublicProject>(rows, total, page, PageSize);
    }

    /// <summary>Every published project (the PDF and the sitemap).</summary>
    public async Task<IReadOnlyList<PublicProject>> AllProjectsAsync(CancellationToken ct = default) =>
        await Projects().OrderBy(p => p.TitleVi).ThenBy(p => p.Slug).Select(ProjectRow).ToListAsync(ct);

    public Task<PublicProject?> ProjectAsync(string slug, CancellationToken ct = default) =>
        Projects().Where(p => p.Slug == slug).Select(ProjectRow).FirstOrDefaultAsync(ct);

    public async Task<PublicListPage<PublicNews>> NewsAsync(NewsKind? kind, int page, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        var query = News();
        if (kind is { } k)
        {
            query = query.Where(p => p.Kind == k);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Slug).Skip((page - 1) * PageSize).Take(PageSize).Select(NewsRow).ToListAsync(ct);
        return new PublicListPage<PublicNews>(rows, total, page, PageSize);
    }

    /// <summary>Events that have not ended yet, soonest first (the home page and the news page).</summary>
    public async Task<IReadOnlyList<PublicNews>> UpcomingEventsAsync(DateOnly today, int take, CancellationToken ct = default) =>
        await News().Where(p => p.Kind != NewsKind.News && p.StartsOn != null && (p.EndsOn ?? p.StartsOn) >= today)
            .OrderBy(p => p.StartsOn).Take(take).Select(NewsRow).ToListAsync(ct);

    public async Task<IReadOnlyList<PublicNews>> AllNewsAsync(CancellationToken ct = default) =>
        await News().OrderByDescending(p => p.PublishedAt).Select(NewsRow).ToListAsync(ct);

    public async Task<PublicNewsDetail?> NewsPostAsync(string slug, bool english, CancellationToken ct = default)
    {
        var post = await db.NewsPosts.AsNoTracking().Where(p => p.Slug == slug && p.State == PublicationState.Published)
            .Select(p => new { Row = new PublicNews(p.Slug, p.Kind, p.TitleVi, p.TitleEn, p.StartsOn, p.EndsOn, p.PlaceVi, p.PlaceEn, p.PublishedAt, p.UpdatedAt ?? p.CreatedAt), p.Format, p.BodyVi, p.BodyEn })
            .FirstOrDefaultAsync(ct);
        if (post is null)
        {
            return null;
        }

        var useEnglish = english && !string.IsNullOrWhiteSpace(post.BodyEn);
        return new PublicNewsDetail(post.Row, html.Render(useEnglish ? post.BodyEn : post.BodyVi, post.Format), !useEnglish);
    }
}

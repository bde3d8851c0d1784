using Microsoft.AspNetCore.OutputCaching;
using NgheAn.CNHT.Application.PublicContent;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.PublicContent;
using NgheAn.CNHT.Web.Portal;
using NgheAn.CNHT.Web.PublicContent;

namespace NgheAn.CNHT.Web.Pages.Portal.PublicContent;

/// <summary>News and events of the program (/tin-tuc, /en/news): hội thảo, hội chợ, đào tạo; filterable by kind, paged.</summary>
[OutputCache(PolicyName = PortalCaching.Policy)]
public sealed class NewsModel(PublicContentQuery content, TimeProvider clock) : PortalPage
{
    public PublicListPage<PublicNews> Result { get; private set; } = null!;
    public IReadOnlyList<PublicNews> Upcoming { get; private set; } = [];
    public NewsKind? Kind { get; private set; }

    public async Task OnGetAsync(string? kind, int? page, CancellationToken ct)
    {
        Kind = Enum.TryParse<NewsKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : null;
        Result = await content.NewsAsync(Kind, page ?? 1, ct);
        // Upcoming events head the unfiltered first page only: a filtered list shows exactly its kind.
        if (Kind is null && Result.Page == 1)
        {
            Upcoming = await content.UpcomingEventsAsync(VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime), 5, ct);
        }
        Describe(PublicContentUrls.News(false), PublicContentUrls.News(true), English ? "News and events" : "Tin tức, sự kiện",
            English ? "Workshops, fairs, training and news of Nghe An's supporting-industry program." : "Hội thảo, hội chợ, đào tạo và tin tức của Chương trình phát triển công nghiệp hỗ trợ Nghệ An.");
    }

    public string Link(NewsKind? kind, int page)
    {
        var query = new List<string>();
        if (kind is not null)
        {
            query.Add("kind=" + kind.Value.ToString().ToLowerInvariant());
        }

        if (page > 1)
        {
            query.Add("page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return PublicContentUrls.News(English) + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }
}

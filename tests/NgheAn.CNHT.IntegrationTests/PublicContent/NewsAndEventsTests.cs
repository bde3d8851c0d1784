using System.Net;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Domain.PublicContent;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.PublicContent;

/// <summary>Issue 17 item 6 (ADR 0190): DOIT publishes news and events; Markdown is rendered then sanitized, never shown raw.</summary>
public sealed class NewsAndEventsTests(ContentPortal portal) : IClassFixture<ContentPortal>
{
    [Fact]
    public async Task A_published_workshop_shows_in_both_languages_with_its_markdown_rendered_and_its_scripts_removed()
    {
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var starts = DateTime.Today.AddDays(20).ToString("yyyy-MM-dd");
        var response = await specialist.PostFormAsync("/PublicContent/News/Create", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Workshop",
            ["Input.TitleVi"] = "Hội thảo khuôn mẫu Kiểm Thử",
            ["Input.TitleEn"] = "Mould-making workshop Test",
            ["Input.Format"] = "Markdown",
            ["Input.BodyVi"] = "**Nội dung chính** của hội thảo.\n\n<script>alert('xss')</script>\n<img src=x onerror=alert(1)>\n[đăng ký](javascript:alert(2))",
            ["Input.BodyEn"] = "**Main topics** of the workshop.",
            ["Input.StartsOn"] = starts,
            ["Input.PlaceVi"] = "Vinh",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var post = await portal.ReadAsync(db => db.NewsPosts.AsNoTracking().SingleAsync(p => p.TitleVi == "Hội thảo khuôn mẫu Kiểm Thử"));
        Assert.True(await portal.ReadAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(NewsPost) && a.EntityKey == post.Id.ToString())));

        var visitor = portal.NewClient();
        var vi = await visitor.GetStringAsync($"/tin-tuc/{post.Slug}");
        Assert.Contains("<strong>Nội dung chính</strong>", WebUtility.HtmlDecode(vi));
        Assert.DoesNotContain("<script>alert", vi);
        Assert.DoesNotContain("<img", vi);
        Assert.DoesNotContain("href=\"javascript:", vi, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", vi);
        var en = await visitor.GetStringAsync($"/en/news/{post.Slug}");
        Assert.Contains("<strong>Main topics</strong>", en);
        Assert.Contains("Mould-making workshop Test", en);

        var home = WebUtility.HtmlDecode(await visitor.GetStringAsync("/tin-tuc"));
        Assert.Contains("Sự kiện sắp diễn ra", home);
        Assert.Contains("Hội thảo khuôn mẫu Kiểm Thử", WebUtility.HtmlDecode(await visitor.GetStringAsync("/tin-tuc?kind=workshop")));
        Assert.DoesNotContain("Hội thảo khuôn mẫu Kiểm Thử", WebUtility.HtmlDecode(await visitor.GetStringAsync("/tin-tuc?kind=fair")));
    }

    [Fact]
    public async Task A_post_taken_down_leaves_the_public_pages_and_an_event_needs_a_start_date()
    {
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var refused = await specialist.PostFormAsync("/PublicContent/News/Create", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Training",
            ["Input.TitleVi"] = "Đào tạo không ngày Kiểm Thử",
            ["Input.Format"] = "PlainText",
            ["Input.BodyVi"] = "Nội dung",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Sự kiện cần có ngày bắt đầu.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        await specialist.PostFormAsync("/PublicContent/News/Create", new Dictionary<string, string>
        {
            ["Input.Kind"] = "News",
            ["Input.TitleVi"] = "Tin sẽ gỡ Kiểm Thử",
            ["Input.Format"] = "PlainText",
            ["Input.BodyVi"] = "Nội dung tin",
        });
        var post = await portal.ReadAsync(db => db.NewsPosts.AsNoTracking().SingleAsync(p => p.TitleVi == "Tin sẽ gỡ Kiểm Thử"));
        var edit = $"/PublicContent/News/Edit/{post.Id}";
        var html = await specialist.GetStringAsync(edit);
        Assert.Contains("data-confirm=\"Gỡ tin này khỏi trang công khai?\"", WebUtility.HtmlDecode(html));
        var down = await specialist.PostBareFormAsync(edit, new Dictionary<string, string> { ["Stamp"] = ContentPortal.Stamp(html) }, edit + "?handler=Withdraw");
        Assert.Equal(HttpStatusCode.Redirect, down.StatusCode);
        var visitor = portal.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/tin-tuc/{post.Slug}")).StatusCode);
        Assert.DoesNotContain(post.Slug, await visitor.GetStringAsync("/sitemap.xml"));
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.IntegrationTests.Support;
using NgheAn.CNHT.Web.Rendering;
using static NgheAn.CNHT.IntegrationTests.Support.ProposalArrange;

namespace NgheAn.CNHT.IntegrationTests.Web;

/// <summary>
/// The layout's menu and the dashboard's figure sections are pre-encoded pieces (ADR 0223): once warm, a page is served
/// from them without rendering them again; each role still gets its own menu, a write shows on the next request, the
/// layout's addresses carry the files' versions, and collapsing indentation keeps what HTML renders.
/// </summary>
public sealed partial class KeptRenderingTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    [Fact]
    public async Task A_warm_dashboard_renders_no_piece_again_until_a_write_and_then_shows_it()
    {
        var center = await portal.SignInAsAsync("SupportCenter");
        var viewer = await portal.SignInAsAsync("Viewer");
        var kept = portal.Services.GetRequiredService<KeptHtml>();
        static int Drafts(string html) => int.Parse(DraftCountRegex().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        var first = await center.GetStringAsync("/?program=2018-2025");
        await viewer.GetStringAsync("/?program=2018-2025");
        var renderings = kept.Renderings;
        var again = await center.GetStringAsync("/?program=2018-2025");
        var viewerHome = await viewer.GetStringAsync("/?program=2018-2025");
        Assert.Equal(renderings, kept.Renderings);
        Assert.Equal(Drafts(first), Drafts(again));

        // Different roles, different pieces: the support center's menu and waiting list are not the viewer's.
        Assert.Contains("data-waiting-status=\"Accepted\"", again);
        Assert.Contains("không có bước xử lý đề án nào", WebUtility.HtmlDecode(viewerHome));
        Assert.Contains("Tiếp nhận hồ sơ", WebUtility.HtmlDecode(again));
        Assert.DoesNotContain("Tiếp nhận hồ sơ", WebUtility.HtmlDecode(viewerHome));

        // A write: the next request renders the figures again and shows it.
        await InStatusAsync(portal, ProposalStatus.Draft, "Đề án nháp cho các phần dựng sẵn (ADR 0223)");
        var after = await center.GetStringAsync("/?program=2018-2025");
        Assert.Equal(Drafts(first) + 1, Drafts(after));
        Assert.True(kept.Renderings > renderings);
    }

    [Fact]
    public async Task The_layout_writes_versioned_files_and_page_links_without_tag_helpers()
    {
        var viewer = await portal.SignInAsAsync("Viewer");
        for (var round = 0; round < 2; round++)
        {
            var html = await viewer.GetStringAsync("/Proposals");
            Assert.Matches("<link rel=\"stylesheet\" href=\"/css/site\\.css\\?v=[\\w-]+\" />", html);
            Assert.Matches("<script src=\"/js/site\\.js\\?v=[\\w-]+\"></script>", html);
            Assert.Matches("<script src=\"/js/amounts\\.js\\?v=[\\w-]+\"></script>", html);
            Assert.Contains("<link rel=\"stylesheet\" href=\"/lib/bootstrap/dist/css/bootstrap.min.css\" />", html);
            Assert.Contains("<a href=\"/\" class=\"portal-emblem\"", html);
            Assert.Contains("<form method=\"post\" action=\"/Account/Logout\" id=\"sign-out\"", html);
            Assert.Contains("href=\"/Account/Security\"", html);
            Assert.DoesNotContain("~/", html);
            Assert.DoesNotContain("asp-", html);
        }

        // The versioned file is served under that address.
        var css = Regex.Match(await viewer.GetStringAsync("/"), "href=\"(/css/site\\.css\\?v=[\\w-]+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(css)).StatusCode);
    }

    [Fact]
    public void Collapsing_keeps_what_html_renders()
    {
        Assert.Equal("<ul>\n<li>a</li>\n<li>b c</li>\n</ul>\n", KeptHtml.Collapse("<ul>\n    <li>a</li>\r\n\t\t<li>b c</li>\n  </ul>\n"));
        // A non-breaking space is content, not indentation.
        Assert.Equal("<td>1\u00A0000</td>\n<td>x</td>", KeptHtml.Collapse("<td>1\u00A0000</td>\n   <td>x</td>"));
        // Text that keeps its white space is left as written.
        const string pre = "<pre>\n   a\n      b</pre>";
        Assert.Equal(pre, KeptHtml.Collapse(pre));
        const string script = "<script>\n  var s = `a\n   b`;\n</script>";
        Assert.Equal(script, KeptHtml.Collapse(script));
    }

    [Fact]
    public async Task The_register_s_body_is_kept_under_what_it_shows_across_a_write_to_a_proposal_it_does_not_show()
    {
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var kept = portal.Services.GetRequiredService<KeptHtml>();
        var (shown, hidden) = await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<NgheAn.CNHT.Infrastructure.Persistence.AppDbContext>();
            return (await db.Proposals.Where(p => p.Status == ProposalStatus.Settled).OrderBy(p => p.Code).Select(p => p.Id).FirstAsync(),
                await db.Proposals.Where(p => p.Status != ProposalStatus.Settled).Select(p => p.Id).FirstAsync());
        });
        const string settled = "/Proposals?status=Settled";
        await specialist.GetStringAsync(settled);
        var renderings = kept.Renderings;

        // An edit of a proposal the page does not show: the same rows, the body rendered before (ADR 0244).
        await RawWrites.RunAsync(portal, $"UPDATE \"Proposals\" SET \"Title\" = \"Title\" || ' (sửa)', \"ConcurrencyStamp\" = '{Guid.NewGuid():N}' WHERE \"Id\" = {hidden};");
        var before = await specialist.GetStringAsync(settled);
        Assert.Equal(renderings, kept.Renderings);

        // An edit of a proposal it shows: rendered again, with the new title.
        await RawWrites.RunAsync(portal, $"UPDATE \"Proposals\" SET \"Title\" = 'Tên mới sau khi sửa (minh họa)', \"ConcurrencyStamp\" = '{Guid.NewGuid():N}' WHERE \"Id\" = {shown};");
        var after = await specialist.GetStringAsync(settled);
        Assert.True(kept.Renderings > renderings, "the body was not rendered again after a shown proposal changed");
        Assert.DoesNotContain("Tên mới sau khi sửa (minh họa)", WebUtility.HtmlDecode(before));
        Assert.Contains("Tên mới sau khi sửa (minh họa)", WebUtility.HtmlDecode(after));
    }

    [GeneratedRegex("data-figure=\"status-Draft\">(\\d+)<")]
    private static partial Regex DraftCountRegex();
}

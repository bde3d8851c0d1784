using System.Net;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Domain.PublicContent;
using NgheAn.CNHT.IntegrationTests.Support;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace NgheAn.CNHT.IntegrationTests.PublicContent;

/// <summary>Issue 17 item 5 (ADR 0188): DOIT maintains the bilingual priority project list; the public reads it in both languages and as PDF.</summary>
public sealed class PriorityProjectTests(ContentPortal portal) : IClassFixture<ContentPortal>
{
    private static Dictionary<string, string> Form(string titleVi, string titleEn, string? total = "250.000.000.000") => new()
    {
        ["Input.TitleVi"] = titleVi,
        ["Input.TitleEn"] = titleEn,
        ["Input.SectorCode"] = "co-khi",
        ["Input.ZoneCode"] = "vsip",
        ["Input.LocationVi"] = "VSIP Nghệ An",
        ["Input.LocationEn"] = "VSIP Nghe An",
        ["Input.SummaryVi"] = "Gia công chi tiết máy chính xác cho nhà lắp ráp.",
        ["Input.SummaryEn"] = "Precision machined parts for assemblers.",
        ["Input.TotalInvestment"] = total ?? "",
        ["Input.Contact"] = "Phòng Quản lý công nghiệp",
    };

    private async Task<InvestmentProject> ProjectAsync(string titleVi) =>
        await portal.ReadAsync(db => db.InvestmentProjects.AsNoTracking().SingleAsync(p => p.TitleVi == titleVi));

    [Fact]
    public async Task A_specialist_adds_a_project_that_the_public_reads_in_both_languages_and_the_audit_trail_records()
    {
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var response = await specialist.PostFormAsync("/PublicContent/Projects/Create", Form("Nhà máy bánh răng Kiểm Thử", "Test Gear Plant"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var project = await ProjectAsync("Nhà máy bánh răng Kiểm Thử");
        Assert.Equal(250_000_000_000m, project.TotalInvestment);

        var visitor = portal.NewClient();
        var list = WebUtility.HtmlDecode(await visitor.GetStringAsync("/du-an-uu-tien"));
        Assert.Contains("Nhà máy bánh răng Kiểm Thử", list);
        var vi = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/du-an-uu-tien/{project.Slug}"));
        Assert.Contains("250.000.000.000 đồng", vi);
        Assert.Contains("<html lang=\"vi\">", vi);
        var en = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/en/priority-projects/{project.Slug}"));
        Assert.Contains("<html lang=\"en\">", en);
        Assert.Contains("<h1>Test Gear Plant</h1>", en);
        Assert.Contains("Precision machined parts for assemblers.", en);
        Assert.Contains($"href=\"/du-an-uu-tien/{project.Slug}\" hreflang=\"vi\"", en);

        var audited = await portal.ReadAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(InvestmentProject) && a.EntityKey == project.Id.ToString() && a.Action == "Insert"));
        Assert.True(audited);
    }

    [Fact]
    public async Task An_edit_without_the_version_stamp_is_refused_and_a_withdrawal_needs_a_reason_then_hides_the_project()
    {
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        await specialist.PostFormAsync("/PublicContent/Projects/Create", Form("Dự án Rút Kiểm Thử", "Withdrawn Test Project"));
        var project = await ProjectAsync("Dự án Rút Kiểm Thử");
        var edit = $"/PublicContent/Projects/Edit/{project.Id}";

        var noStamp = await specialist.PostBareFormAsync(edit, Form("Tên đã đổi Kiểm Thử", "Renamed"), edit + "?handler=Save");
        Assert.Equal(HttpStatusCode.OK, noStamp.StatusCode);
        Assert.Contains("thiếu dấu phiên bản", WebUtility.HtmlDecode(await noStamp.Content.ReadAsStringAsync()));
        Assert.Equal("Dự án Rút Kiểm Thử", (await ProjectAsync("Dự án Rút Kiểm Thử")).TitleVi);

        var html = await specialist.GetStringAsync(edit);
        Assert.Contains("data-confirm=\"Rút dự án này khỏi danh mục công khai?", WebUtility.HtmlDecode(html));
        var noReason = await specialist.PostBareFormAsync(edit, new Dictionary<string, string> { ["Stamp"] = ContentPortal.Stamp(html) }, edit + "?handler=Withdraw");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Equal(PublicationState.Published, (await ProjectAsync("Dự án Rút Kiểm Thử")).State);

        var withdraw = await specialist.PostBareFormAsync(edit, new Dictionary<string, string> { ["Stamp"] = ContentPortal.Stamp(html), ["WithdrawalReason"] = "Đã có nhà đầu tư" }, edit + "?handler=Withdraw");
        Assert.Equal(HttpStatusCode.Redirect, withdraw.StatusCode);
        Assert.Equal(PublicationState.Withdrawn, (await ProjectAsync("Dự án Rút Kiểm Thử")).State);
        var visitor = portal.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/du-an-uu-tien/{project.Slug}")).StatusCode);
        Assert.DoesNotContain("Dự án Rút Kiểm Thử", WebUtility.HtmlDecode(await visitor.GetStringAsync("/du-an-uu-tien")));
        Assert.DoesNotContain("Đã có nhà đầu tư", WebUtility.HtmlDecode(await visitor.GetStringAsync("/sitemap.xml")));
    }

    [Fact]
    public async Task The_list_downloads_as_a_pdf_in_each_language_with_demo_amounts_marked_illustrative()
    {
        var visitor = portal.NewClient();
        foreach (var (path, title, marker, sample) in new[]
        {
            ("/du-an-uu-tien.pdf", "DANH MỤC DỰ ÁN", "giá trị minh họa", "(mẫu)"),
            ("/en/priority-projects.pdf", "PRIORITY SUPPORTING-INDUSTRY PROJECTS", "illustrative value", "(sample)"),
        })
        {
            var response = await visitor.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            using var pdf = PigDocument.Open(await response.Content.ReadAsByteArrayAsync());
            var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains(title, text);
            Assert.Contains(marker, text);
            Assert.Contains(sample, text);
        }
    }

    [Fact]
    public async Task Demo_projects_are_marked_as_samples_with_illustrative_amounts_on_the_public_pages()
    {
        var visitor = portal.NewClient();
        var list = WebUtility.HtmlDecode(await visitor.GetStringAsync("/du-an-uu-tien"));
        Assert.Contains("số tiền là giá trị minh họa", list);
        var slug = await portal.ReadAsync(db => db.InvestmentProjects.Where(p => p.IsSample && p.TotalInvestment != null).Select(p => p.Slug).FirstAsync());
        Assert.Contains("giá trị minh họa", WebUtility.HtmlDecode(await visitor.GetStringAsync($"/du-an-uu-tien/{slug}")));
        Assert.Contains("illustrative value", WebUtility.HtmlDecode(await visitor.GetStringAsync($"/en/priority-projects/{slug}")));
    }
}

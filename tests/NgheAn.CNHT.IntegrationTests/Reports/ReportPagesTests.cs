using System.Net;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Reports;

/// <summary>Who may open which report page (deny by default), and what the pages show.</summary>
public sealed class ReportPagesTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    public static TheoryData<string, string, bool> Access => new()
    {
        // page, role, allowed
        { "/Reports", "Viewer", true },
        { "/Reports", "SupportCenter", true },
        { "/Reports", "Admin", false },
        { "/Reports/View/annual?program=2018-2025&year=2024", "Viewer", true },
        { "/Reports/View/matrix?program=2018-2025", "DoitLeader", true },
        { "/Reports/View/register?program=2018-2025", "SupportCenter", true },
        { "/Reports/View/document?program=2018-2025", "Admin", false },
        { "/Reports/Reconciliation", "Viewer", true },
        { "/Reports/Reconciliation", "Admin", false },
        { "/Reports/Narratives?program=2018-2025", "DoitSpecialist", true },
        { "/Reports/Narratives?program=2018-2025", "DoitLeader", false },
        { "/Reports/Narratives?program=2018-2025", "Viewer", false },
        { "/Reports/Issued", "Viewer", true },
        { "/Reports/Issued/Create", "DoitLeader", true },
        { "/Reports/Issued/Create", "DoitSpecialist", false },
        { "/Reports/Downloads", "DoitLeader", true },
        { "/Reports/Downloads", "Viewer", false },
        { "/Reports/Downloads", "Admin", false },
        { "/Reports/View/appendix?handler=Download&program=2018-2025&format=xlsx", "Admin", false },
    };

    [Theory]
    [MemberData(nameof(Access))]
    public async Task Each_role_opens_only_the_report_pages_it_is_given(string page, string role, bool allowed)
    {
        var client = await portal.SignInAsAsync(role);
        var response = await client.GetAsync(page);
        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var response = await portal.NewClient().GetAsync("/Reports/View/appendix?handler=Download&program=2018-2025&format=pdf");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_reports_page_offers_every_report_as_pdf_and_excel_and_the_nav_links_to_it()
    {
        var client = await portal.SignInAsAsync("Viewer");
        var html = await client.GetStringAsync("/Reports?program=2018-2025");
        foreach (var kind in new[] { "appendix", "annual", "matrix", "register", "document" })
        {
            foreach (var format in new[] { "pdf", "xlsx" })
            {
                Assert.Contains($"data-download=\"{kind}-{format}\"", html);
                Assert.Matches($"href=\"/Reports/View/{kind}\\?(?=[^\"]*handler=Download)(?=[^\"]*format={format})[^\"]*\"", html);
            }

            // HTML and JSON are formats for other systems (API, command line), not buttons for people (issue 24).
            Assert.DoesNotContain($"data-download=\"{kind}-json\"", html);
            Assert.DoesNotContain($"data-download=\"{kind}-html\"", html);

            Assert.Contains($"href=\"/Reports/View/{kind}?program=2018-2025\"", html);
        }

        Assert.Contains("href=\"/Reports\"", html);
        Assert.Contains(">Báo cáo</a>", html);
        // Links for other roles' work are not offered to a viewer.
        Assert.DoesNotContain("/Reports/Narratives", html);
        Assert.DoesNotContain("/Reports/Issued/Create", html);
    }

    [Theory]
    [InlineData("appendix", "27.247,993")]
    [InlineData("annual", "Tỷ lệ giải ngân so với dự toán")]
    [InlineData("matrix", "5.500,342")]
    [InlineData("register", "Công ty TNHH Cơ khí chính xác Vinh")]
    [InlineData("document", "Độc lập - Tự do - Hạnh phúc")]
    public async Task Each_report_shows_on_its_page(string kind, string expected)
    {
        var client = await portal.SignInAsAsync("SupportCenter");
        var html = await client.GetStringAsync($"/Reports/View/{kind}?program=2018-2025");
        Assert.Contains(expected, html);
        Assert.DoesNotContain("&#x", html);
    }

    [Theory]
    [InlineData("annual", "xlsx", "du-toan-giai-ngan-cnht-2024.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("matrix", "html", "ngan-sach-theo-nam-cnht-2024.html", "text/html")]
    [InlineData("register", "json", "danh-muc-de-an-cnht-2024.json", "application/json")]
    [InlineData("document", "pdf", "bao-cao-ket-qua-cnht-2024.pdf", "application/pdf")]
    public async Task Downloads_carry_meaningful_names(string kind, string format, string fileName, string contentType)
    {
        var client = await portal.SignInAsAsync("Viewer");
        var response = await client.GetAsync($"/Reports/View/{kind}?handler=Download&program=2018-2025&year=2024&format={format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_year_range_outside_the_program_is_explained_and_the_whole_period_shown()
    {
        var client = await portal.SignInAsAsync("Viewer");
        var html = await client.GetStringAsync("/Reports/View/appendix?program=2018-2025&from=2010&to=2012");
        Assert.Contains("nằm ngoài giai đoạn của chương trình", html);
        Assert.Contains("27.247,993", html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Reports/View/bogus?program=2018-2025")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Reports/View/appendix?program=1999-2000")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Reports/View/appendix?handler=Download&program=2018-2025&format=doc")).StatusCode);
    }

    [Fact]
    public async Task A_narrative_longer_than_allowed_is_refused_next_to_its_field_and_nothing_is_saved()
    {
        var client = await portal.SignInAsAsync("DoitSpecialist");
        var response = await client.PostFormAsync("/Reports/Narratives?program=2018-2025", new Dictionary<string, string>
        {
            ["Input.ProgramCode"] = "2018-2025",
            ["Input.FromYear"] = "2018",
            ["Input.ToYear"] = "2025",
            ["Input.Rows[0].Key"] = "group:1",
            ["Input.Rows[0].Text"] = "Ngắn.",
            ["Input.Rows[1].Key"] = "item:1.1",
            ["Input.Rows[1].Text"] = new string('x', 4001),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Nội dung giải trình dài tối đa 4.000 ký tự.", html);
        var page = await client.GetStringAsync("/Reports/View/document?program=2018-2025");
        Assert.DoesNotContain("Ngắn.", page);
    }
}

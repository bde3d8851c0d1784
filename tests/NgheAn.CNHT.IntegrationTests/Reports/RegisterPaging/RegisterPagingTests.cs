using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Reports.RegisterPaging;

/// <summary>The register report on screen a page at a time (ADR 0105): the pages together are the full register.</summary>
public sealed class RegisterPagingTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    [Theory]
    [InlineData(null, null)]
    [InlineData(2020, 2022)]
    public async Task The_pages_together_list_every_row_of_the_full_register_in_its_order_with_its_totals(int? from, int? to)
    {
        var full = await portal.ScopedAsync(sp => sp.GetRequiredService<RegisterQuery>().BuildAsync("2018-2025", from, to));
        Assert.True(full.Rows.Count > 4, "The demo register has rows on several pages of 4.");
        var rows = new List<RegisterRow>();
        var first = await portal.ScopedAsync(sp => sp.GetRequiredService<RegisterQuery>().PageAsync("2018-2025", from, to, 1, pageSize: 4));
        for (var page = 1; page <= first.PageCount; page++)
        {
            var p = page;
            var part = await portal.ScopedAsync(sp => sp.GetRequiredService<RegisterQuery>().PageAsync("2018-2025", from, to, p, pageSize: 4));
            Assert.Equal(p, part.Page);
            Assert.Equal(full.Total, part.Register.Total);
            Assert.True(part.Register.Rows.Count is > 0 and <= 4);
            rows.AddRange(part.Register.Rows);
        }

        Assert.Equal(full.Rows, rows);
        Assert.Equal((full.Rows.Count + 3) / 4, first.PageCount);
    }

    [Fact]
    public async Task The_register_page_shows_one_page_and_links_to_the_next()
    {
        var client = await portal.SignInAsAsync("Viewer");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/Reports/View/register?program=2018-2025"));
        Assert.Contains("Trang 1/", html);
        Assert.Contains("tệp tải về có đủ các dòng", html);
        // A page past the end shows the last page rather than failing.
        var response = await client.GetAsync("/Reports/View/register?program=2018-2025&page=999");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

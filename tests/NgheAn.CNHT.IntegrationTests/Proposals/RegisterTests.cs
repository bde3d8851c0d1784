using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.IntegrationTests.Support;
using static NgheAn.CNHT.IntegrationTests.Support.ProposalArrange;

namespace NgheAn.CNHT.IntegrationTests.Proposals;

/// <summary>The register: search with and without diacritics, filters, sorting, paging and SQL totals.</summary>
public sealed partial class RegisterTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private static string[] Codes(string html) => RowRegex().Matches(html).Select(m => m.Groups[1].Value).ToArray();

    private static string Figure(string html, string name) =>
        Regex.Match(html, $"data-figure=\"{name}\">([^<]*)<").Groups[1].Value.Trim();

    [Theory]
    [InlineData("dao tao")]
    [InlineData("đào tạo")]
    [InlineData("ĐÀO TẠO")]
    [InlineData("  Dao   tạo  ")]
    public async Task Search_finds_vietnamese_titles_with_or_without_diacritics(string query)
    {
        var client = await portal.SignInAsAsync("Viewer");
        var html = await client.GetStringAsync($"/Proposals?q={Uri.EscapeDataString(query)}");
        Assert.Contains("CNHT-2023-02", Codes(html)); // "Đào tạo công nhân kỹ thuật hàn và gia công CNC …"
        Assert.All(Codes(html), code => Assert.StartsWith("CNHT-", code));
        Assert.DoesNotContain("CNHT-2020-01", Codes(html));
    }

    [Fact]
    public async Task Search_also_matches_the_code_and_every_word_must_appear()
    {
        var client = await portal.SignInAsAsync("Viewer");
        Assert.Equal(["CNHT-2019-01"], Codes(await client.GetStringAsync("/Proposals?q=cnht-2019")));
        Assert.Equal(["CNHT-2019-01"], Codes(await client.GetStringAsync("/Proposals?q=CNC+5+truc")));
        Assert.Empty(Codes(await client.GetStringAsync("/Proposals?q=dao+tao+robot")));
    }

    [Fact]
    public async Task Filters_narrow_the_register_and_the_footer_totals_the_whole_filtered_set()
    {
        var client = await portal.SignInAsAsync("DoitLeader");
        var groupId = await ReadAsync(portal, db => db.ContentGroups.Where(g => g.Code == "3" && g.Program.Code == "2018-2025").Select(g => g.Id).SingleAsync());
        var expected = await ReadAsync(portal, db => db.Proposals.Where(p => p.ContentItem.GroupId == groupId && p.Status == ProposalStatus.Settled)
            .Select(p => new { p.Code, Total = p.SettledTotalCost!.Value, Share = p.SettledProvincialShare!.Value }).ToListAsync());

        var html = await client.GetStringAsync($"/Proposals?program=2018-2025&content=g{groupId}&status=Settled");
        Assert.Equal(expected.Select(e => e.Code).Order(), Codes(html).Order());
        Assert.Equal(expected.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Figure(html, "total-count"));
        Assert.Equal(VnFormat.Million(expected.Sum(e => e.Total)), Figure(html, "total-cost"));
        Assert.Equal(VnFormat.Million(expected.Sum(e => e.Share)), Figure(html, "provincial-share"));

        var itemId = await ReadAsync(portal, db => db.ContentItems.Where(i => i.Code == "2.2").Select(i => i.Id).SingleAsync());
        Assert.Equal(["CNHT-2021-02", "CNHT-2023-02"], Codes(await client.GetStringAsync($"/Proposals?content=i{itemId}")));

        // A year filter keeps the proposals being carried out that year, multi-year ones included.
        var in2022 = await ReadAsync(portal, db => db.Proposals.Where(p => p.StartYear <= 2022 && p.EndYear >= 2022).Select(p => p.Code).ToListAsync());
        Assert.Equal(in2022.Order(), Codes(await client.GetStringAsync("/Proposals?year=2022")).Order());
        Assert.Contains("CNHT-2021-03", in2022); // 2021-2022

        var org = await ReadAsync(portal, db => db.Organizations.Where(o => o.Name == "Báo Nghệ An")
            .Select(o => new { o.Id, Codes = db.Proposals.Where(p => p.LeadOrganizationId == o.Id).Select(p => p.Code).ToList() }).SingleAsync());
        Assert.Single(org.Codes);
        Assert.Equal(org.Codes, Codes(await client.GetStringAsync($"/Proposals?org={org.Id}")));
    }

    [Fact]
    public async Task The_lead_unit_is_found_by_typed_words_with_or_without_diacritics_or_by_tax_code()
    {
        var client = await portal.SignInAsAsync("Viewer");
        var org = await ReadAsync(portal, db => db.Organizations.Where(o => o.Name == "Báo Nghệ An")
            .Select(o => new { o.Id, o.TaxCode, Codes = db.Proposals.Where(p => p.LeadOrganizationId == o.Id).Select(p => p.Code).ToList() }).SingleAsync());

        foreach (var typed in new[] { "Báo Nghệ An", "bao nghe an", "  BÁO   nghe  " })
        {
            var html = await client.GetStringAsync($"/Proposals?lead={Uri.EscapeDataString(typed)}");
            Assert.Equal(org.Codes.Order(), Codes(html).Order());
            Assert.Equal(org.Codes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Figure(html, "total-count"));
            // The typed words stay in the box and in the sorting and paging links.
            Assert.Contains($"value=\"{typed}\"", System.Net.WebUtility.HtmlDecode(html));
        }

        // Words of several units: each proposal whose lead unit's name has every word.
        var cnht = await ReadAsync(portal, db => db.Proposals.Where(p => p.LeadOrganization.Name.Contains("Công ty")).Select(p => p.Code).ToListAsync());
        Assert.NotEmpty(cnht);
        Assert.Equal(cnht.Order(), Codes(await client.GetStringAsync("/Proposals?lead=cong+ty")).Order());

        if (!string.IsNullOrEmpty(org.TaxCode))
        {
            Assert.Equal(org.Codes.Order(), Codes(await client.GetStringAsync($"/Proposals?lead={org.TaxCode}")).Order());
        }

        var none = await client.GetStringAsync("/Proposals?lead=khong+co+don+vi+nao+ten+nhu+vay");
        Assert.Empty(Codes(none));
        Assert.Contains("Không có đề án nào khớp với điều kiện lọc", none);

        // Chosen by id (the organization page's link): named above the list, with a link that drops it.
        var byId = await client.GetStringAsync($"/Proposals?org={org.Id}&status=Settled");
        Assert.Contains("Chỉ đề án do <strong>Báo Nghệ An</strong> chủ trì", byId);
        Assert.Contains("href=\"/Proposals?status=Settled\"", byId);
    }

    [Fact]
    public async Task The_unfiltered_register_totals_match_the_province_report()
    {
        var client = await portal.SignInAsAsync("Viewer");
        var html = await client.GetStringAsync("/Proposals?program=2018-2025&reset=false");
        var sampleCount = await ReadAsync(portal, db => db.Proposals.CountAsync(p => p.IsSample));
        Assert.Equal(23, sampleCount);
        var counted = await ReadAsync(portal, db => db.Proposals.Where(p => p.ProgramId == db.Programs.Single(pr => pr.Code == "2018-2025").Id)
            .Select(p => p.EffectiveTotalCost()).ToListAsync());
        Assert.Equal(VnFormat.Million(counted.Sum()), Figure(html, "total-cost"));
    }

    [Fact]
    public async Task Sorting_by_amount_is_numeric_and_clicking_again_reverses_it()
    {
        var client = await portal.SignInAsAsync("Viewer");
        // The sample proposals (other tests of this class add proposals with equal amounts).
        var codes = Codes(await client.GetStringAsync("/Proposals?q=cnht-20&sort=TotalCost&desc=true")).Where(c => c.StartsWith("CNHT-", StringComparison.Ordinal)).ToArray();
        var ascending = Codes(await client.GetStringAsync("/Proposals?q=cnht-20&sort=TotalCost")).Where(c => c.StartsWith("CNHT-", StringComparison.Ordinal)).ToArray();
        var byAmount = await ReadAsync(portal, db => db.Proposals.Where(p => p.IsSample).Select(p => new { p.Code, Amount = p.EffectiveTotalCost() }).ToListAsync());
        var expected = byAmount.OrderBy(p => p.Amount).Select(p => p.Code).ToArray();
        Assert.Equal(expected, ascending);
        Assert.Equal(expected.Reverse(), codes);
        Assert.Equal("CNHT-2019-01", codes[0]); // 5.200 triệu: text ordering would put 966 or 900 first
    }

    [Fact]
    public async Task The_register_pages_by_fifty_and_keeps_totals_of_every_page()
    {
        for (var i = 1; i <= 55; i++)
        {
            await InStatusAsync(portal, ProposalStatus.Draft, title: $"Phân trang kiểm thử số {i:00}", code: $"PAGE-{i:00}");
        }

        var client = await portal.SignInAsAsync("Viewer");
        var first = await client.GetStringAsync("/Proposals?q=phan+trang+kiem+thu");
        Assert.Equal(50, Codes(first).Length);
        Assert.Equal("55", Figure(first, "total-count"));
        Assert.Equal(VnFormat.Million(55 * 1_000_000_000m), Figure(first, "total-cost"));
        Assert.Contains("trang 1/2", Text(first));
        var second = await client.GetStringAsync("/Proposals?q=phan+trang+kiem+thu&page=2");
        Assert.Equal(["PAGE-51", "PAGE-52", "PAGE-53", "PAGE-54", "PAGE-55"], Codes(second));
        Assert.Equal("55", Figure(second, "total-count"));
    }

    [Fact]
    public async Task The_last_filters_are_remembered_until_cleared()
    {
        var client = await portal.SignInAsAsync("DoitSpecialist");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Proposals?status=Implementing&sort=Year")).StatusCode);
        var back = await client.GetAsync("/Proposals");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal("/Proposals?status=Implementing&sort=Year", back.Headers.Location!.OriginalString);

        var reset = await client.GetAsync("/Proposals?reset=true");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Proposals")).StatusCode);
    }

    [Fact]
    public async Task A_hand_made_query_with_a_value_that_does_not_parse_falls_back_to_the_plain_register()
    {
        var client = await portal.SignInAsAsync("Viewer");
        var response = await client.GetAsync("/Proposals?status=Bogus&year=abc");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Proposals", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("Admin", HttpStatusCode.Redirect)]
    [InlineData("Viewer", HttpStatusCode.OK)]
    [InlineData("SupportCenter", HttpStatusCode.OK)]
    public async Task The_register_is_for_business_roles(string role, HttpStatusCode expected)
    {
        var client = await portal.SignInAsAsync(role);
        Assert.Equal(expected, (await client.GetAsync("/Proposals?reset=false")).StatusCode);
    }

    [GeneratedRegex("<tr data-code=\"([^\"]+)\"")]
    private static partial Regex RowRegex();
}

/// <summary>Rows written before the search column existed get it filled when the portal migrates.</summary>
public sealed class SearchTextBackfillTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    [Fact]
    public async Task Start_up_fills_an_empty_search_column_so_old_rows_are_found()
    {
        await ReadAsync(portal, db => db.Database.ExecuteSqlRawAsync("UPDATE Proposals SET SearchText = ''; UPDATE Organizations SET SearchText = '';"));
        Assert.Equal(0, await ReadAsync(portal, db => db.Proposals.CountAsync(p => p.SearchText != "")));

        // The same initializer the portal runs on start.
        using (var scope = portal.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<NgheAn.CNHT.Infrastructure.Seeding.DatabaseInitializer>().MigrateAsync();
        }

        Assert.Equal(0, await ReadAsync(portal, db => db.Proposals.CountAsync(p => p.SearchText == "")));
        Assert.Equal(0, await ReadAsync(portal, db => db.Organizations.CountAsync(o => o.SearchText == "")));
        var client = await portal.SignInAsAsync("Viewer");
        Assert.Contains("CNHT-2023-02", await client.GetStringAsync("/Proposals?q=dao+tao"));
    }
}

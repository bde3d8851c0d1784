using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Outcomes;
using NgheAn.CNHT.IntegrationTests.Plans;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Outcomes;

/// <summary>Program outcomes (issue 19, ADR 0173): values with their source, disagreeing values of a year flagged, the trend chart.</summary>
public sealed class OutcomeTests
{
    [Fact]
    public async Task The_seeds_two_shares_of_industrial_output_are_flagged_and_a_new_disagreeing_value_is_flagged_too()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        await YearlyPlanTests.SeedPlansAsync(portal);

        var outcomes = (await portal.ScopedAsync(sp => sp.GetRequiredService<OutcomeQueries>().GetAsync("2026-2030")))!;
        var share = outcomes.Indicators.Single(i => i.Code == "TT");
        var conflict = Assert.Single(share.Conflicts);
        Assert.Equal(2025, conflict.Year);
        Assert.Equal([2.63m, 9.5m], conflict.Values.Select(v => v.Value).Order().ToArray());
        Assert.Null(share.Latest);
        Assert.Empty(outcomes.Indicators.Single(i => i.Code == "LD").Conflicts);
        Assert.Equal(1, outcomes.ConflictCount);

        var viewer = await portal.SignInAsAsync("Viewer");
        var html = await viewer.GetStringAsync("/Outcomes?program=2026-2030");
        var text = ProposalArrange.Text(html);
        Assert.Contains("Có 1 trường hợp số liệu vênh nhau", text);
        Assert.Contains("năm 2025: 9,5 % (nguồn:", text);
        Assert.Contains("2,63 %", text);
        Assert.Contains("<svg", html);
        Assert.Contains("data-conflict=\"true\"", html);

        // The specialist records 2026 enterprises twice, from two sources that disagree: both are kept, the year is flagged.
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var dn = outcomes.Indicators.Single(i => i.Code == "DN").Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (value, source) in new[] { ("90", "Cục Thống kê tỉnh Nghệ An"), ("96", "Khảo sát của Sở Công Thương") })
        {
            var post = await specialist.PostFormAsync("/Outcomes?program=2026-2030", new Dictionary<string, string>
            {
                ["Value.IndicatorId"] = dn, ["Value.Year"] = "2026", ["Value.Amount"] = value, ["Value.Source"] = source,
            }, "/Outcomes?program=2026-2030&handler=Value");
            Assert.True(post.StatusCode == HttpStatusCode.Redirect, ProposalArrange.Text(await post.Content.ReadAsStringAsync()));
        }

        // A value without its source is refused.
        var noSource = await specialist.PostFormAsync("/Outcomes?program=2026-2030", new Dictionary<string, string>
        {
            ["Value.IndicatorId"] = dn, ["Value.Year"] = "2027", ["Value.Amount"] = "97",
        }, "/Outcomes?program=2026-2030&handler=Value");
        Assert.Equal(HttpStatusCode.OK, noSource.StatusCode);
        Assert.Contains("Nguồn số liệu không được để trống", ProposalArrange.Text(await noSource.Content.ReadAsStringAsync()));

        var after = (await portal.ScopedAsync(sp => sp.GetRequiredService<OutcomeQueries>().GetAsync("2026-2030")))!;
        var enterprises = after.Indicators.Single(i => i.Code == "DN");
        Assert.Equal(3, enterprises.Values.Count);
        Assert.Equal(2026, Assert.Single(enterprises.Conflicts).Year);
        Assert.Equal(2, after.ConflictCount);

        var viewerPost = await viewer.PostFormAsync("/Outcomes?program=2026-2030", new Dictionary<string, string> { ["Value.IndicatorId"] = dn }, "/Outcomes?program=2026-2030&handler=Value");
        Assert.StartsWith("/Account/AccessDenied", viewerPost.Headers.Location!.PathAndQuery);
    }
}

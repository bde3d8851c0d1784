using System.Net;
using NgheAn.CNHT.IntegrationTests.Enterprises;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.SupportRules;

/// <summary>
/// The Support Center sees the support rules checked on an online application before accepting it (issue 18 on the
/// application of issue 16): the same checker as the proposal page, on the application's figures.
/// </summary>
public sealed class ApplicationRulesPanelTests(EnterprisePortal portal) : IClassFixture<EnterprisePortal>
{
    [Fact]
    public async Task An_application_asking_80_percent_under_a_70_percent_cap_shows_the_violation_at_intake()
    {
        await SupportRuleArrange.InForceAsync(portal);
        var (_, itemA, _) = await portal.OpenCallAsync();
        var (enterprise, _, _) = await portal.EnterpriseAsync();
        var created = await enterprise.PostFormAsync($"/Applications/Create?callItemId={itemA}",
            EnterprisePortal.ApplicationFields(itemA, "Đề án xin hỗ trợ 80%", support: "80.000.000", counterpart: "20.000.000"), "/Applications/Create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(System.Text.RegularExpressions.Regex.Match(created.Headers.Location!.OriginalString, @"/Applications/Details/(\d+)").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
        await EnterprisePortal.UploadChecklistAsync(enterprise, id);
        Assert.Equal(HttpStatusCode.Redirect, (await EnterprisePortal.PostHandlerAsync(enterprise, $"/Applications/Details/{id}", "Submit")).StatusCode);

        var center = await portal.SignInAsAsync("SupportCenter");
        var page = ProposalArrange.Text(await center.GetStringAsync($"/Intake/Details/{id}"));

        Assert.Contains("Định mức hỗ trợ", page, StringComparison.Ordinal);
        Assert.Contains("vượt mức tối đa 70%", page, StringComparison.Ordinal);
        Assert.Contains("80.000.000", page, StringComparison.Ordinal);
    }
}

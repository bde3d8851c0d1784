using System.Net;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Web;

/// <summary>List pages come back as the user left them: the ledger, the lead units and the audit trail (the register already did).</summary>
public sealed class RememberedFilterTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    [Theory]
    [InlineData("Viewer", "/Disbursements", "?program=2018-2025&year=2024&source=ProvincialBudget")]
    [InlineData("Viewer", "/Organizations", "?q=co%20khi&kind=SupportingIndustryEnterprise")]
    [InlineData("DoitLeader", "/Audit", "?entity=Proposal&key=1")]
    public async Task Opening_a_list_from_the_menu_brings_back_its_last_filters_until_they_are_cleared(string role, string page, string filters)
    {
        var client = await portal.SignInAsAsync(role);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page + filters + "&page=2")).StatusCode);
        var back = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(page + filters, back.Headers.Location!.OriginalString);

        var reset = await client.GetAsync(page + "?reset=true");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(page, reset.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task A_tampered_filter_cookie_never_redirects_off_the_page()
    {
        var client = await portal.SignInAsAsync("Viewer");
        var request = new HttpRequestMessage(HttpMethod.Get, "/Disbursements");
        request.Headers.Add("Cookie", "cnht.ledger.filter=%2F%2Fevil.example%2F");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }
}

using NgheAn.CNHT.BrowserTests.Support;

namespace NgheAn.CNHT.BrowserTests;

/// <summary>A portal of its own that no other journey touches: the sample data's figures exactly as the province's report.</summary>
[CollectionDefinition(Name)]
public sealed class FreshDemoCollection : ICollectionFixture<BrowserPortal>
{
    public const string Name = "fresh demo";
}

[Collection(FreshDemoCollection.Name)]
public sealed class FreshDemoTests(BrowserPortal portal)
{
    [Fact]
    public async Task A_viewer_signs_in_and_sees_27_247_993_and_5_500_342_on_the_home_page()
    {
        var (context, page, problems) = await portal.NewPageAsync();
        await using var _ = context;
        await portal.SignInAsync(page, "xem@cnht.demo");
        Assert.Equal("27.247,993", (await page.Locator("[data-figure=total-cost]").InnerTextAsync()).Trim());
        Assert.Equal("5.500,342", (await page.Locator("[data-figure=provincial-share]").InnerTextAsync()).Trim());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

using Microsoft.Playwright;
using NgheAn.CNHT.BrowserTests.Support;

namespace NgheAn.CNHT.BrowserTests.Geography;

/// <summary>Issue 24 (8): the organization form offers the communes and wards of the map in force; the former district is history.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdministrativeMapFormTests(BrowserPortal portal)
{
    [Fact]
    public async Task A_specialist_chooses_a_commune_on_the_organization_form_and_the_former_district_is_not_editable()
    {
        var (context, page, problems) = await portal.NewPageAsync();
        await using var _ = context;
        await portal.SignInAsync(page, "chuyenvien@cnht.demo");
        await page.GotoAsync("/Organizations/Create");
        var commune = page.Locator("#Input_CommuneCode");
        await Assertions.Expect(commune.Locator("optgroup[label='Phường'] option")).ToHaveCountAsync(11);
        await Assertions.Expect(commune.Locator("optgroup[label='Xã'] option")).ToHaveCountAsync(119);
        await Assertions.Expect(page.Locator("[name='Input.District']")).ToHaveCountAsync(0);

        await page.Locator("#Input_Name").FillAsync("Trung tâm Khuyến công Con Cuông (kiểm thử bản đồ hành chính)");
        await page.Locator("#Input_Kind").SelectOptionAsync(new SelectOptionValue { Label = "Trung tâm, đơn vị sự nghiệp" });
        await commune.SelectOptionAsync(new SelectOptionValue { Label = "Xã Con Cuông" });
        await Ui.AssertAccessibleAsync(page, "organization-commune");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();

        await Assertions.Expect(page.Locator("#commune")).ToHaveTextAsync("Xã Con Cuông");
        await Assertions.Expect(page.Locator("#former-district")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sửa thông tin" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Input_CommuneCode option:checked")).ToHaveTextAsync("Xã Con Cuông");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

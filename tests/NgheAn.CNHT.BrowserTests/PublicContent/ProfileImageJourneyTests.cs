using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NgheAn.CNHT.BrowserTests.Sourcing;
using NgheAn.CNHT.BrowserTests.Support;
using NgheAn.CNHT.Infrastructure.Suppliers;

namespace NgheAn.CNHT.BrowserTests.PublicContent;

/// <summary>
/// Logos in Chromium, desktop and 390-px phone: the generated demo logos decode and show on directory cards and on the
/// profile (ADR 0207); an image above the page's limit comes back with the Vietnamese message next to its file field,
/// nothing saved (ADR 0208).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProfileImageJourneyTests(BrowserPortal portal)
{
    [Theory]
    [InlineData(Ui.DesktopWidth)]
    [InlineData(Ui.PhoneWidth)]
    public async Task The_demo_logos_show_on_the_directory_cards_and_the_profile(int width)
    {
        await portal.Factory.ScopedAsync(sp => sp.GetRequiredService<DirectoryDemoSeeder>().SeedAsync());
        var (context, page, problems) = await portal.NewPageAsync(width, width == Ui.PhoneWidth ? Ui.PhoneHeight : Ui.DesktopHeight);
        await using var _ = context;

        // The first eight demo enterprises (the "Hồng Lam" house, one per sector) all carry a logo.
        await page.GotoAsync("/danh-ba?q=hong+lam");
        var logos = page.Locator(".directory-card", new() { HasText = "Hồng Lam (mẫu)" }).Locator("img.directory-logo");
        await Assertions.Expect(logos).ToHaveCountAsync(8);
        for (var i = 0; i < 8; i++)
        {
            await logos.Nth(i).ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(logos.Nth(i)).ToHaveJSPropertyAsync("naturalWidth", 128);
        }

        await Ui.AssertAccessibleAsync(page, $"logos-directory-{width}");
        await Ui.AssertFitsPhoneAsync(page, $"logos-directory-{width}");
        await Ui.ShotAsync(page, $"logos-directory-{width}.png");

        await page.Locator(".directory-card", new() { HasText = "Hồng Lam (mẫu)" }).First.Locator("h2 a").ClickAsync();
        var logo = page.Locator("img.supplier-logo");
        await Assertions.Expect(logo).ToHaveJSPropertyAsync("naturalWidth", 128);
        Assert.StartsWith("Logo", await logo.GetAttributeAsync("alt"));
        await Ui.AssertAccessibleAsync(page, $"logos-profile-{width}");
        await Ui.AssertFitsPhoneAsync(page, $"logos-profile-{width}");
        await Ui.ShotAsync(page, $"logos-profile-{width}.png");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData(Ui.DesktopWidth)]
    [InlineData(Ui.PhoneWidth)]
    public async Task A_photo_above_the_limit_comes_back_with_the_message_next_to_its_field_and_nothing_saved(int width)
    {
        var (email, organizationId) = await SourcingArrange.EnterpriseAsync(portal, $"Công ty Ảnh Lớn {width} (kiểm thử)");
        await SourcingArrange.PublishAsync(portal, organizationId, $"Công ty Ảnh Lớn {width}", ["co-khi"], ["cnc"], [], verified: false);
        var (context, page, problems) = await portal.NewPageAsync(width, width == Ui.PhoneWidth ? Ui.PhoneHeight : Ui.DesktopHeight);
        await using var _ = context;
        await portal.SignInAsync(page, email);
        await page.GotoAsync("/DoanhNghiep/HoSo");

        // A 5 MB camera photo: more than the page takes (3 MB a photo).
        var big = new byte[5 * 1024 * 1024];
        new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }.CopyTo(big, 0);
        await page.Locator("#photo-file").SetInputFilesAsync(new FilePayload { Name = "anh-xuong.jpg", MimeType = "image/jpeg", Buffer = big });
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm ảnh", Exact = true }).ClickAsync();
        await page.WaitForPageAsync(url => url.Contains("loi=anh-qua-lon", StringComparison.Ordinal));
        var message = page.Locator("#photo-file-error");
        await Assertions.Expect(message).ToContainTextAsync("Ảnh vượt quá dung lượng cho phép (tối đa 3 MB mỗi ảnh).");
        await Assertions.Expect(message).ToContainTextAsync("Tệp chưa được lưu");
        await Assertions.Expect(page.Locator("#photo-file")).ToHaveAttributeAsync("aria-describedby", "photo-file-error");
        await Assertions.Expect(page.Locator("#profile-images figure")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#profile-state")).Not.ToContainTextAsync("Có thay đổi đang chờ Sở duyệt");
        await Ui.AssertAccessibleAsync(page, $"image-too-large-{width}");
        if (width == Ui.PhoneWidth)
        {
            await Ui.AssertFitsPhoneAsync(page, $"image-too-large-{width}");
        }

        await Ui.ShotAsync(page, $"image-too-large-{width}.png");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

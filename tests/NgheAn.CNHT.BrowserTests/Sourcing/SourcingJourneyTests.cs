using Microsoft.Playwright;
using NgheAn.CNHT.BrowserTests.Support;

namespace NgheAn.CNHT.BrowserTests.Sourcing;

/// <summary>
/// Issue 17 in Chromium, desktop and 390-px phone: a buyer posts a sourcing request and sees the ranked suppliers with
/// the reasons in Vietnamese (ADR 0186); an enterprise edits its directory profile and the public page changes only
/// after a DOIT specialist approves (ADR 0182). axe-core finds nothing serious on the new pages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SourcingJourneyTests(BrowserPortal portal)
{
    [Theory]
    [InlineData(Ui.DesktopWidth)]
    [InlineData(Ui.PhoneWidth)]
    public async Task A_buyer_posts_a_request_and_sees_ranked_suppliers_with_reasons(int width)
    {
        var (buyerEmail, _) = await SourcingArrange.EnterpriseAsync(portal, $"Công ty Lắp Ráp Bên Mua {width} (kiểm thử)");
        var (_, supplierOrg) = await SourcingArrange.EnterpriseAsync(portal, $"An Bình Cơ Khí {width} (kiểm thử)");
        await SourcingArrange.PublishAsync(portal, supplierOrg, $"An Bình Cơ Khí Chính Xác {width}", ["co-khi"], ["cnc", "han"], ["iso-9001"], verified: true);
        var (context, page, problems) = await portal.NewPageAsync(width, width == Ui.PhoneWidth ? Ui.PhoneHeight : Ui.DesktopHeight);
        await using var _ = context;
        var name = $"sourcing-{width}";
        await portal.SignInAsync(page, buyerEmail);

        await page.GotoAsync("/DoanhNghiep/NhuCau");
        await Ui.AssertAccessibleAsync(page, name + "-list");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhu cầu mới" }).ClickAsync();
        await page.WaitForPageAsync(url => url.Contains("/DoanhNghiep/NhuCau/Tao", StringComparison.Ordinal));
        await page.GetByLabel("Sản phẩm, dịch vụ cần tìm").FillAsync($"Trục bánh răng gia công CNC {width}");
        await page.GetByLabel("Lĩnh vực").SelectOptionAsync("co-khi");
        await page.GetByLabel("Công đoạn sản xuất (nếu cần)").SelectOptionAsync("cnc");
        await page.GetByLabel("Chứng nhận yêu cầu (nếu có)").SelectOptionAsync("iso-9001");
        await page.GetByLabel("Số lượng, sản lượng").FillAsync("3.000 chi tiết/tháng");
        await page.GetByLabel("Hạn cần hàng").FillAsync(SourcingArrange.Today.AddDays(45).ToString("yyyy-MM-dd"));
        await Ui.AssertAccessibleAsync(page, name + "-form");
        if (width == Ui.PhoneWidth)
        {
            await Ui.AssertFitsPhoneAsync(page, name + "-form");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhu cầu" }).ClickAsync();
        await page.WaitForPageAsync(url => url.Contains("/DoanhNghiep/NhuCau/ChiTiet/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Trục bánh răng gia công CNC {width}");

        // The best match first, with the reasons in Vietnamese.
        var first = page.Locator(".ranked-supplier").First;
        await Assertions.Expect(first).ToContainTextAsync($"An Bình Cơ Khí Chính Xác {width}");
        await Assertions.Expect(first).ToContainTextAsync("Đáp ứng đủ tiêu chí");
        await Assertions.Expect(first.Locator(".match-reason")).ToHaveTextAsync(
            "Cùng ngành: Linh kiện cơ khí; có quy trình: Gia công CNC; chứng nhận ISO 9001 còn hiệu lực; đã được Sở Công Thương xác nhận năng lực");
        await Assertions.Expect(page.Locator("#ranking-summary")).ToContainTextAsync("đáp ứng đủ tiêu chí");
        await Ui.AssertAccessibleAsync(page, name + "-ranking");
        if (width == Ui.PhoneWidth)
        {
            await Ui.AssertFitsPhoneAsync(page, name + "-ranking");
        }

        await Ui.ShotAsync(page, name + "-ranking.png");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData(Ui.DesktopWidth)]
    [InlineData(Ui.PhoneWidth)]
    public async Task An_edited_profile_appears_publicly_only_after_a_specialist_approves_it(int width)
    {
        var (email, organizationId) = await SourcingArrange.EnterpriseAsync(portal, $"Công ty Nhựa Sửa Hồ Sơ {width} (kiểm thử)");
        var slug = await SourcingArrange.PublishAsync(portal, organizationId, $"Công ty Nhựa Sửa Hồ Sơ {width}", ["nhua-cao-su"], ["ep-nhua"], [], verified: false);
        var newProducts = $"Khay nhựa kỹ thuật mới {width} {Guid.NewGuid():N}"[..40];
        var height = width == Ui.PhoneWidth ? Ui.PhoneHeight : Ui.DesktopHeight;

        // The enterprise edits its products and sends the change.
        var (enterpriseContext, enterprise, problems) = await portal.NewPageAsync(width, height);
        await using var _ = enterpriseContext;
        await portal.SignInAsync(enterprise, email);
        await enterprise.GotoAsync("/DoanhNghiep/HoSo");
        await enterprise.GetByLabel("Sản phẩm (tiếng Việt)").FillAsync(newProducts);
        await enterprise.Locator("form.profile-form button[type=submit]").ClickAsync();
        await Assertions.Expect(enterprise.Locator("#profile-state")).ToContainTextAsync("Có thay đổi đang chờ Sở duyệt");

        // A visitor still sees the approved products.
        var (visitorContext, visitor, visitorProblems) = await portal.NewPageAsync(width, height);
        await using var __ = visitorContext;
        await visitor.GotoAsync($"/danh-ba/{slug}");
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync($"Công ty Nhựa Sửa Hồ Sơ {width}");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("Sản phẩm ban đầu đã duyệt");
        await Assertions.Expect(visitor.Locator("main")).Not.ToContainTextAsync(newProducts);

        // The specialist opens the queue, reads the diff and approves (after a confirmation).
        var (specialistContext, specialist, specialistProblems) = await portal.NewPageAsync(width, height);
        await using var ___ = specialistContext;
        await portal.SignInAsync(specialist, "chuyenvien@cnht.demo");
        await specialist.GotoAsync("/Directory");
        await specialist.Locator("tr", new() { HasText = $"Công ty Nhựa Sửa Hồ Sơ {width} (kiểm thử)" }).GetByRole(AriaRole.Link, new() { Name = "Xem và duyệt" }).ClickAsync();
        await Assertions.Expect(specialist.Locator("main")).ToContainTextAsync(newProducts);
        await Ui.AssertAccessibleAsync(specialist, $"profile-review-{width}");
        specialist.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Duyệt và công khai" }).ClickAsync();
        await specialist.WaitForPageAsync(url => url.EndsWith("/Directory", StringComparison.Ordinal) || url.Contains("/Directory?", StringComparison.Ordinal) || url.EndsWith("/Directory/Index", StringComparison.Ordinal));

        // Now the public page shows the new products.
        await visitor.ReloadAsync();
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync(newProducts);
        await Ui.AssertAccessibleAsync(visitor, $"profile-approved-{width}");
        await Ui.ShotAsync(visitor, $"profile-approved-{width}.png");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(visitorProblems.Count == 0, string.Join("\n", visitorProblems));
        Assert.True(specialistProblems.Count == 0, string.Join("\n", specialistProblems));
    }
    [Theory]
    [InlineData(Ui.DesktopWidth)]
    [InlineData(Ui.PhoneWidth)]
    public async Task A_supplier_expresses_interest_and_the_department_sees_it_in_the_linkage_figures(int width)
    {
        var (buyerEmail, _) = await SourcingArrange.EnterpriseAsync(portal, $"Công ty Điện Tử Bên Mua {width} (kiểm thử)");
        var (supplierEmail, supplierOrg) = await SourcingArrange.EnterpriseAsync(portal, $"Công ty Nhựa Nhà Cung Ứng {width} (kiểm thử)");
        await SourcingArrange.PublishAsync(portal, supplierOrg, $"Công ty Nhựa Nhà Cung Ứng {width}", ["nhua-cao-su"], ["ep-nhua"], ["iso-14001"], verified: false);
        var height = width == Ui.PhoneWidth ? Ui.PhoneHeight : Ui.DesktopHeight;
        var title = $"Vỏ nhựa bộ điều khiển {width} {Guid.NewGuid():N}"[..36];

        var (buyerContext, buyer, problems) = await portal.NewPageAsync(width, height);
        await using var _ = buyerContext;
        await portal.SignInAsync(buyer, buyerEmail);
        await buyer.GotoAsync("/DoanhNghiep/NhuCau/Tao");
        await buyer.GetByLabel("Sản phẩm, dịch vụ cần tìm").FillAsync(title);
        await buyer.GetByLabel("Lĩnh vực").SelectOptionAsync("nhua-cao-su");
        await buyer.GetByLabel("Công đoạn sản xuất (nếu cần)").SelectOptionAsync("ep-nhua");
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Đăng nhu cầu" }).ClickAsync();
        await buyer.WaitForPageAsync(url => url.Contains("/DoanhNghiep/NhuCau/ChiTiet/", StringComparison.Ordinal));
        var requestUrl = buyer.Url;

        // The supplier finds it among the requests matching its profile and says it is interested.
        var (supplierContext, supplier, supplierProblems) = await portal.NewPageAsync(width, height);
        await using var __ = supplierContext;
        await portal.SignInAsync(supplier, supplierEmail);
        await supplier.GotoAsync("/DoanhNghiep/NhuCau/CoHoi");
        var card = supplier.Locator(".opportunity", new() { HasText = title });
        await Assertions.Expect(card.Locator(".match-reason")).ToContainTextAsync("Cùng ngành: Nhựa – cao su; có quy trình: Ép nhựa");
        await Ui.AssertAccessibleAsync(supplier, $"sourcing-opportunities-{width}");
        if (width == Ui.PhoneWidth)
        {
            await Ui.AssertFitsPhoneAsync(supplier, $"sourcing-opportunities-{width}");
        }

        await card.GetByLabel("Lời nhắn gửi bên mua (không bắt buộc)").FillAsync("Chúng tôi có máy ép 250 tấn.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Bày tỏ quan tâm" }).ClickAsync();
        await Assertions.Expect(supplier.Locator(".opportunity", new() { HasText = title })).ToContainTextAsync("Doanh nghiệp đã bày tỏ quan tâm");
        await Assertions.Expect(supplier.Locator("#my-interests")).ToContainTextAsync(title);

        // The buyer sees the interest.
        await buyer.GotoAsync(requestUrl);
        await Assertions.Expect(buyer.Locator("#interests")).ToContainTextAsync($"Công ty Nhựa Nhà Cung Ứng {width} (kiểm thử)");
        await Assertions.Expect(buyer.Locator("#interests")).ToContainTextAsync("Chúng tôi có máy ép 250 tấn.");

        // The department reads the linkage figures and the request.
        var (specialistContext, specialist, specialistProblems) = await portal.NewPageAsync(width, height);
        await using var ___ = specialistContext;
        await portal.SignInAsync(specialist, "chuyenvien@cnht.demo");
        await specialist.GotoAsync("/Sourcing");
        await Assertions.Expect(specialist.Locator("#linkage-stats")).ToContainTextAsync(SourcingArrange.Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Ui.AssertAccessibleAsync(specialist, $"sourcing-statistics-{width}");
        if (width == Ui.PhoneWidth)
        {
            await Ui.AssertFitsPhoneAsync(specialist, $"sourcing-statistics-{width}");
        }

        await Ui.ShotAsync(specialist, $"sourcing-statistics-{width}.png");
        await specialist.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(specialist.Locator("#interests")).ToContainTextAsync("Chúng tôi có máy ép 250 tấn.");
        await Ui.AssertAccessibleAsync(specialist, $"sourcing-details-{width}");
        await specialist.GotoAsync("/Sourcing/Create");
        await Ui.AssertAccessibleAsync(specialist, $"sourcing-create-{width}");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(supplierProblems.Count == 0, string.Join("\n", supplierProblems));
        Assert.True(specialistProblems.Count == 0, string.Join("\n", specialistProblems));
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NgheAn.CNHT.BrowserTests.Support;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Calls;
using NgheAn.CNHT.Domain.Catalog;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Enterprises;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Infrastructure.Identity;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Plans;
using NgheAn.CNHT.Infrastructure.Seeding;

namespace NgheAn.CNHT.BrowserTests;

/// <summary>
/// Issue 19 (ADR 0178) on a 390-px phone: a verified enterprise fills the application form of a 2026-2030 item with its
/// expected outputs per indicator; a mistake is named under its row; the saved application lists the outputs.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApplicationOutputsJourneyTests(BrowserPortal portal)
{
    private async Task<(int CallItemId, string Email)> ArrangeAsync()
    {
        using var scope = portal.Factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ProgramPlanDemoSeeder>().SeedAsync();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var center = new Actor("trungtam@cnht.demo", "Trung tâm", new HashSet<string> { Roles.SupportCenter });
        var program = await db.Programs.Include(p => p.Groups).ThenInclude(g => g.Items).SingleAsync(p => p.Code == "2026-2030");
        if (program.Status == ProgramStatus.Draft)
        {
            program.Activate("Giá trị minh họa (kiểm thử trình duyệt)");
        }

        var item = program.Groups.SelectMany(g => g.Items).Single(i => i.Code == "1.2");
        var now = DateTime.UtcNow;
        var call = new CallForApplications(program.Id, program.Period, new CallDetails("Thông báo 2026 có chỉ tiêu đầu ra (kiểm thử trình duyệt)", 2026,
            now.AddHours(-1), now.AddDays(10), "Nêu kết quả dự kiến theo chỉ tiêu.", "Trung tâm"));
        call.OpenItem(item.Id, "Đơn đề nghị hỗ trợ");
        call.Publish(center, now);
        db.Calls.Add(call);

        var email = $"cs-{Guid.NewGuid():N}"[..13] + "@trinhduyet.vn";
        var org = Organization.RegisteredOnline("Công ty TNHH Điện tử Chỉ Tiêu", DemoDataSeeder.WithCheckDigit((600000000 + Random.Shared.Next(1, 99999999)).ToString(System.Globalization.CultureInfo.InvariantCulture)), null, "Người liên hệ", null, email);
        db.Organizations.Add(org);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Phan Thị Chỉ Tiêu", CreatedAt = now };
        Assert.True((await users.CreateAsync(user, UserSeeder.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Enterprise)).Succeeded);
        var file = new DossierFile(org.Id, "dkdn.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray(), Actor.System, now);
        db.DossierFiles.Add(file);
        await db.SaveChangesAsync();
        var member = new EnterpriseMember(user.Id, email, org.Id, "Phan Thị Chỉ Tiêu", null, null, null);
        member.AttachCertificate(file.Id);
        member.Verify(center, now);
        org.MarkVerified();
        db.EnterpriseMembers.Add(member);
        await db.SaveChangesAsync();
        return (call.Items.Single().Id, email);
    }

    [Fact]
    public async Task On_a_phone_an_enterprise_states_expected_outputs_per_indicator_and_sees_them_on_its_application()
    {
        var (callItemId, email) = await ArrangeAsync();
        var (context, page, problems) = await portal.NewPageAsync(Ui.PhoneWidth, Ui.PhoneHeight);
        await using var _ = context;
        await portal.SignInAsync(page, email);
        await page.GotoAsync($"/Applications/Create?callItemId={callItemId}");
        await Assertions.Expect(page.Locator("#expected-outputs")).ToContainTextAsync("Kết nối nhà cung ứng – khách hàng");
        await page.GetByLabel("Tên đề án").FillAsync("Kết nối cung ứng linh kiện cho doanh nghiệp FDI");
        await page.GetByLabel("Năm bắt đầu").FillAsync("2026");
        await page.GetByLabel("Năm kết thúc").FillAsync("2026");
        await page.GetByLabel("Dòng 1: nội dung chi").FillAsync("Tổ chức gặp gỡ nhà cung ứng");
        await page.GetByLabel("Dòng 1: đơn vị tính").FillAsync("buổi");
        await page.GetByLabel("Dòng 1: số lượng").FillAsync("2");
        await page.GetByLabel("Dòng 1: đơn giá").FillAsync("50.000.000");
        await page.GetByLabel("Kinh phí đề nghị hỗ trợ (đồng)").FillAsync("60.000.000");
        await page.GetByLabel("Vốn đối ứng của doanh nghiệp (đồng)").FillAsync("40.000.000");
        await page.GetByLabel("Doanh nghiệp được hỗ trợ", new() { Exact = true }).FillAsync("12");
        await page.GetByLabel("Kết nối nhà cung ứng – khách hàng", new() { Exact = true }).FillAsync("2,5");
        await Ui.AssertFitsPhoneAsync(page, "application form with expected outputs");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu hồ sơ nháp" }).ClickAsync();

        // A fraction is named under its row; the other values are kept.
        await Assertions.Expect(page.Locator("#expected-outputs")).ToContainTextAsync("Kết quả dự kiến «Kết nối nhà cung ứng – khách hàng» (kết nối) phải là số nguyên không âm.");
        await Assertions.Expect(page.GetByLabel("Doanh nghiệp được hỗ trợ", new() { Exact = true })).ToHaveValueAsync("12");
        await Ui.AssertFitsPhoneAsync(page, "application form with an output mistake");
        await page.GetByLabel("Kết nối nhà cung ứng – khách hàng", new() { Exact = true }).FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu hồ sơ nháp" }).ClickAsync();

        await Assertions.Expect(page.Locator("#application-outputs")).ToContainTextAsync("Doanh nghiệp được hỗ trợ: 12 doanh nghiệp");
        await Assertions.Expect(page.Locator("#application-outputs")).ToContainTextAsync("Kết nối nhà cung ứng – khách hàng: 3 kết nối");
        await Ui.AssertFitsPhoneAsync(page, "application with expected outputs");
        await Ui.ShotAsync(page, "enterprise-10-expected-outputs-390.png");
        Assert.Empty(problems);
    }
}

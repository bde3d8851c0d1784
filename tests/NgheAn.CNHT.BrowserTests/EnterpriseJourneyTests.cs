using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.BrowserTests.Support;
using NgheAn.CNHT.Domain.Calls;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Seeding;

namespace NgheAn.CNHT.BrowserTests;

/// <summary>
/// Issue 16's journey in Chromium at 1366 px and at a 390-px phone: an enterprise registers, confirms its e-mail, is
/// verified by the Support Center, applies to the open call with files, is asked for a supplement and supplies it,
/// is accepted into a proposal which the leader approves, and then sees the approved amounts and its timeline.
/// The screenshots (enterprise-*.png) illustrate docs/huong-dan-doanh-nghiep.md.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EnterpriseJourneyTests(BrowserPortal portal)
{
    private static readonly byte[] Pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static FilePayload File(string name) => new() { Name = name, MimeType = "application/pdf", Buffer = Pdf };

    private static async Task ConfirmedAsync(IPage page, Func<Task> click)
    {
        string? asked = null;
        void Accept(object? sender, IDialog dialog)
        {
            asked = dialog.Message;
            _ = dialog.AcceptAsync();
        }

        page.Dialog += Accept;
        await click();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        page.Dialog -= Accept;
        Assert.False(string.IsNullOrEmpty(asked), "the step asks for confirmation first");
    }

    /// <summary>Screenshots at both widths; at phone width first names any element wider than the phone (outside a scrolling container).</summary>
    private static async Task ShotsAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(Ui.PhoneWidth, Ui.PhoneHeight);
        var wide = await page.EvaluateAsync<string>(@"() => {
            const w = window.innerWidth; const out = [];
            for (const e of document.querySelectorAll('body *')) {
                const r = e.getBoundingClientRect();
                if (r.right <= w + 1 || r.width === 0) continue;
                let p = e.parentElement, inside = false;
                while (p) { const s = getComputedStyle(p).overflowX; if (s === 'auto' || s === 'scroll' || s === 'hidden') { inside = true; break; } p = p.parentElement; }
                if (!inside) out.push(e.tagName + '#' + e.id + '.' + e.className + ' → ' + Math.round(r.right) + 'px');
            }
            return out.slice(0, 8).join('\n'); }");
        Assert.True(wide.Length == 0, $"{name}: wider than a phone:\n{wide}");
        await Ui.ShotsAsync(page, name);
    }

    private async Task<int> OpenCallAsync() => await portal.Factory.ScopedAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var program = await db.Programs.SingleAsync(p => p.Code == "2018-2025");
        var item = await db.ContentItems.Where(i => i.Group.ProgramId == program.Id && i.Code == "3.3").Select(i => i.Id).SingleAsync();
        var now = DateTime.UtcNow;
        var call = new CallForApplications(program.Id, program.Period, new CallDetails("Thông báo tiếp nhận hồ sơ đề nghị hỗ trợ (kiểm thử trình duyệt)", 2025,
            now.AddHours(-1), now.AddDays(20), "Lập hồ sơ trực tuyến, tải lên đủ giấy tờ theo danh mục và nộp trước thời điểm kết thúc.", "Trung tâm Hỗ trợ và Tư vấn phát triển Công Thương"));
        call.OpenItem(item, "Đơn đề nghị hỗ trợ\nThuyết minh đề án");
        call.Publish(new NgheAn.CNHT.Domain.Common.Actor("trungtam@cnht.demo", "Trung tâm", new HashSet<string> { NgheAn.CNHT.Domain.Roles.SupportCenter }), now);
        db.Calls.Add(call);
        await db.SaveChangesAsync();
        return call.Id;
    });

    /// <summary>Runs an application service as a signed-in user of a role (the real IHttpContextAccessor carries the principal).</summary>
    private async Task AsAsync(string userName, string role, Func<IServiceProvider, Task> work)
    {
        using var scope = portal.Factory.Services.CreateScope();
        var accessor = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>();
        accessor.HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                [new(System.Security.Claims.ClaimTypes.Name, userName), new(System.Security.Claims.ClaimTypes.Role, role)], "Test")),
        };
        try
        {
            await work(scope.ServiceProvider);
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    [Fact]
    public async Task An_enterprise_registers_is_verified_applies_supplies_a_supplement_and_sees_its_approved_proposal()
    {
        var callId = await OpenCallAsync();
        var email = $"dn-{Guid.NewGuid():N}"[..14] + "@trinhduyet.vn";
        var taxCode = DemoDataSeeder.WithCheckDigit((500000000 + Random.Shared.Next(1, 99999999)).ToString(System.Globalization.CultureInfo.InvariantCulture));

        // 1. Anonymous: the open calls, then registration.
        var (enterpriseContext, enterprise, enterpriseProblems) = await portal.NewPageAsync();
        await using var _ = enterpriseContext;
        await enterprise.GotoAsync("/Calls");
        await Assertions.Expect(enterprise.Locator("#open-calls")).ToContainTextAsync("kiểm thử trình duyệt");
        await ShotsAsync(enterprise, "enterprise-01-calls");
        await enterprise.GotoAsync("/DoanhNghiep/DangKy");
        await enterprise.GetByLabel("Mã số thuế (MST)").FillAsync(taxCode);
        await enterprise.GetByLabel("Tên doanh nghiệp").FillAsync("Công ty TNHH Cơ khí Trình Duyệt");
        await enterprise.GetByLabel("Địa chỉ (xã/phường, tỉnh)").FillAsync("Phường Trường Vinh, tỉnh Nghệ An");
        await enterprise.GetByLabel("Người đại diện theo pháp luật").FillAsync("Nguyễn Văn Đại");
        await enterprise.GetByLabel("Họ tên người liên hệ (người dùng tài khoản)").FillAsync("Lê Thị Liên");
        await enterprise.GetByLabel("Số điện thoại").FillAsync("0912 345 678");
        await enterprise.GetByLabel("Thư điện tử (tên đăng nhập)").FillAsync(email);
        await enterprise.Locator("#Input_Password").FillAsync(UserSeeder.DemoPassword);
        await enterprise.Locator("#Input_ConfirmPassword").FillAsync(UserSeeder.DemoPassword);
        await ShotsAsync(enterprise, "enterprise-02-register");
        await enterprise.GetByRole(AriaRole.Button, new() { Name = "Đăng ký" }).ClickAsync();
        await Assertions.Expect(enterprise.Locator("#registration-done")).ToContainTextAsync("Đã nhận đăng ký");

        // 2. The confirmation link, read from the test outbox (no mail server here).
        await enterprise.GotoAsync($"/DoanhNghiep/HopThu?email={Uri.EscapeDataString(email)}");
        await ShotsAsync(enterprise, "enterprise-03-outbox");
        await enterprise.Locator("a.outbox-link").First.ClickAsync();
        await Assertions.Expect(enterprise.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã xác nhận thư điện tử");

        // 3. Sign in; upload the business registration certificate.
        await portal.SignInAsync(enterprise, email);
        await Assertions.Expect(enterprise.Locator("#member-status")).ToHaveTextAsync("Chờ xác minh");
        await enterprise.Locator("#Certificate").SetInputFilesAsync(File("giay-chung-nhan-dkdn.pdf"));
        await enterprise.GetByRole(AriaRole.Button, new() { Name = "Tải lên để xác minh" }).ClickAsync();
        await Assertions.Expect(enterprise.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã tải lên giấy chứng nhận");
        await Ui.AssertAccessibleAsync(enterprise, "enterprise home");
        await ShotsAsync(enterprise, "enterprise-04-home-pending");

        // 4. The Support Center verifies the account.
        var (centerContext, center, centerProblems) = await portal.NewPageAsync();
        await using var __ = centerContext;
        await portal.SignInAsync(center, "trungtam@cnht.demo");
        await center.GotoAsync("/Intake/Accounts");
        var row = center.Locator("#members tr", new() { HasText = email });
        await ShotsAsync(center, "enterprise-05-center-accounts");
        await ConfirmedAsync(center, () => row.GetByRole(AriaRole.Button, new() { Name = "Xác minh" }).ClickAsync());
        await Assertions.Expect(center.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã xác minh tài khoản");

        // 5. The enterprise applies to the open call: fields, cost lines, files, submit → reference number.
        await enterprise.GotoAsync("/DoanhNghiep");
        await Assertions.Expect(enterprise.Locator("#member-status")).ToHaveTextAsync("Đã xác minh");
        await enterprise.GotoAsync($"/Calls/Details/{callId}");
        await enterprise.GetByRole(AriaRole.Link, new() { Name = "Lập hồ sơ cho nội dung này" }).ClickAsync();
        await enterprise.GetByLabel("Tên đề án").FillAsync("Đổi mới công nghệ gia công CNC linh kiện");
        await enterprise.GetByLabel("Năm bắt đầu").FillAsync("2025");
        await enterprise.GetByLabel("Năm kết thúc").FillAsync("2025");
        await enterprise.GetByLabel("Dòng 1: nội dung chi").FillAsync("Thuê chuyên gia tư vấn");
        await enterprise.GetByLabel("Dòng 1: đơn vị tính").FillAsync("ngày công");
        await enterprise.GetByLabel("Dòng 1: số lượng").FillAsync("20");
        await enterprise.GetByLabel("Dòng 1: đơn giá").FillAsync("2.500.000");
        await enterprise.GetByLabel("Dòng 2: nội dung chi").FillAsync("Mua phần mềm CAM");
        await enterprise.GetByLabel("Dòng 2: đơn vị tính").FillAsync("bộ");
        await enterprise.GetByLabel("Dòng 2: số lượng").FillAsync("1");
        await enterprise.GetByLabel("Dòng 2: đơn giá").FillAsync("150.000.000");
        await enterprise.GetByLabel("Kinh phí đề nghị hỗ trợ (đồng)").FillAsync("120.000.000");
        await enterprise.GetByLabel("Vốn đối ứng của doanh nghiệp (đồng)").FillAsync("80.000.000");
        await ShotsAsync(enterprise, "enterprise-06-application-form");
        await enterprise.GetByRole(AriaRole.Button, new() { Name = "Lưu hồ sơ nháp" }).ClickAsync();
        await Assertions.Expect(enterprise.Locator("#total-cost")).ToHaveTextAsync("200.000.000");
        await Assertions.Expect(enterprise.Locator("#checklist")).ToContainTextAsync("Còn thiếu");
        foreach (var (requirement, file) in new[] { ("Đơn đề nghị hỗ trợ", "don-de-nghi.pdf"), ("Thuyết minh đề án", "thuyet-minh.pdf") })
        {
            await enterprise.Locator("#Requirement").SelectOptionAsync(requirement);
            await enterprise.Locator("#File").SetInputFilesAsync(File(file));
            await enterprise.GetByRole(AriaRole.Button, new() { Name = "Tải lên", Exact = true }).ClickAsync();
            await Assertions.Expect(enterprise.GetByRole(AriaRole.Status)).ToContainTextAsync(file);
        }

        await ConfirmedAsync(enterprise, () => enterprise.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ", Exact = true }).ClickAsync());
        await Assertions.Expect(enterprise.GetByRole(AriaRole.Status)).ToContainTextAsync("Mã hồ sơ: HS-2025-");
        var code = (await enterprise.Locator("#application-code").InnerTextAsync()).Trim();
        await Ui.AssertAccessibleAsync(enterprise, "application page");
        await ShotsAsync(enterprise, "enterprise-07-submitted");
        var applicationUrl = enterprise.Url;

        // 6. Intake: the Support Center asks for a supplement.
        await center.GotoAsync("/Intake");
        await ShotsAsync(center, "enterprise-08-intake-queue");
        await center.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await center.GetByLabel("Nội dung cần bổ sung, sửa").FillAsync("Vui lòng bổ sung báo giá phần mềm CAM.");
        await ConfirmedAsync(center, () => center.GetByRole(AriaRole.Button, new() { Name = "Gửi yêu cầu bổ sung" }).ClickAsync());
        await Assertions.Expect(center.Locator("#application-status")).ToHaveTextAsync("Yêu cầu bổ sung");

        // 7. The enterprise supplies it.
        await enterprise.GotoAsync(applicationUrl);
        await Assertions.Expect(enterprise.Locator("#open-supplement")).ToContainTextAsync("báo giá phần mềm CAM");
        await ShotsAsync(enterprise, "enterprise-09-supplement-requested");
        await enterprise.Locator("#Requirement").SelectOptionAsync("Tài liệu khác");
        await enterprise.Locator("#File").SetInputFilesAsync(File("bao-gia-phan-mem.pdf"));
        await enterprise.GetByRole(AriaRole.Button, new() { Name = "Tải lên", Exact = true }).ClickAsync();
        await enterprise.Locator("#Note").FillAsync("Đã bổ sung báo giá.");
        await ConfirmedAsync(enterprise, () => enterprise.GetByRole(AriaRole.Button, new() { Name = "Nộp bổ sung", Exact = true }).ClickAsync());
        await Assertions.Expect(enterprise.Locator("#application-status")).ToHaveTextAsync("Đã nộp, chờ tiếp nhận");

        // 8. Accepted into a proposal (status "Hồ sơ đã nộp").
        await center.ReloadAsync();
        await ConfirmedAsync(center, () => center.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận thành đề án" }).ClickAsync());
        await center.WaitForPageAsync(url => url.Contains("/Proposals/Details/", StringComparison.Ordinal));
        var proposalId = int.Parse(center.Url.Split('/').Last().Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
        await ShotsAsync(center, "enterprise-10-proposal-created");

        // 9. Appraised and approved by the leader (the lifecycle steps' own pages are covered by ProposalJourneyTests).
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // Each step carries the version of the proposal the actor has open (a missing one is refused, issue 23).
        static Task<Guid> StampAsync(IServiceProvider sp, int id) =>
            sp.GetRequiredService<NgheAn.CNHT.Infrastructure.Persistence.AppDbContext>().Proposals
                .Where(p => p.Id == id).Select(p => p.ConcurrencyStamp).SingleAsync();
        await AsAsync("trungtam@cnht.demo", NgheAn.CNHT.Domain.Roles.SupportCenter, async sp => await sp.GetRequiredService<ProposalService>()
            .AppraiseAsync(proposalId, await StampAsync(sp, proposalId), today, "Đạt yêu cầu", 200_000_000m, 110_000_000m));
        await AsAsync("lanhdao@cnht.demo", NgheAn.CNHT.Domain.Roles.DoitLeader, async sp => await sp.GetRequiredService<ProposalService>()
            .ApproveAsync(proposalId, await StampAsync(sp, proposalId), "45/QĐ-SCT", today, 190_000_000m, 100_000_000m, null));

        // 10. The enterprise sees the approved amounts and its timeline, on a desktop and on a phone.
        await enterprise.GotoAsync("/DoanhNghiep");
        await ShotsAsync(enterprise, "enterprise-11-home");
        await enterprise.GetByRole(AriaRole.Link, new() { Name = "Đổi mới công nghệ gia công CNC linh kiện" }).Last.ClickAsync();
        await enterprise.WaitForPageAsync(url => url.Contains("/DoanhNghiep/DeAn/", StringComparison.Ordinal));
        await Assertions.Expect(enterprise.Locator("#approved-total")).ToHaveTextAsync("190.000.000");
        await Assertions.Expect(enterprise.Locator("#approved-share")).ToHaveTextAsync("100.000.000");
        await Assertions.Expect(enterprise.Locator("#timeline")).ToContainTextAsync("Trung tâm yêu cầu bổ sung hồ sơ");
        await Assertions.Expect(enterprise.Locator("#timeline")).ToContainTextAsync("Đã phê duyệt");
        await Ui.AssertAccessibleAsync(enterprise, "enterprise proposal");
        await ShotsAsync(enterprise, "enterprise-12-proposal-approved");

        Assert.True(enterpriseProblems.Count == 0, string.Join("\n", enterpriseProblems));
        Assert.True(centerProblems.Count == 0, string.Join("\n", centerProblems));
    }
}

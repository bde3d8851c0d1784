using Microsoft.Playwright;
using NgheAn.CNHT.BrowserTests.Support;

namespace NgheAn.CNHT.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ProposalJourneyTests(BrowserPortal portal)
{
    private const string Title = "Đào tạo kỹ thuật viên đo lường chính xác cho doanh nghiệp cơ khí";

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserPortal.OutputFolder, name), FullPage = true });

    private static async Task TakeStepAsync(IPage page, string button, Func<ILocator, Task>? fill = null)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        var form = page.Locator(".collapse.show form");
        await Assertions.Expect(form).ToBeVisibleAsync();
        if (fill is not null)
        {
            await fill(form);
        }

        await form.GetByRole(AriaRole.Button, new() { Name = $"Xác nhận: {button}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_specialist_creates_and_submits_the_center_appraises_a_leader_approves_and_the_register_shows_it_with_its_timeline()
    {
        // 1. The specialist drafts the proposal; amounts typed the Vietnamese way are shown in triệu đồng.
        var (specialistContext, specialist, specialistProblems) = await portal.NewPageAsync();
        await using var _ = specialistContext;
        await portal.SignInAsync(specialist, "chuyenvien@cnht.demo");
        await specialist.GotoAsync("/Proposals?reset=true");
        await specialist.GetByRole(AriaRole.Link, new() { Name = "Tạo đề án mới" }).ClickAsync();
        await specialist.Locator("#Input_Title").FillAsync(Title);
        var item = await specialist.Locator("#Input_ContentItemId option", new() { HasText = "2.2. Tổ chức các lớp bồi dưỡng" }).GetAttributeAsync("value");
        await specialist.Locator("#Input_ContentItemId").SelectOptionAsync(item!);
        await specialist.Locator("#Input_LeadOrganizationId").SelectOptionAsync(new SelectOptionValue { Label = "Trường Cao đẳng Kỹ thuật Việt - Đức Nghệ An" });
        await specialist.Locator("#Input_StartYear").FillAsync("2025");
        await specialist.Locator("#Input_EndYear").FillAsync("2025");
        await specialist.Locator("#Input_TotalCost").FillAsync("1250000000");
        await Assertions.Expect(specialist.Locator("[data-million-for=Input_TotalCost]")).ToHaveTextAsync("= 1.250,000 triệu đồng");
        await specialist.Locator("#Input_ProvincialShare").FillAsync("375.000.000");
        await specialist.Locator("#Input_Objectives").FillAsync("Đào tạo 60 kỹ thuật viên đo lường cho doanh nghiệp cơ khí CNHT.");
        await Assertions.Expect(specialist.Locator("#Input_TotalCost")).ToHaveValueAsync("1.250.000.000");
        await Assertions.Expect(specialist.Locator("[data-difference-of]")).ToHaveTextAsync("875.000.000");
        await ShotAsync(specialist, "proposal-create-1366.png");
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Tạo đề án" }).ClickAsync();
        await Assertions.Expect(specialist.Locator("#proposal-title")).ToHaveTextAsync(Title);
        await Assertions.Expect(specialist.Locator(".status-badge").First).ToHaveTextAsync("Dự thảo");
        var detailsUrl = new Uri(specialist.Url).PathAndQuery;

        await TakeStepAsync(specialist, "Nộp hồ sơ", f => f.Locator("textarea").FillAsync("Hồ sơ gồm đơn đăng ký, thuyết minh và dự toán."));
        await Assertions.Expect(specialist.Locator(".status-badge").First).ToHaveTextAsync("Hồ sơ đã nộp");

        // 2. The Support Center records the appraisal council's opinion.
        var (centerContext, center, centerProblems) = await portal.NewPageAsync();
        await using var __ = centerContext;
        await portal.SignInAsync(center, "trungtam@cnht.demo");
        await center.GotoAsync(detailsUrl);
        await TakeStepAsync(center, "Ghi kết quả thẩm định", async f =>
        {
            await f.Locator("textarea").FillAsync("Hội đồng thẩm định thống nhất, đề nghị hỗ trợ 350 triệu đồng.");
            await f.Locator("input[name='Act.ProvincialShare']").FillAsync("350.000.000");
        });
        await Assertions.Expect(center.Locator(".status-badge").First).ToHaveTextAsync("Đã thẩm định");

        // 3. A leader approves with the decision number.
        var (leaderContext, leader, leaderProblems) = await portal.NewPageAsync();
        await using var ___ = leaderContext;
        await portal.SignInAsync(leader, "lanhdao@cnht.demo");
        await leader.GotoAsync(detailsUrl);
        await TakeStepAsync(leader, "Phê duyệt", f => f.Locator("input[name='Act.DecisionNumber']").FillAsync("215/QĐ-SCT"));
        await Assertions.Expect(leader.Locator(".status-badge").First).ToHaveTextAsync("Đã phê duyệt");
        await Assertions.Expect(leader.Locator("#amounts tr[data-row=share] td[data-approved]")).ToContainTextAsync("350.000.000");
        await ShotAsync(leader, "proposal-approved-1366.png");

        // 4. The register finds it (without diacritics) and its page shows the timeline of every step.
        await leader.GotoAsync("/Proposals?q=do+luong+chinh+xac");
        var row = leader.Locator("#register tbody tr", new() { HasText = Title });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator(".status-badge")).ToHaveTextAsync("Đã phê duyệt");
        await Assertions.Expect(leader.Locator("[data-figure=total-count]")).ToHaveTextAsync("1");
        await ShotAsync(leader, "proposal-register-1366.png");
        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        var steps = leader.Locator("#timeline .timeline-item");
        await Assertions.Expect(steps).ToHaveCountAsync(4);
        await Assertions.Expect(steps.Nth(0)).ToContainTextAsync("Tạo dự thảo");
        await Assertions.Expect(steps.Nth(1)).ToContainTextAsync("Nộp hồ sơ");
        await Assertions.Expect(steps.Nth(1)).ToContainTextAsync("chuyenvien@cnht.demo");
        await Assertions.Expect(steps.Nth(2)).ToContainTextAsync("Ghi kết quả thẩm định");
        await Assertions.Expect(steps.Nth(2)).ToContainTextAsync("trungtam@cnht.demo");
        await Assertions.Expect(steps.Nth(3)).ToContainTextAsync("Phê duyệt");
        await Assertions.Expect(steps.Nth(3)).ToContainTextAsync("lanhdao@cnht.demo");

        // 5. The audit trail holds every change of the journey, field by field.
        await leader.GetByRole(AriaRole.Link, new() { Name = "Nhật ký thay đổi" }).ClickAsync();
        var audit = leader.Locator("#audit tbody tr[data-entity=Proposal]");
        await Assertions.Expect(audit).ToHaveCountAsync(4); // created, submitted, appraised, approved
        await Assertions.Expect(audit.First).ToContainTextAsync("lanhdao@cnht.demo");
        await Assertions.Expect(audit.First.Locator("li[data-field=Status]")).ToContainTextAsync("Đã thẩm định → Đã phê duyệt");
        await Assertions.Expect(audit.First.Locator("li[data-field=DecisionNumber]")).ToContainTextAsync("215/QĐ-SCT");
        await ShotAsync(leader, "proposal-audit-1366.png");
        await leader.GoBackAsync();

        await leader.SetViewportSizeAsync(390, 844);
        await ShotAsync(leader, "proposal-approved-390.png");

        Assert.Empty(specialistProblems);
        Assert.Empty(centerProblems);
        Assert.Empty(leaderProblems);
    }
}

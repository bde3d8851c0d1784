using Microsoft.Playwright;
using NgheAn.CNHT.Application.Dashboard;
using NgheAn.CNHT.BrowserTests.Support;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ProposalJourneyTests(BrowserPortal portal)
{
    private const string Title = "Đào tạo kỹ thuật viên đo lường chính xác cho doanh nghiệp cơ khí";

    private static async Task TakeStepAsync(IPage page, string button, Func<ILocator, Task>? fill = null)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        var form = page.Locator(".collapse.show form");
        await Assertions.Expect(form).ToBeVisibleAsync();
        if (fill is not null)
        {
            await fill(form);
        }

        // Every step that moves the proposal on asks first; the journey accepts and checks it was asked.
        string? asked = null;
        void Accept(object? sender, IDialog dialog)
        {
            asked = dialog.Message;
            _ = dialog.AcceptAsync();
        }

        page.Dialog += Accept;
        await form.GetByRole(AriaRole.Button, new() { Name = $"Xác nhận: {button}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        page.Dialog -= Accept;
        Assert.False(string.IsNullOrEmpty(asked), $"the step \"{button}\" asks for confirmation before it is taken");
    }

    /// <summary>The bell shows a notice about the proposal; opening it marks it read and lands on the proposal.</summary>
    private static async Task OpenNoticeAsync(IPage page, string code, string text)
    {
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#notification-bell .bell-count")).ToBeVisibleAsync();
        await page.Locator("#notification-bell").ClickAsync();
        var notice = page.Locator(".notification-menu a.dropdown-item", new() { HasText = code });
        await Assertions.Expect(notice).ToContainTextAsync(text);
        await notice.ClickAsync();
        await page.WaitForPageAsync(url => url.Contains("/Proposals/Details/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#proposal-title")).ToHaveTextAsync(Title);
    }

    /// <summary>Records a ledger entry from the proposal's "Ghi giải ngân" link; the portal asks for confirmation first.</summary>
    private static async Task RecordAsync(IPage page, string kind, string amount, string voucher)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Ghi giải ngân" }).First.ClickAsync();
        string? asked = null;
        void Accept(object? sender, IDialog dialog)
        {
            asked = dialog.Message;
            _ = dialog.AcceptAsync();
        }

        page.Dialog += Accept;
        await page.GetByLabel("Loại bút toán").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await page.GetByLabel("Nguồn kinh phí").SelectOptionAsync(new SelectOptionValue { Label = "Ngân sách tỉnh" });
        await page.GetByLabel("Số tiền (đồng)").FillAsync(amount);
        await page.GetByLabel("Số chứng từ").FillAsync(voucher);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi vào sổ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Đã ghi {kind.ToLowerInvariant()} {amount} đồng");
        page.Dialog -= Accept;
        Assert.False(string.IsNullOrEmpty(asked), "recording a ledger entry (which cannot be edited) asks for confirmation");
    }

    [Fact]
    public async Task A_specialist_submits_the_center_appraises_a_leader_approves_and_the_center_pays_each_told_by_a_notice()
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
        await Assertions.Expect(specialist.Locator("[data-million-for=Input_TotalCost]")).ToHaveTextAsync("1,25 tỷ đồng");
        await specialist.Locator("#Input_ProvincialShare").FillAsync("375.000.000");
        await specialist.Locator("#Input_Objectives").FillAsync("Đào tạo 60 kỹ thuật viên đo lường cho doanh nghiệp cơ khí CNHT.");
        await Assertions.Expect(specialist.Locator("#Input_TotalCost")).ToHaveValueAsync("1.250.000.000");
        await Assertions.Expect(specialist.Locator("[data-difference-of]")).ToHaveTextAsync("875.000.000");
        await Ui.ShotsAsync(specialist, "proposal-create");
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Tạo đề án" }).ClickAsync();
        await Assertions.Expect(specialist.Locator("#proposal-title")).ToHaveTextAsync(Title);
        await Assertions.Expect(specialist.Locator(".status-badge").First).ToHaveTextAsync("Dự thảo");
        var detailsUrl = new Uri(specialist.Url).PathAndQuery;
        var code = (await specialist.Locator("#proposal-code").InnerTextAsync()).Trim();

        // The dossier checklist of the item sits next to "Nộp hồ sơ"; each upload picks the next missing document.
        var checklist = specialist.Locator("#checklist li[data-met=false]");
        await Assertions.Expect(checklist).ToHaveCountAsync(4);
        foreach (var name in new[] { "don-de-nghi.pdf", "thuyet-minh.pdf", "du-toan.pdf" })
        {
            await specialist.Locator("#dossier input[type=file]").SetInputFilesAsync(new FilePayload
            {
                Name = name,
                MimeType = "application/pdf",
                Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
            });
            await specialist.Locator("#dossier").GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
            await Assertions.Expect(specialist.Locator("#checklist")).ToContainTextAsync(name);
        }

        await Assertions.Expect(checklist).ToHaveCountAsync(1); // only the optional registration paper
        await TakeStepAsync(specialist, "Nộp hồ sơ", f => f.Locator("textarea").FillAsync("Hồ sơ gồm đơn đăng ký, thuyết minh và dự toán."));
        await Assertions.Expect(specialist.Locator(".status-badge").First).ToHaveTextAsync("Hồ sơ đã nộp");

        // 2. The Support Center is told by the bell, opens the notice and records the appraisal council's opinion.
        var (centerContext, center, centerProblems) = await portal.NewPageAsync();
        await using var __ = centerContext;
        await portal.SignInAsync(center, "trungtam@cnht.demo");
        await OpenNoticeAsync(center, code, "chờ Trung tâm ghi kết quả thẩm định");
        Assert.Equal(detailsUrl, new Uri(center.Url).PathAndQuery);
        await TakeStepAsync(center, "Ghi kết quả thẩm định", async f =>
        {
            await f.Locator("textarea").FillAsync("Hội đồng thẩm định thống nhất, đề nghị hỗ trợ 350 triệu đồng.");
            await f.Locator("input[name='Act.ProvincialShare']").FillAsync("350.000.000");
        });
        await Assertions.Expect(center.Locator(".status-badge").First).ToHaveTextAsync("Đã thẩm định");

        // 3. The leader sees it waiting on the dashboard and in the bell, and approves with the decision number.
        var (leaderContext, leader, leaderProblems) = await portal.NewPageAsync();
        await using var ___ = leaderContext;
        await portal.SignInAsync(leader, "lanhdao@cnht.demo");
        // The dashboard names the oldest five waiting; other journeys' proposals may wait too, whatever ran before.
        var waitingCount = await Figures.WaitingAsync(portal, ProposalStatus.Appraised);
        var waiting = leader.Locator("#waiting [data-waiting-status=Appraised]");
        await Assertions.Expect(waiting.Locator("[data-figure=waiting-Appraised]")).ToHaveTextAsync($"{waitingCount} đề án");
        await Assertions.Expect(waitingCount <= DashboardQuery.WaitingShown
            ? waiting.Locator("a", new() { HasText = code })
            : waiting.GetByRole(AriaRole.Link, new() { Name = $"Xem tất cả {waitingCount} đề án" })).ToBeVisibleAsync();
        await Ui.ShotsAsync(leader, "dashboard-leader");
        await OpenNoticeAsync(leader, code, "chờ Lãnh đạo Sở phê duyệt");
        await Ui.AssertAccessibleAsync(leader, "proposal page");
        await TakeStepAsync(leader, "Phê duyệt", f => f.Locator("input[name='Act.DecisionNumber']").FillAsync("215/QĐ-SCT"));
        await Assertions.Expect(leader.Locator(".status-badge").First).ToHaveTextAsync("Đã phê duyệt");
        await Assertions.Expect(leader.Locator("#amounts tr[data-row=share] td[data-approved]")).ToContainTextAsync("350.000.000");
        await Ui.ShotsAsync(leader, "proposal-approved");

        // 4. The register finds it (without diacritics) and its page shows the timeline of every step.
        await leader.GotoAsync("/Proposals?q=do+luong+chinh+xac");
        var row = leader.Locator("#register tbody tr", new() { HasText = Title });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator(".status-badge")).ToHaveTextAsync("Đã phê duyệt");
        await Assertions.Expect(leader.Locator("[data-figure=total-count]")).ToHaveTextAsync("1");
        await Ui.AssertAccessibleAsync(leader, "register");
        await Ui.ShotsAsync(leader, "proposal-register");
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
        await Ui.ShotsAsync(leader, "proposal-audit");

        // 6. The Support Center is told of the approval, and records an advance and then a payment against it.
        await OpenNoticeAsync(center, code, "đã được phê duyệt (quyết định số 215/QĐ-SCT)");
        await RecordAsync(center, "Tạm ứng", "100.000.000", "PC-TU-215");
        await Assertions.Expect(center.Locator("#balances-table tr[data-proposal='" + code + "'] [data-col=disbursed]")).ToHaveTextAsync("100.000.000");
        await Assertions.Expect(center.Locator("#balances-table tr[data-proposal='" + code + "'] [data-col=advances]")).ToHaveTextAsync("100.000.000");
        await RecordAsync(center, "Thanh toán", "150.000.000", "PC-TT-215");
        var balance = center.Locator("#balances-table tr[data-proposal='" + code + "']");
        await Assertions.Expect(balance.Locator("[data-col=disbursed]")).ToHaveTextAsync("250.000.000");
        await Assertions.Expect(balance.Locator("[data-col=remaining]")).ToHaveTextAsync("100.000.000");
        await Ui.AssertAccessibleAsync(center, "disbursement register");
        await Ui.ShotsAsync(center, "proposal-ledger-supportcenter");
        await center.GotoAsync(detailsUrl);
        await Assertions.Expect(center.Locator("[data-figure=disbursed]")).ToHaveTextAsync("250.000.000");
        await Assertions.Expect(center.Locator("[data-figure=remaining]")).ToHaveTextAsync("100.000.000");
        await Ui.ShotsAsync(center, "proposal-paid");

        // Every notice of the journey has been read or resolved: nothing asks for attention any more.
        await center.GotoAsync("/Notifications");
        await Assertions.Expect(center.Locator("#notification-list li", new() { HasText = code })).ToHaveCountAsync(2);
        await Assertions.Expect(center.Locator("#notification-list li.notice-unread", new() { HasText = code })).ToHaveCountAsync(0);
        await Ui.ShotsAsync(center, "notifications-supportcenter");

        Assert.True(specialistProblems.Count == 0, string.Join("\n", specialistProblems));
        Assert.True(centerProblems.Count == 0, string.Join("\n", centerProblems));
        Assert.True(leaderProblems.Count == 0, string.Join("\n", leaderProblems));
    }
}

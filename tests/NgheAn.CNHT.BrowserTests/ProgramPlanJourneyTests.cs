using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NgheAn.CNHT.BrowserTests.Support;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Plans;

namespace NgheAn.CNHT.BrowserTests;

/// <summary>Issue 19: a specialist sets a yearly plan of program 2026-2030; the Support Center accepts a proposal with its outputs.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProgramPlanJourneyTests(BrowserPortal portal)
{
    private static readonly Actor Specialist = new("chuyenvien@cnht.demo", "Chuyên viên Sở", new HashSet<string> { Roles.DoitSpecialist });
    private static readonly Actor Leader = new("lanhdao@cnht.demo", "Lãnh đạo Sở", new HashSet<string> { Roles.DoitLeader });
    private static readonly Actor Center = new("trungtam@cnht.demo", "Trung tâm", new HashSet<string> { Roles.SupportCenter });

    private async Task<int> ArrangeAsync()
    {
        using var scope = portal.Factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ProgramPlanDemoSeeder>().SeedAsync();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var item = await db.ContentItems.Where(i => i.Code == "3.2" && i.Group.Program.Code == "2026-2030").Select(i => new { i.Id, i.Group.ProgramId }).SingleAsync();
        var orgId = await db.Organizations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        var now = DateTime.UtcNow;
        var day = DateOnly.FromDateTime(now);
        var p = new Proposal(
            new ProposalDraft("CNHT-2026-T19", "Đào tạo kỹ thuật viên tự động hóa (kiểm thử)", "Mục tiêu", null, 2026, 2026, 500_000_000m, 200_000_000m),
            new ProposalContext(item.ProgramId, new YearRange(2026, 2030), item.Id, orgId), Specialist, now.AddMinutes(-60));
        p.Submit(Specialist, now.AddMinutes(-50), null);
        p.Appraise(Center, now.AddMinutes(-40), day, "Đồng ý", 500_000_000m, 200_000_000m);
        p.Approve(Leader, now.AddMinutes(-30), "19/QĐ-SCT", day, 500_000_000m, 200_000_000m, null);
        p.StartImplementation(Center, now.AddMinutes(-20), null);
        db.Proposals.Add(p);
        await db.SaveChangesAsync();
        return p.Id;
    }

    [Fact]
    public async Task A_specialist_sets_a_yearly_plan_and_the_support_center_records_an_acceptance_with_outputs()
    {
        var id = await ArrangeAsync();
        var (context, page, problems) = await portal.NewPageAsync();
        await using var _ = context;
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();

        // Yearly plan of item 3.2 (illustrative 1.200 triệu: 240 a year): 2030 planned at 140 triệu, 100 short.
        await portal.SignInAsync(page, "chuyenvien@cnht.demo");
        await page.GotoAsync("/Plans?program=2026-2030");
        await Assertions.Expect(page.Locator("#plan-balance")).ToContainTextAsync("cộng lại đúng bằng kế hoạch giai đoạn");
        await page.Locator("tr[data-item='3.2']").GetByRole(AriaRole.Link, new() { Name = "Nhập kế hoạch năm" }).ClickAsync();
        await page.GetByLabel("Năm 2030 (đồng)").FillAsync("140.000.000");
        await page.GetByLabel("Đây là kế hoạch đã được phê duyệt").CheckAsync();
        await page.GetByLabel("Số, ngày quyết định phê duyệt kế hoạch").FillAsync("19/QĐ-UBND ngày 05/01/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu kế hoạch năm" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("còn thiếu 100,000 triệu đồng");
        await Assertions.Expect(page.Locator("#plan-balance")).ToContainTextAsync("Có 1 nội dung");
        await Assertions.Expect(page.Locator("tr[data-item='3.2'] [data-gap]")).ToContainTextAsync("còn thiếu 100,000 triệu đồng");
        await Assertions.Expect(page.Locator("tr[data-item='3.2'] .badge")).ToHaveCountAsync(0);

        // The Support Center accepts the proposal with 35 trainees trained.
        var (centerContext, center, centerProblems) = await portal.NewPageAsync();
        await using var __ = centerContext;
        center.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await portal.SignInAsync(center, "trungtam@cnht.demo");
        await center.GotoAsync($"/Proposals/Details/{id}");
        await center.GetByRole(AriaRole.Button, new() { Name = "Nghiệm thu", Exact = true }).ClickAsync();
        var form = center.Locator(".collapse.show form");
        await Assertions.Expect(form).ToBeVisibleAsync();
        await form.GetByLabel("Ngày nghiệm thu").FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await form.GetByLabel("Kết quả nghiệm thu").FillAsync("Đạt yêu cầu; 35 học viên hoàn thành khóa đào tạo.");
        await form.GetByLabel("Học viên được đào tạo (học viên)").FillAsync("35");
        await form.GetByRole(AriaRole.Button, new() { Name = "Xác nhận: Nghiệm thu" }).ClickAsync();
        await Assertions.Expect(center.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã ghi kết quả nghiệm thu");

        await center.GotoAsync("/Indicators?program=2026-2030");
        await Assertions.Expect(center.Locator("#indicator-sentences")).ToContainTextAsync("Nội dung 3.2: thực hiện 01 đề án, đào tạo 35 học viên (đạt 7,00% chỉ tiêu giai đoạn).");
        Assert.Empty(problems);
        Assert.Empty(centerProblems);
    }
}

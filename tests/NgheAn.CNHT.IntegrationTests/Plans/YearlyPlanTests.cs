using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Plans;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Plans;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Plans;

/// <summary>Yearly plans of program 2026-2030 (issue 19, ADR 0170): demo items per area, years vs period plan, audited edits.</summary>
public sealed partial class YearlyPlanTests
{
    internal static async Task SeedPlansAsync(CnhtFactory portal) =>
        await portal.ScopedAsync(async sp => { await sp.GetRequiredService<ProgramPlanDemoSeeder>().SeedAsync(); return 0; });

    internal static Task<int> ItemIdAsync(CnhtFactory portal, string code) =>
        portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().ContentItems.Where(i => i.Code == code && i.Group.Program.Code == "2026-2030").Select(i => i.Id).SingleAsync());

    internal static string Stamp(string html) => WebUtility.HtmlDecode(StampRegex().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"Input.ConcurrencyStamp\" value=\"([^\"]*)\"")]
    private static partial Regex StampRegex();

    private static string Text(string html) => WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " "));

    [Fact]
    public async Task The_demo_gives_every_area_items_whose_illustrative_years_add_up_to_the_period_plan()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        await SeedPlansAsync(portal);
        await SeedPlansAsync(portal); // idempotent

        var view = (await portal.ScopedAsync(sp => sp.GetRequiredService<YearlyPlanQuery>().GetAsync("2026-2030")))!;
        Assert.Equal(6, view.Groups.Count);
        Assert.All(view.Groups, g => Assert.NotEmpty(g.Items));
        Assert.All(view.Groups.SelectMany(g => g.Items), i => Assert.True(i.IsIllustrative && i.Gap == 0 && i.PeriodPlan > 0));
        Assert.Equal([2026, 2027, 2028, 2029, 2030], view.PeriodYears);
        var sqlTotal = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().YearPlanAmounts.SumAsync(y => y.Amount));
        Assert.Equal(sqlTotal, view.YearsTotal);
        Assert.Equal(view.PeriodPlan, view.YearsTotal);

        var viewer = await portal.SignInAsAsync("Viewer");
        var page = Text(await viewer.GetStringAsync("/Plans?program=2026-2030"));
        Assert.Contains("giá trị minh họa", page);
        Assert.Contains("cộng lại đúng bằng kế hoạch giai đoạn", page);
        Assert.DoesNotContain("Nhập kế hoạch năm", page);
    }

    [Fact]
    public async Task Years_that_do_not_add_up_are_saved_and_the_screen_says_by_how_much_and_every_change_is_audited()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        await SeedPlansAsync(portal);
        var item = await ItemIdAsync(portal, "1.1");
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var edit = $"/Plans/Edit/{item}";
        var html = await specialist.GetStringAsync(edit);
        var stamp = Stamp(html);
        Assert.NotEqual(Guid.Empty, Guid.Parse(stamp));

        // Period plan 1.500 triệu: 300 a year; the specialist plans 2030 at 200 triệu, 100 triệu short.
        var fields = new Dictionary<string, string> { ["Input.ConcurrencyStamp"] = stamp, ["Input.Approved"] = "true", ["Input.DecisionReference"] = "123/QĐ-UBND ngày 10/01/2026" };
        for (var i = 0; i < 5; i++)
        {
            fields[$"Input.Years[{i}].Year"] = (2026 + i).ToString(CultureInfo.InvariantCulture);
            fields[$"Input.Years[{i}].Amount"] = i == 4 ? "200.000.000" : "300.000.000";
        }

        var save = await specialist.PostFormAsync(edit, fields);
        Assert.True(save.StatusCode == HttpStatusCode.Redirect, Text(await save.Content.ReadAsStringAsync()));
        var page = Text(await specialist.GetStringAsync("/Plans?program=2026-2030"));
        Assert.Contains("Tổng kế hoạch các năm còn thiếu 100,000 triệu đồng so với kế hoạch giai đoạn.", page);
        Assert.Contains("Có 1 nội dung", page);

        var view = (await portal.ScopedAsync(sp => sp.GetRequiredService<YearlyPlanQuery>().GetAsync("2026-2030")))!;
        var row = view.Groups.SelectMany(g => g.Items).Single(i => i.Code == "1.1");
        Assert.False(row.IsIllustrative);
        Assert.Equal(-100_000_000m, row.Gap);
        Assert.Equal(-100_000_000m, view.Groups.Single(g => g.Code == "1").Gap);
        Assert.Equal(-100_000_000m, view.Gap);

        // The same stale form again is refused with nothing saved.
        fields["Input.Years[4].Amount"] = "900.000.000";
        var stale = await specialist.PostFormAsync(edit, fields);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("vừa được người khác sửa", Text(await stale.Content.ReadAsStringAsync()));
        Assert.Equal(200_000_000m, await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().YearPlanAmounts.Where(y => y.ItemPlan.ContentItemId == item && y.Year == 2030).Select(y => y.Amount).SingleAsync()));

        // A negative or fractional amount is a Vietnamese field error.
        var fresh = Stamp(await specialist.GetStringAsync(edit));
        fields["Input.ConcurrencyStamp"] = fresh;
        fields["Input.Years[4].Amount"] = "-5";
        var bad = await specialist.PostFormAsync(edit, fields);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);

        var audited = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.CountAsync(a => a.EntityType == "YearPlanAmount" && a.Action == "Update"));
        Assert.True(audited >= 1, "the change of the 2030 amount is in the audit trail");

        // Readers see the plan; only the specialist may change it.
        var leader = await portal.SignInAsAsync("DoitLeader");
        var denied = await leader.PostFormAsync("/Plans?program=2026-2030", fields, edit);
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_plan_entered_for_an_item_without_one_needs_no_stamp_and_years_outside_the_period_are_refused()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var item = await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var group = await db.ContentGroups.Include(g => g.Items).Include(g => g.Program).FirstAsync(g => g.Program.Code == "2026-2030" && g.Code == "3");
            var added = group.AddItem("3.9", "Nội dung thử kế hoạch năm", 1_000_000_000m);
            await db.SaveChangesAsync();
            return added.Id;
        });

        await portal.AsAsync("DoitSpecialist", async sp =>
        {
            var service = sp.GetRequiredService<YearlyPlanService>();
            var outside = await Assert.ThrowsAsync<NgheAn.CNHT.Domain.Common.DomainException>(() => service.SaveAsync(item, null, new Dictionary<int, decimal> { [2031] = 1m }, false, null));
            Assert.Contains("nằm ngoài giai đoạn", outside.Message);
            await service.SaveAsync(item, null, new Dictionary<int, decimal> { [2026] = 600_000_000m, [2027] = 600_000_000m }, false, null);
        });

        var row = (await portal.ScopedAsync(sp => sp.GetRequiredService<YearlyPlanQuery>().ItemAsync(item)))!.Value.Row;
        Assert.Equal(200_000_000m, row.Gap);
        Assert.False(row.IsIllustrative);
        Assert.Equal("Tổng kế hoạch các năm vượt kế hoạch giai đoạn 200,000 triệu đồng.", row.GapSentence);
        Assert.Equal(0, await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().YearPlanAmounts.CountAsync(y => y.Year == 2031)));
    }
}

/// <summary>The Development demo order (plans first, then the enterprise demo) and the comparison page (issue 19).</summary>
public sealed class ProgramDemoOrderTests
{
    [Fact]
    public async Task Plans_then_the_enterprise_demo_leave_the_2018_2025_appendix_unchanged_and_the_periods_compare_on_one_page()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var before = await portal.ScopedAsync(async sp => NgheAn.CNHT.Application.Reports.ReportJson.Serialize((await sp.GetRequiredService<NgheAn.CNHT.Application.Reports.AppendixQuery>().BuildAsync("2018-2025", null, null)) with { GeneratedAtUtc = default }));
        await YearlyPlanTests.SeedPlansAsync(portal);
        await portal.ScopedAsync(async sp => { await sp.GetRequiredService<NgheAn.CNHT.Infrastructure.Enterprises.EnterpriseDemoSeeder>().SeedAsync(); return 0; });
        var after = await portal.ScopedAsync(async sp => NgheAn.CNHT.Application.Reports.ReportJson.Serialize((await sp.GetRequiredService<NgheAn.CNHT.Application.Reports.AppendixQuery>().BuildAsync("2018-2025", null, null)) with { GeneratedAtUtc = default }));
        Assert.Equal(before, after);
        var openItems = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().CallItems.Select(i => i.ContentItemId).ToListAsync());
        var item11 = await YearlyPlanTests.ItemIdAsync(portal, "1.1");
        Assert.Contains(item11, openItems);

        var viewer = await portal.SignInAsAsync("Viewer");
        var text = WebUtility.HtmlDecode(Regex.Replace(await viewer.GetStringAsync("/Plans/Compare"), "<[^>]+>", " "));
        Assert.Contains("Giai đoạn 2018-2025", text);
        Assert.Contains("Giai đoạn 2026-2030", text);
        Assert.Contains("27.247,993", text);
        Assert.Contains("không tính lại ở giai đoạn sau", text);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Catalog;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Planning;

/// <summary>Plan targets with their revision history, and the set-up of the 2026-2030 program without a developer.</summary>
public sealed class CatalogSetupTests
{
    private static Task<int> ItemIdAsync(CnhtFactory portal, string program, string code) =>
        portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().ContentItems.Where(i => i.Code == code && i.Group.Program.Code == program).Select(i => i.Id).SingleAsync());

    [Fact]
    public async Task The_programs_list_counts_groups_still_without_items()
    {
        await using var portal = new CnhtFactory();
        var (groups, items) = await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (await db.ContentGroups.CountAsync(g => g.Program.Code == "2026-2030"), await db.ContentItems.CountAsync(i => i.Group.Program.Code == "2026-2030"));
        });
        Assert.True(groups > 0);
        var draft = (await portal.ScopedAsync(sp => sp.GetRequiredService<CatalogQueries>().ListProgramsAsync())).Single(p => p.Code == "2026-2030");
        Assert.Equal((groups, items), (draft.GroupCount, draft.ItemCount));
    }

    [Fact]
    public async Task A_plan_revision_keeps_its_history_and_the_group_plan_follows()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var item = await ItemIdAsync(portal, "2018-2025", "2.1");

        var missingDecision = await specialist.PostFormAsync($"/Catalog/Plan/{item}", new Dictionary<string, string> { ["Input.NewAmount"] = "100.000.000" });
        Assert.Contains("phải ghi số quyết định", await missingDecision.Content.ReadAsStringAsync());

        var ok = await specialist.PostFormAsync($"/Catalog/Plan/{item}", new Dictionary<string, string>
        {
            ["Input.NewAmount"] = "100.000.000",
            ["Input.DecisionReference"] = "1234/QĐ-UBND ngày 15/6/2026",
            ["Input.Reason"] = "Bổ sung kế hoạch khảo sát nhu cầu nhân lực",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);

        var appendix = await portal.ScopedAsync(sp => sp.GetRequiredService<AppendixQuery>().BuildAsync("2018-2025"));
        Assert.Equal(991_200_000m, appendix.Groups.Single(g => g.Code == "2").Figures.Plan);
        var history = await portal.ScopedAsync(sp => sp.GetRequiredService<CatalogService>().PlanHistoryAsync("2018-2025"));
        var revision = Assert.Single(history);
        Assert.Equal((0m, 100_000_000m, "chuyenvien@cnht.demo"), (revision.OldAmount, revision.NewAmount, revision.ChangedBy));

        var page = await specialist.GetStringAsync("/Catalog/Program/2018-2025");
        Assert.Contains("1234/QĐ-UBND ngày 15/6/2026", page);

        var viewer = await portal.SignInAsAsync("Viewer");
        var denied = await viewer.GetAsync($"/Catalog/Plan/{item}");
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_2026_program_is_set_up_ordered_and_locked_in_the_portal()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        const string setup = "/Catalog/Setup/2026-2030";
        var groups = await portal.ScopedAsync(sp => sp.GetRequiredService<CatalogQueries>().GetAsync("2026-2030"));
        Assert.NotNull(groups);

        // Every area gets one item; area 1 gets two, then the second moves up.
        foreach (var g in groups.Groups)
        {
            var r = await specialist.PostFormAsync(setup, new Dictionary<string, string>
            {
                ["NewItem.GroupId"] = g.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["NewItem.Code"] = $"{g.Code}.1",
                ["NewItem.Name"] = $"Nội dung thứ nhất của lĩnh vực {g.Code}",
                ["NewItem.Plan"] = "1.000.000.000",
            }, setup + "?handler=AddItem");
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }

        var first = groups.Groups[0];
        await specialist.PostFormAsync(setup, new Dictionary<string, string>
        {
            ["NewItem.GroupId"] = first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["NewItem.Code"] = "1.2", ["NewItem.Name"] = "Hội chợ triển lãm CNHT",
        }, setup + "?handler=AddItem");
        var duplicate = await specialist.PostFormAsync(setup, new Dictionary<string, string>
        {
            ["NewItem.GroupId"] = first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["NewItem.Code"] = "1.2", ["NewItem.Name"] = "Trùng mã",
        }, setup + "?handler=AddItem");
        Assert.Contains("đã có trong nhóm", await duplicate.Content.ReadAsStringAsync());

        // Added by mistake, then removed (with a confirmation in the page); a group with items is kept.
        await specialist.PostFormAsync(setup, new Dictionary<string, string>
        {
            ["NewItem.GroupId"] = first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["NewItem.Code"] = "1.9", ["NewItem.Name"] = "Nhập nhầm",
        }, setup + "?handler=AddItem");
        var mistaken = await ItemIdAsync(portal, "2026-2030", "1.9");
        Assert.Contains($"data-confirm=\"Xóa nội dung 1.9?", System.Net.WebUtility.HtmlDecode(await specialist.GetStringAsync(setup)));
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.PostFormAsync(setup, new Dictionary<string, string> { ["TargetId"] = mistaken.ToString(System.Globalization.CultureInfo.InvariantCulture) }, setup + "?handler=RemoveItem")).StatusCode);
        Assert.Equal(0, await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().ContentItems.CountAsync(i => i.Id == mistaken)));
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.PostFormAsync(setup, new Dictionary<string, string> { ["NewGroup.Code"] = "9", ["NewGroup.Name"] = "Nhóm nhập nhầm" }, setup + "?handler=AddGroup")).StatusCode);
        var mistakenGroup = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().ContentGroups.Where(g => g.Code == "9" && g.Program.Code == "2026-2030").Select(g => g.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.PostFormAsync(setup, new Dictionary<string, string> { ["TargetId"] = mistakenGroup.ToString(System.Globalization.CultureInfo.InvariantCulture) }, setup + "?handler=RemoveGroup")).StatusCode);
        Assert.Equal(groups.Groups.Count, await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().ContentGroups.CountAsync(g => g.Program.Code == "2026-2030")));
        var withItems = await specialist.PostFormAsync(setup, new Dictionary<string, string> { ["TargetId"] = first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, setup + "?handler=RemoveGroup");
        Assert.Contains("xóa các nội dung của nhóm trước", System.Net.WebUtility.HtmlDecode(await withItems.Content.ReadAsStringAsync()));
        var removals = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.CountAsync(a => a.Action == "Delete" && (a.EntityType == "ContentItem" || a.EntityType == "ContentGroup")));
        Assert.True(removals >= 2, "each removal is in the audit trail");

        // The name and period as the decision words them, while the program is a draft.
        var badPeriod = await specialist.PostFormAsync(setup, new Dictionary<string, string> { ["Describe.Name"] = "Chương trình phát triển CNHT tỉnh Nghệ An giai đoạn 2026-2030", ["Describe.StartYear"] = "2031", ["Describe.EndYear"] = "2026" }, setup + "?handler=Describe");
        Assert.Contains("Năm bắt đầu (2031) không được sau năm kết thúc (2026)", System.Net.WebUtility.HtmlDecode(await badPeriod.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.PostFormAsync(setup, new Dictionary<string, string> { ["Describe.Name"] = "Chương trình phát triển CNHT tỉnh Nghệ An giai đoạn 2026-2030", ["Describe.StartYear"] = "2026", ["Describe.EndYear"] = "2030" }, setup + "?handler=Describe")).StatusCode);
        Assert.Equal("Chương trình phát triển CNHT tỉnh Nghệ An giai đoạn 2026-2030", (await portal.ScopedAsync(sp => sp.GetRequiredService<CatalogQueries>().GetAsync("2026-2030")))!.Name);

        var item12 = await ItemIdAsync(portal, "2026-2030", "1.2");
        await specialist.PostFormAsync(setup, new Dictionary<string, string> { ["TargetId"] = item12.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Direction"] = "-1" }, setup + "?handler=MoveItem");
        var catalog = await portal.ScopedAsync(sp => sp.GetRequiredService<CatalogQueries>().GetAsync("2026-2030"));
        Assert.Equal(["1.2", "1.1"], catalog!.Groups[0].Items.Select(i => i.Code));
        Assert.Equal(6_000_000_000m, catalog.Plan);

        var locked = await specialist.PostFormAsync(setup, new Dictionary<string, string> { ["Lock.LegalBasis"] = "Quyết định số 999/QĐ-UBND ngày 10/01/2026" }, setup + "?handler=Lock");
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Equal(ProgramStatus.Active, (await portal.ScopedAsync(sp => sp.GetRequiredService<CatalogQueries>().GetAsync("2026-2030")))!.Status);

        var after = await specialist.PostFormAsync(setup, new Dictionary<string, string>
        {
            ["NewItem.GroupId"] = first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["NewItem.Code"] = "1.3", ["NewItem.Name"] = "Muộn",
        }, setup + "?handler=AddItem");
        Assert.Contains("đã khóa", await after.Content.ReadAsStringAsync());
        var removeAfter = await specialist.PostFormAsync(setup, new Dictionary<string, string> { ["TargetId"] = item12.ToString(System.Globalization.CultureInfo.InvariantCulture) }, setup + "?handler=RemoveItem");
        Assert.Contains("đã khóa", await removeAfter.Content.ReadAsStringAsync());
        var describeAfter = await specialist.PostFormAsync(setup, new Dictionary<string, string> { ["Describe.Name"] = "Đổi tên muộn", ["Describe.StartYear"] = "2026", ["Describe.EndYear"] = "2030" }, setup + "?handler=Describe");
        Assert.Contains("đã khóa", await describeAfter.Content.ReadAsStringAsync());
        Assert.Equal(1, await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().ContentItems.CountAsync(i => i.Id == item12)));
    }

    [Fact]
    public async Task Locking_with_an_empty_area_is_refused()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var response = await specialist.PostFormAsync("/Catalog/Setup/2026-2030", new Dictionary<string, string> { ["Lock.LegalBasis"] = "QĐ 1" }, "/Catalog/Setup/2026-2030?handler=Lock");
        Assert.Contains("ít nhất một nội dung", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_new_program_can_be_created_by_a_specialist_only()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var form = new Dictionary<string, string> { ["Input.Code"] = "2031-2035", ["Input.Name"] = "Chương trình CNHT 2031-2035", ["Input.StartYear"] = "2031", ["Input.EndYear"] = "2035" };
        var leader = await portal.SignInAsAsync("DoitLeader");
        Assert.StartsWith("/Account/AccessDenied", (await leader.PostFormAsync("/Catalog", form, "/Catalog?handler=Create")).Headers.Location!.PathAndQuery);
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var created = await specialist.PostFormAsync("/Catalog", form, "/Catalog?handler=Create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(ProgramStatus.Draft, (await portal.ScopedAsync(sp => sp.GetRequiredService<CatalogQueries>().GetAsync("2031-2035")))!.Status);
        var backwards = await specialist.PostFormAsync("/Catalog", form, "/Catalog?handler=Create");
        Assert.Contains("Đã có chương trình mã 2031-2035", await backwards.Content.ReadAsStringAsync());
    }
}

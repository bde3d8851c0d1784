using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Domain.Estimates;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Planning;

/// <summary>Annual estimates: built from the year's proposals, submitted, approved, revised as new versions — each version kept.</summary>
public sealed partial class EstimateTests
{
    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<int> CreateAsync(HttpClient client, int year, bool prefill = true)
    {
        var response = await client.PostFormAsync("/Estimates?program=2018-2025", new Dictionary<string, string>
        {
            ["Input.Year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Prefill"] = prefill ? "true" : "false",
        }, "/Estimates?program=2018-2025&handler=Create");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(IdRegex().Match(response.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task An_estimate_is_prefilled_submitted_approved_and_revised_with_every_version_kept()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var leader = await portal.SignInAsAsync("DoitLeader");

        var v1 = await CreateAsync(specialist, 2023);
        var lines = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().AnnualEstimateLines.Where(l => l.AnnualEstimateId == v1).SumAsync(l => l.Amount));
        var planned2023 = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Proposals.Where(p => p.StartYear == 2023).SumAsync(p => p.ApprovedProvincialShare ?? 0));
        Assert.Equal(planned2023, lines);

        // Management costs typed on item 7.1, then submitted and approved.
        var item71 = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().ContentItems.Where(i => i.Code == "7.1" && i.Group.Program.Code == "2018-2025").Select(i => i.Id).SingleAsync());
        var save = await specialist.PostFormAsync($"/Estimates/Details/{v1}", new Dictionary<string, string> { ["Lines[0].ItemId"] = item71.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Lines[0].Amount"] = "25.000.000" }, $"/Estimates/Details/{v1}?handler=Save");
        Assert.True(save.StatusCode == HttpStatusCode.Redirect, await save.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.PostFormAsync($"/Estimates/Details/{v1}", new Dictionary<string, string>(), $"/Estimates/Details/{v1}?handler=Submit")).StatusCode);

        // The specialist cannot approve; the leader can.
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.PostFormAsync($"/Estimates/Details/{v1}", new Dictionary<string, string> { ["Approval.DecisionNumber"] = "1/QĐ", ["Approval.DecisionDate"] = Today }, $"/Estimates/Details/{v1}?handler=Approve")).StatusCode);
        Assert.Equal(EstimateStatus.Submitted, await StatusAsync(portal, v1));
        var approve = await leader.PostFormAsync($"/Estimates/Details/{v1}", new Dictionary<string, string> { ["Approval.DecisionNumber"] = "15/QĐ-SCT", ["Approval.DecisionDate"] = Today }, $"/Estimates/Details/{v1}?handler=Approve");
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Equal(EstimateStatus.Approved, await StatusAsync(portal, v1));

        // A revision is version 2 with the same lines; approving it supersedes (keeps) version 1.
        var v2 = await CreateAsync(specialist, 2023, prefill: false);
        var versions = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().AnnualEstimates.Where(e => e.Year == 2023).OrderBy(e => e.Version).Select(e => e.Version).ToListAsync());
        Assert.Equal([1, 2], versions);
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.PostFormAsync($"/Estimates/Details/{v2}", new Dictionary<string, string>(), $"/Estimates/Details/{v2}?handler=Submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostFormAsync($"/Estimates/Details/{v2}", new Dictionary<string, string> { ["Approval.DecisionNumber"] = "20/QĐ-SCT", ["Approval.DecisionDate"] = Today }, $"/Estimates/Details/{v2}?handler=Approve")).StatusCode);
        Assert.Equal(EstimateStatus.Superseded, await StatusAsync(portal, v1));
        Assert.Equal(EstimateStatus.Approved, await StatusAsync(portal, v2));
        var total2 = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().AnnualEstimateLines.Where(l => l.AnnualEstimateId == v2).SumAsync(l => l.Amount));
        var planned71 = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Proposals.Where(p => p.StartYear == 2023 && p.ContentItemId == item71).SumAsync(p => p.ApprovedProvincialShare ?? 0));
        Assert.Equal(planned2023 - planned71 + 25_000_000m, total2);

        var history = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.CountAsync(a => a.EntityType == "AnnualEstimate" && a.EntityKey == v1.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(history >= 3, "insert, submit, approve and supersede of version 1 are in the audit trail");
    }

    [Fact]
    public async Task An_approved_estimate_cannot_be_edited_and_a_second_open_version_is_refused()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var v1 = await CreateAsync(specialist, 2024);
        var again = await specialist.PostFormAsync("/Estimates?program=2018-2025", new Dictionary<string, string> { ["Input.Year"] = "2024" }, "/Estimates?program=2018-2025&handler=Create");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("chưa được phê duyệt", await again.Content.ReadAsStringAsync());

        var outside = await specialist.PostFormAsync("/Estimates?program=2018-2025", new Dictionary<string, string> { ["Input.Year"] = "2030" }, "/Estimates?program=2018-2025&handler=Create");
        Assert.Contains("phải nằm trong giai đoạn", await outside.Content.ReadAsStringAsync());

        var viewer = await portal.SignInAsAsync("Viewer");
        var forbidden = await viewer.PostFormAsync($"/Estimates/Details/{v1}", new Dictionary<string, string>(), $"/Estimates/Details/{v1}?handler=Submit");
        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", forbidden.Headers.Location!.PathAndQuery);
        Assert.Equal(EstimateStatus.Draft, await StatusAsync(portal, v1));
    }

    [Fact]
    public async Task A_revision_taken_from_the_proposals_keeps_the_lines_typed_by_hand()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var leader = await portal.SignInAsAsync("DoitLeader");
        // An item with no proposal in 2021 carries the management costs, typed by hand.
        var manual = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().ContentItems
            .Where(i => i.Group.Program.Code == "2018-2025" && !sp.GetRequiredService<AppDbContext>().Proposals.Any(p => p.ContentItemId == i.Id && p.StartYear == 2021))
            .OrderBy(i => i.Id).Select(i => i.Id).FirstAsync());
        var v1 = await CreateAsync(specialist, 2021);
        var link = $"/Estimates/Details/{v1}";
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.PostFormAsync(link, new Dictionary<string, string> { ["Lines[0].ItemId"] = manual.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Lines[0].Amount"] = "40.000.000" }, $"{link}?handler=Save")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.PostFormAsync(link, new Dictionary<string, string>(), $"{link}?handler=Submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostFormAsync(link, new Dictionary<string, string> { ["Approval.DecisionNumber"] = "8/QĐ-SCT", ["Approval.DecisionDate"] = Today }, $"{link}?handler=Approve")).StatusCode);

        var v2 = await CreateAsync(specialist, 2021, prefill: true);
        var lines = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().AnnualEstimateLines.Where(l => l.AnnualEstimateId == v2)
            .ToDictionaryAsync(l => l.ContentItemId, l => l.Amount));
        Assert.Equal(40_000_000m, lines[manual]);
        var planned = await portal.ScopedAsync(async sp =>
        {
            var programId = await sp.GetRequiredService<AppDbContext>().Programs.Where(p => p.Code == "2018-2025").Select(p => p.Id).SingleAsync();
            return await sp.GetRequiredService<NgheAn.CNHT.Application.Estimates.EstimateService>().PlannedByItemAsync(programId, 2021);
        });
        Assert.NotEmpty(planned);
        Assert.All(planned, p => Assert.Equal(p.Value, lines[p.Key]));
        Assert.Equal(planned.Values.Sum() + 40_000_000m, lines.Values.Sum());
    }

    [Fact]
    public async Task Each_hand_over_of_an_estimate_tells_the_next_people_and_resolves_the_previous_notice()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var leader = await portal.SignInAsAsync("DoitLeader");
        var center = await portal.SignInAsAsync("SupportCenter");
        var id = await CreateAsync(specialist, 2022);
        var link = $"/Estimates/Details/{id}";
        Task<List<(string Role, string? User, string Message, bool Resolved)>> NoticesAsync() => portal.ScopedAsync(async sp =>
            (await sp.GetRequiredService<AppDbContext>().Notifications.AsNoTracking().Where(n => n.Link == link).OrderBy(n => n.Id)
                .Select(n => new { n.RecipientRole, n.RecipientUser, n.Message, n.ResolvedAt }).ToListAsync())
            .Select(n => (n.RecipientRole, n.RecipientUser, n.Message, n.ResolvedAt is not null)).ToList());
        Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string>? form = null) =>
            client.PostFormAsync(link, form ?? [], $"{link}?handler={handler}");

        Assert.Empty(await NoticesAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(specialist, "Submit")).StatusCode);
        var submitted = Assert.Single(await NoticesAsync());
        Assert.Equal((Domain.Roles.DoitLeader, (string?)null, false), (submitted.Role, submitted.User, submitted.Resolved));
        Assert.Equal("Dự toán năm 2022 (lần 1) của Chương trình 2018-2025 đã trình, chờ Lãnh đạo Sở phê duyệt.", submitted.Message);
        // The leader sees it in the notifications list, with the way to the estimate.
        var leaderPage = await leader.GetStringAsync("/Notifications");
        Assert.Contains("Dự toán năm 2022 (lần 1) của Chương trình 2018-2025 đã trình", leaderPage);

        // Returned: the specialist who submitted it is told; the leader's notice no longer asks for action.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(leader, "Return")).StatusCode);
        var notices = await NoticesAsync();
        Assert.Equal(2, notices.Count);
        Assert.True(notices[0].Resolved);
        Assert.Equal((Domain.Roles.DoitSpecialist, (string?)"chuyenvien@cnht.demo", false), (notices[1].Role, notices[1].User, notices[1].Resolved));
        Assert.Contains("được Lãnh đạo Sở trả lại để chỉnh sửa", notices[1].Message);

        // Submitted again and approved: specialists and the Support Center are told; nothing is left open.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(specialist, "Submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(leader, "Approve", new Dictionary<string, string> { ["Approval.DecisionNumber"] = "31/QĐ-SCT", ["Approval.DecisionDate"] = Today })).StatusCode);
        notices = await NoticesAsync();
        Assert.Equal(5, notices.Count);
        Assert.All(notices.Take(3), n => Assert.True(n.Resolved));
        Assert.Equal([Domain.Roles.DoitSpecialist, Domain.Roles.SupportCenter], notices.Skip(3).Select(n => n.Role));
        Assert.All(notices.Skip(3), n => Assert.Equal("Dự toán năm 2022 (lần 1) của Chương trình 2018-2025 đã được phê duyệt (quyết định số 31/QĐ-SCT).", n.Message));
        Assert.Contains("đã được phê duyệt (quyết định số 31/QĐ-SCT)", await center.GetStringAsync("/Notifications"));

        // A refused step (the specialist approving version 2) leaves no notice: only the submission's is there.
        var v2 = await CreateAsync(specialist, 2022, prefill: false);
        var link2 = $"/Estimates/Details/{v2}";
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.PostFormAsync(link2, new Dictionary<string, string>(), $"{link2}?handler=Submit")).StatusCode);
        await specialist.PostFormAsync(link2, new Dictionary<string, string> { ["Approval.DecisionNumber"] = "1/QĐ", ["Approval.DecisionDate"] = Today }, $"{link2}?handler=Approve");
        Assert.Equal(EstimateStatus.Submitted, await StatusAsync(portal, v2));
        var second = Assert.Single(await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Notifications.Where(n => n.Link == link2).ToListAsync()));
        Assert.Equal((Domain.Roles.DoitLeader, (DateTime?)null), (second.RecipientRole, second.ResolvedAt));
        Assert.Contains("(lần 2)", second.Message);
    }

    private static Task<EstimateStatus> StatusAsync(CnhtFactory portal, int id) =>
        portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().AnnualEstimates.Where(e => e.Id == id).Select(e => e.Status).SingleAsync());

    [GeneratedRegex(@"/Estimates/Details/(\d+)")]
    private static partial Regex IdRegex();
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Identity;
using NgheAn.CNHT.IntegrationTests.Support;
using static NgheAn.CNHT.IntegrationTests.Support.ProposalArrange;

namespace NgheAn.CNHT.IntegrationTests.Notifications;

/// <summary>
/// Notices that a proposal needs someone's action: written with the step (or not at all), seen by the right
/// people, read per user, resolved when the proposal moves on.
/// </summary>
public sealed partial class NotificationTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Fields(params (string Key, string Value)[] fields) =>
        fields.ToDictionary(f => "Act." + f.Key, f => f.Value);

    private static readonly Dictionary<string, string> Appraisal =
        Fields(("Date", Today), ("Comment", "Hội đồng đồng ý"), ("TotalCost", "1.000.000.000"), ("ProvincialShare", "300.000.000"));

    private static async Task StepAsync(HttpClient client, int id, string handler, Dictionary<string, string> fields)
    {
        var response = await client.PostStepAsync(id, handler, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler}: {(int)response.StatusCode}");
    }

    private Task<List<(string Role, string? User, string Message, DateTime? Resolved)>> NoticesAsync(int proposalId) =>
        ReadAsync(portal, async db => (await db.Notifications.AsNoTracking().Where(n => n.ProposalId == proposalId).OrderBy(n => n.Id)
            .Select(n => new { n.RecipientRole, n.RecipientUser, n.Message, n.ResolvedAt }).ToListAsync())
            .Select(n => (n.RecipientRole, n.RecipientUser, n.Message, n.ResolvedAt)).ToList());

    /// <summary>The number on the bell of the signed-in user (0 when the bell shows none).</summary>
    private static async Task<int> BellAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/Notifications");
        var match = BellRegex().Match(html);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private async Task<HttpClient> SecondCenterUserAsync()
    {
        const string email = "trungtam2@cnht.demo";
        using (var scope = portal.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Hồ Thị Giang", CreatedAt = DateTime.UtcNow };
                Assert.True((await users.CreateAsync(user, "Mat-khau@2026")).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, Roles.SupportCenter)).Succeeded);
            }
        }

        var client = portal.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, "Mat-khau@2026")).StatusCode);
        return client;
    }

    [Fact]
    public async Task Each_step_that_hands_the_proposal_on_tells_the_next_role_and_resolves_the_previous_notice()
    {
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var center = await portal.SignInAsAsync("SupportCenter");
        var leader = await portal.SignInAsAsync("DoitLeader");
        var id = await InStatusAsync(portal, ProposalStatus.Draft, "Đề án kiểm thử thông báo");
        await AttachDossierAsync(portal, id);
        var code = await ReadAsync(portal, db => db.Proposals.Where(p => p.Id == id).Select(p => p.Code).SingleAsync());

        await StepAsync(specialist, id, "Submit", Fields());
        var notices = await NoticesAsync(id);
        var submitted = Assert.Single(notices);
        Assert.Equal((Roles.SupportCenter, (string?)null), (submitted.Role, submitted.User));
        Assert.Equal($"Đề án {code} «Đề án kiểm thử thông báo» đã nộp hồ sơ, chờ Trung tâm ghi kết quả thẩm định.", submitted.Message);
        Assert.Null(submitted.Resolved);

        await StepAsync(center, id, "Appraise", Appraisal);
        notices = await NoticesAsync(id);
        Assert.Equal(2, notices.Count);
        Assert.NotNull(notices[0].Resolved);
        Assert.Equal(Roles.DoitLeader, notices[1].Role);
        Assert.Contains("chờ Lãnh đạo Sở phê duyệt", notices[1].Message);

        await StepAsync(leader, id, "Approve", Fields(("DecisionNumber", "77/QĐ-SCT"), ("Date", Today), ("TotalCost", "1.000.000.000"), ("ProvincialShare", "300.000.000")));
        notices = await NoticesAsync(id);
        Assert.Equal(3, notices.Count);
        Assert.All(notices.Take(2), n => Assert.NotNull(n.Resolved));
        Assert.Equal(Roles.SupportCenter, notices[2].Role);
        Assert.Contains("đã được phê duyệt (quyết định số 77/QĐ-SCT)", notices[2].Message);

        // Starting implementation resolves the approval notice and asks nobody else.
        await StepAsync(center, id, "StartImplementation", Fields());
        notices = await NoticesAsync(id);
        Assert.Equal(3, notices.Count);
        Assert.All(notices, n => Assert.NotNull(n.Resolved));
    }

    [Fact]
    public async Task A_refused_step_leaves_no_notice()
    {
        var center = await portal.SignInAsAsync("SupportCenter");
        var id = await InStatusAsync(portal, ProposalStatus.Submitted);

        // The Support Center cannot approve, and an appraisal without the council's opinion is refused.
        var approve = await center.PostStepAsync(id, "Approve", Fields(("DecisionNumber", "1/QĐ"), ("Date", Today), ("TotalCost", "1.000.000.000"), ("ProvincialShare", "1")));
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        var appraise = await center.PostStepAsync(id, "Appraise", Fields(("Date", Today), ("TotalCost", "1.000.000.000"), ("ProvincialShare", "300.000.000")));
        Assert.Equal(HttpStatusCode.OK, appraise.StatusCode);

        Assert.Empty(await NoticesAsync(id));
        Assert.Equal(ProposalStatus.Submitted, await StatusAsync(portal, id));
    }

    [Fact]
    public async Task A_notice_to_a_role_is_read_by_each_member_for_themselves()
    {
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var center = await portal.SignInAsAsync("SupportCenter");
        var colleague = await SecondCenterUserAsync();
        var viewer = await portal.SignInAsAsync("Viewer");
        var id = await InStatusAsync(portal, ProposalStatus.Draft, "Đề án kiểm thử đọc thông báo");
        await AttachDossierAsync(portal, id);
        var before = (await BellAsync(center), await BellAsync(colleague), await BellAsync(viewer));

        await StepAsync(specialist, id, "Submit", Fields());
        Assert.Equal(before.Item1 + 1, await BellAsync(center));
        Assert.Equal(before.Item2 + 1, await BellAsync(colleague));
        Assert.Equal(before.Item3, await BellAsync(viewer));
        var noticeId = await ReadAsync(portal, db => db.Notifications.Where(n => n.ProposalId == id).Select(n => n.Id).SingleAsync());
        Assert.Contains("Đề án kiểm thử đọc thông báo", await center.GetStringAsync("/"));

        // Opening the notice marks it read for this user only and lands on the proposal.
        var open = await center.GetAsync($"/Notifications?handler=Open&id={noticeId}");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal($"/Proposals/Details/{id}", open.Headers.Location!.OriginalString);
        Assert.Equal(before.Item1, await BellAsync(center));
        Assert.Equal(before.Item2 + 1, await BellAsync(colleague));

        // Someone else's notice is not theirs to open.
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/Notifications?handler=Open&id={noticeId}")).StatusCode);

        // "Mark all read" empties the colleague's bell; opening twice changes nothing.
        var all = await colleague.PostFormAsync("/Notifications", new Dictionary<string, string>(), "/Notifications?handler=ReadAll");
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        Assert.Equal(0, await BellAsync(colleague));
        Assert.Equal(HttpStatusCode.Redirect, (await center.GetAsync($"/Notifications?handler=Open&id={noticeId}")).StatusCode);
        Assert.Equal(2, await ReadAsync(portal, db => db.NotificationReceipts.CountAsync(r => r.NotificationId == noticeId)));
    }

    [Fact]
    public async Task A_proposal_returned_for_revision_is_told_to_the_specialist_who_submitted_it()
    {
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var center = await portal.SignInAsAsync("SupportCenter");
        var id = await InStatusAsync(portal, ProposalStatus.Submitted, "Đề án kiểm thử trả lại");
        await AttachDossierAsync(portal, id);

        await StepAsync(center, id, "ReturnForRevision", Fields(("Comment", "Bổ sung dự toán chi tiết từng hạng mục")));
        var notice = (await NoticesAsync(id)).Single();
        Assert.Equal((Roles.DoitSpecialist, (string?)"chuyenvien@cnht.demo"), (notice.Role, notice.User));
        Assert.EndsWith("được trả lại để chỉnh sửa, bổ sung: Bổ sung dự toán chi tiết từng hạng mục", notice.Message);

        var list = await specialist.GetStringAsync("/Notifications?unread=true");
        Assert.Contains("Bổ sung dự toán chi tiết từng hạng mục", WebUtility.HtmlDecode(list));

        // Resubmitting resolves it.
        await StepAsync(specialist, id, "Submit", Fields());
        Assert.NotNull((await NoticesAsync(id))[0].Resolved);
    }

    [Fact]
    public async Task The_notifications_page_and_bell_answer_every_signed_in_role_and_nobody_else()
    {
        foreach (var role in new[] { "Admin", "DoitSpecialist", "DoitLeader", "SupportCenter", "Viewer" })
        {
            var client = await portal.SignInAsAsync(role);
            var response = await client.GetAsync("/Notifications");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("id=\"notification-bell\"", html);
            Assert.Contains("<title>Thông báo — CNHT Nghệ An</title>", html);
        }

        var anonymous = portal.NewClient();
        var denied = await anonymous.GetAsync("/Notifications");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/Account/Login", denied.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Leaders_approving_the_same_proposal_at_once_on_SQLite_leave_one_approval_and_one_notice()
    {
        var id = await InStatusAsync(portal, ProposalStatus.Appraised, "Đề án phê duyệt đồng thời");
        var forms = new List<(HttpClient Client, FormUrlEncodedContent Form)>();
        for (var i = 0; i < 4; i++)
        {
            var client = await portal.SignInAsAsync("DoitLeader");
            var html = await client.GetStringAsync($"/Proposals/Details/{id}");
            forms.Add((client, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebPageHelpers.AntiforgeryToken(html),
                ["Act.Stamp"] = StampRegex().Match(html).Groups[1].Value,
                ["Act.DecisionNumber"] = $"{300 + i}/QĐ-SCT",
                ["Act.Date"] = Today,
                ["Act.TotalCost"] = "900.000.000",
                ["Act.ProvincialShare"] = "270.000.000",
            })));
        }

        var responses = await Task.WhenAll(forms.Select(f => Task.Run(() => f.Client.PostAsync($"/Proposals/Details/{id}?handler=Approve", f.Form))));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        var notice = Assert.Single(await NoticesAsync(id));
        Assert.Equal(Roles.SupportCenter, notice.Role);
        var decision = await ReadAsync(portal, db => db.Proposals.Where(p => p.Id == id).Select(p => p.DecisionNumber).SingleAsync());
        Assert.Contains($"quyết định số {decision}", notice.Message);
    }

    [GeneratedRegex("name=\"Act.Stamp\" value=\"([^\"]+)\"")]
    private static partial Regex StampRegex();

    [GeneratedRegex("class=\"bell-count\" data-unread=\"(\\d+)\"")]
    private static partial Regex BellRegex();
}

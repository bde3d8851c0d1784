using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Access;
using NgheAn.CNHT.Infrastructure.Identity;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Performance;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Notifications;

/// <summary>
/// The bell's count and latest notices are kept per node under the user's name and roles (ADR 0217). The portal's clock
/// never moves here, so only this node's own saves make it read again: a new notice, a read, or another user's notice
/// must show (or not) on the very next request, and each user sees only their own notices once the kept values are warm.
/// </summary>
public sealed partial class NotificationCountKeptTests(FrozenClockPortal portal) : IClassFixture<FrozenClockPortal>
{
    private static async Task<int> BellAsync(HttpClient client, string path = "/")
    {
        var html = await client.GetStringAsync(path);
        var match = BellRegex().Match(html);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private Task<long> AddNoticeAsync(string role, string? user, string message) => portal.ScopedAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var notice = new Notification(role, user, null, message, "/Notifications", DateTime.UtcNow);
        db.Notifications.Add(notice);
        await db.SaveChangesAsync();
        return notice.Id;
    });

    private async Task<HttpClient> SecondLeaderAsync()
    {
        const string email = "lanhdao2@cnht.demo";
        await portal.ScopedAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Nguyễn Văn Hai", CreatedAt = DateTime.UtcNow };
                Assert.True((await users.CreateAsync(user, "Mat-khau@2026")).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, Roles.DoitLeader)).Succeeded);
            }

            return 0;
        });
        var client = portal.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, "Mat-khau@2026")).StatusCode);
        return client;
    }

    [Fact]
    public async Task A_new_notice_and_a_read_show_on_the_next_request_and_only_to_their_readers()
    {
        var leader = await portal.SignInAsAsync("DoitLeader");
        var otherLeader = await SecondLeaderAsync();
        var viewer = await portal.SignInAsAsync("Viewer");
        var center = await portal.SignInAsAsync("SupportCenter");

        // Warm: every reader's count is kept.
        var leader0 = await BellAsync(leader);
        var other0 = await BellAsync(otherLeader);
        var viewer0 = await BellAsync(viewer);
        var center0 = await BellAsync(center);
        Assert.Equal(leader0, await BellAsync(leader, "/Proposals"));

        // A notice to the leaders' role: both leaders at once, nobody else.
        var toRole = await AddNoticeAsync(Roles.DoitLeader, null, "Thông báo kiểm thử cho Lãnh đạo Sở (ADR 0217)");
        Assert.Equal(leader0 + 1, await BellAsync(leader));
        Assert.Equal(other0 + 1, await BellAsync(otherLeader));
        Assert.Equal(viewer0, await BellAsync(viewer));
        Assert.Equal(center0, await BellAsync(center));
        Assert.Contains("Thông báo kiểm thử cho Lãnh đạo Sở (ADR 0217)", await leader.GetStringAsync("/"));
        Assert.DoesNotContain("Thông báo kiểm thử cho Lãnh đạo Sở (ADR 0217)", await viewer.GetStringAsync("/"));

        // A notice to one leader by name: the other leader (same roles) does not see it.
        await AddNoticeAsync(Roles.DoitLeader, "lanhdao@cnht.demo", "Thông báo riêng cho một lãnh đạo (ADR 0217)");
        Assert.Equal(leader0 + 2, await BellAsync(leader));
        Assert.Equal(other0 + 1, await BellAsync(otherLeader));
        Assert.DoesNotContain("Thông báo riêng cho một lãnh đạo (ADR 0217)", await otherLeader.GetStringAsync("/"));

        // A read through the bell's link: that reader's count falls at once, the other leader's does not.
        var open = await leader.GetAsync($"/Notifications?handler=Open&id={toRole}");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal(leader0 + 1, await BellAsync(leader));
        Assert.Equal(other0 + 1, await BellAsync(otherLeader));
        Assert.DoesNotContain("Thông báo kiểm thử cho Lãnh đạo Sở (ADR 0217)", await leader.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_notice_saved_through_another_node_shows_within_the_second()
    {
        await using var nodeA = new DemoPortal();
        await nodeA.EnsureDemoUsersAsync();
        await using var nodeB = new CnhtFactory(seedDemoData: false, databasePath: nodeA.DatabasePath);
        var onA = await nodeA.SignInAsAsync("SupportCenter");
        var before = await BellAsync(onA);
        Assert.Equal(before, await BellAsync(onA));

        await nodeB.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.Notifications.Add(new Notification(Roles.SupportCenter, null, null, "Thông báo lưu qua nút B (ADR 0217)", "/Notifications", DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

        var savedAt = DateTime.UtcNow;
        int count;
        do
        {
            count = await BellAsync(onA);
            if (count == before + 1)
            {
                break;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow - savedAt < TimeSpan.FromSeconds(4));

        Assert.Equal(before + 1, count);
    }

    [GeneratedRegex("class=\"bell-count\" data-unread=\"(\\d+)\"")]
    private static partial Regex BellRegex();
}

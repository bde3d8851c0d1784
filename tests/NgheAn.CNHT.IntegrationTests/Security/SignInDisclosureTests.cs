using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Infrastructure.Identity;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Security;

/// <summary>
/// The sign-in page tells an outsider nothing: a wrong password, an unknown e-mail, a disabled and a locked account
/// give the same page in about the same time; the specific reason comes only after the right password, and is
/// written to the audit log (issue 23, ADR 0110).
/// </summary>
public sealed partial class SignInDisclosureTests
{
    private const string Password = "Mat-khau-dung@2026";
    private const string Wrong = "Mat-khau-sai@2026";

    private sealed record Accounts(string Active, string Unknown, string Disabled, string Locked);

    private static async Task<Accounts> ArrangeAsync(CnhtFactory portal, string tag)
    {
        await portal.ScopedAsync(async sp =>
        {
            var seeder = sp.GetRequiredService<UserSeeder>();
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            await seeder.CreateAsync($"dang-hoat-dong-{tag}@cnht.demo", Password, "Tài khoản hoạt động", Roles.Viewer, isDemo: true);
            var disabled = await seeder.CreateAsync($"bi-vo-hieu-{tag}@cnht.demo", Password, "Tài khoản bị vô hiệu hóa", Roles.Viewer, isDemo: true);
            disabled.IsActive = false;
            await users.UpdateAsync(disabled);
            var locked = await seeder.CreateAsync($"bi-khoa-{tag}@cnht.demo", Password, "Tài khoản bị khóa", Roles.Viewer, isDemo: true);
            await users.SetLockoutEndDateAsync(locked, DateTimeOffset.UtcNow.AddMinutes(10));
            return true;
        });
        return new Accounts($"dang-hoat-dong-{tag}@cnht.demo", $"khong-ton-tai-{tag}@cnht.demo", $"bi-vo-hieu-{tag}@cnht.demo", $"bi-khoa-{tag}@cnht.demo");
    }

    /// <summary>The page as the visitor sees it, without what differs by design: the antiforgery token and the e-mail typed.</summary>
    private static async Task<(HttpStatusCode Status, string Page)> AttemptAsync(CnhtFactory portal, string email, string password)
    {
        var response = await portal.NewClient().SignInAsync(email, password);
        var html = await response.Content.ReadAsStringAsync();
        html = TokenRegex().Replace(html, "TOKEN").Replace(email, "EMAIL", StringComparison.Ordinal);
        return (response.StatusCode, html);
    }

    [Fact]
    public async Task The_four_login_failures_are_indistinguishable()
    {
        await using var portal = new CnhtFactory(seedDemoData: false);
        var a = await ArrangeAsync(portal, "giong");

        var wrongPassword = await AttemptAsync(portal, a.Active, Wrong);
        var unknown = await AttemptAsync(portal, a.Unknown, Wrong);
        var disabled = await AttemptAsync(portal, a.Disabled, Wrong);
        var locked = await AttemptAsync(portal, a.Locked, Wrong);

        Assert.Equal(HttpStatusCode.OK, wrongPassword.Status);
        Assert.Contains(NgheAn.CNHT.Web.Security.SignInGate.GenericFailure, WebUtility.HtmlDecode(wrongPassword.Page));
        Assert.Equal(wrongPassword, unknown);
        Assert.Equal(wrongPassword, disabled);
        Assert.Equal(wrongPassword, locked);
    }

    [Fact]
    public async Task The_four_login_failures_take_about_the_same_time()
    {
        // The production work factor: what makes a failure without a hash stand out is the hash's real cost.
        await using var portal = new CnhtFactory(seedDemoData: false) { FastPasswordHashing = false };
        var a = await ArrangeAsync(portal, "thoi-gian");
        var emails = new[] { a.Active, a.Unknown, a.Disabled, a.Locked };
        var times = emails.ToDictionary(e => e, _ => new List<double>());
        await AttemptAsync(portal, a.Unknown, Wrong); // warm-up: the first request of a host pays for start-up
        for (var round = 0; round < 5; round++)
        {
            foreach (var email in emails)
            {
                var client = portal.NewClient();
                var html = await client.GetStringAsync("/Account/Login");
                var form = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Input.Email"] = email, ["Input.Password"] = Wrong, ["__RequestVerificationToken"] = WebPageHelpers.AntiforgeryToken(html),
                });
                var clock = Stopwatch.StartNew();
                var response = await client.PostAsync("/Account/Login", form);
                clock.Stop();
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                times[email].Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        var medians = times.ToDictionary(t => t.Key, t => t.Value.Order().ElementAt(t.Value.Count / 2));
        var slowest = medians.Values.Max();
        // Each failure costs one password hash (tens of milliseconds); a failure answered without one is many times faster.
        Assert.All(medians, m => Assert.True(m.Value >= 0.35 * slowest,
            $"{m.Key}: {m.Value:0} ms against {slowest:0} ms — " + string.Join(", ", medians.Select(x => $"{x.Key} {x.Value:0} ms"))));
    }

    [Fact]
    public async Task The_specific_reason_comes_only_after_the_right_password_and_is_audited()
    {
        await using var portal = new CnhtFactory(seedDemoData: false);
        var a = await ArrangeAsync(portal, "ly-do");

        var disabled = WebUtility.HtmlDecode(await (await portal.NewClient().SignInAsync(a.Disabled, Password)).Content.ReadAsStringAsync());
        Assert.Contains("Tài khoản đã bị vô hiệu hóa", disabled);
        var locked = WebUtility.HtmlDecode(await (await portal.NewClient().SignInAsync(a.Locked, Password)).Content.ReadAsStringAsync());
        Assert.Contains("Tài khoản tạm khóa", locked);

        var audited = await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var ids = await db.Users.Where(u => u.Email == a.Disabled || u.Email == a.Locked).Select(u => u.Id).ToListAsync();
            return await db.AuditEntries.Where(e => e.Action == NgheAn.CNHT.Web.Security.SignInGate.AuditAction && ids.Contains(e.EntityKey))
                .Select(e => e.Changes).ToListAsync();
        });
        Assert.Equal(2, audited.Count);
        Assert.Contains(audited, c => c.Contains("vô hiệu hóa", StringComparison.Ordinal));
        Assert.Contains(audited, c => c.Contains("tạm khóa", StringComparison.Ordinal));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex TokenRegex();
}

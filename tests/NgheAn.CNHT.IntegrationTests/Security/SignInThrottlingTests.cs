using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Infrastructure.Identity;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.IntegrationTests.Support;
using NgheAn.CNHT.Web.Security;

namespace NgheAn.CNHT.IntegrationTests.Security;

/// <summary>
/// Throttling that counts everyone, lockout that cannot be turned against a user beyond its documented rule
/// (issue 23, ADR 0110): a per-address limit on sign-in attempts (and refused API keys), progressive lockout.
/// </summary>
public sealed class SignInThrottlingTests
{
    private static readonly IPAddress Attacker = IPAddress.Parse("203.0.113.66");
    private static readonly IPAddress Victim = IPAddress.Parse("198.51.100.20");

    /// <summary>A portal with the production limit (the test host's default is generous, so other tests never hit it).</summary>
    private static CnhtFactory LimitedPortal() => new(seedDemoData: false)
    {
        Settings = { ["Security:AuthRateLimit:PermitLimit"] = new AuthRateLimitOptions().PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };

    private static Task<AppUser> UserAsync(CnhtFactory portal, string email) =>
        portal.ScopedAsync(async sp => (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!);

    [Fact]
    public void The_lockout_rule_is_progressive_and_capped()
    {
        Assert.All(Enumerable.Range(1, 4), n => Assert.Null(LockoutRule.LockFor(n)));
        Assert.Equal(new[] { 1d, 2d, 4d, 8d, 15d, 15d }, Enumerable.Range(5, 6).Select(n => LockoutRule.LockFor(n)!.Value.TotalMinutes).ToArray());
        Assert.Equal(15d, LockoutRule.LockFor(1000)!.Value.TotalMinutes);
    }

    [Fact]
    public async Task The_per_address_login_limit_answers_429_and_the_account_is_locked_no_longer_than_the_rule()
    {
        await using var portal = LimitedPortal();
        await portal.EnsureDemoUsersAsync();
        var limit = new AuthRateLimitOptions().PermitLimit;
        var attacker = portal.ClientFrom(Attacker);
        var started = DateTimeOffset.UtcNow;

        for (var i = 0; i < limit; i++)
        {
            var guess = await attacker.SignInAsync("xem@cnht.demo", $"Doan-mo-{i}@2026");
            Assert.Equal(HttpStatusCode.OK, guess.StatusCode);
        }

        var throttled = await attacker.SignInAsync("xem@cnht.demo", UserSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(throttled.Headers.RetryAfter is not null, "Retry-After");
        Assert.Contains("Quá nhiều lần thử", await throttled.Content.ReadAsStringAsync());

        // Ten guesses: four free, the fifth locks for one minute, the five made while locked are not even counted.
        var user = await UserAsync(portal, "xem@cnht.demo");
        Assert.Equal(LockoutRule.FreeFailures + 1, user.AccessFailedCount);
        Assert.InRange(user.LockoutEnd!.Value, started, DateTimeOffset.UtcNow + LockoutRule.LockFor(LockoutRule.FreeFailures + 1)!.Value);

        // The account's owner, from another address, is not throttled; told of the lock only with the right password.
        var owner = portal.ClientFrom(Victim);
        var told = await owner.SignInAsync("xem@cnht.demo", UserSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, told.StatusCode);
        Assert.Contains("Tài khoản tạm khóa", WebUtility.HtmlDecode(await told.Content.ReadAsStringAsync()));

        // When the minute is over, the right password signs in and the count starts again.
        await portal.ScopedAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync("xem@cnht.demo"))!, DateTimeOffset.UtcNow.AddSeconds(-1));
            return true;
        });
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SignInAsync("xem@cnht.demo", UserSeeder.DemoPassword)).StatusCode);
        Assert.Equal(0, (await UserAsync(portal, "xem@cnht.demo")).AccessFailedCount);
    }

    [Fact]
    public async Task Refused_api_keys_count_toward_the_same_per_address_limit()
    {
        await using var portal = LimitedPortal();
        var limit = new AuthRateLimitOptions().PermitLimit;
        var attacker = portal.ClientFrom(Attacker);
        async Task<HttpResponseMessage> GuessAsync(int i)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/programs");
            request.Headers.Add("X-Api-Key", $"cnht_doan-mo-{i}");
            return await attacker.SendAsync(request);
        }

        for (var i = 0; i < limit; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await GuessAsync(i)).StatusCode);
        }

        var throttled = await GuessAsync(limit);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Contains("Quá nhiều yêu cầu", await throttled.Content.ReadAsStringAsync());

        // The same budget: the sign-in page refuses that address too, and only that address.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await attacker.SignInAsync("xem@cnht.demo", "Doan-mo@2026")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await portal.ClientFrom(Victim).SignInAsync("xem@cnht.demo", "Doan-mo@2026")).StatusCode);
    }
}

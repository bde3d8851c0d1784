using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NgheAn.CNHT.Infrastructure.Identity;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.IntegrationTests.Enterprises;
using NgheAn.CNHT.IntegrationTests.Support;
using NgheAn.CNHT.Web.Security;

namespace NgheAn.CNHT.IntegrationTests.Security;

/// <summary>
/// The session check is kept in memory for at most a second, and read again at once after any account save or
/// commit of this node (ADR 0205): signing out still ends every copy of the session on its next request on this node,
/// and within the second on any other node.
/// </summary>
public sealed class SessionCheckTests
{
    private sealed class FixedOptions(double seconds) : IOptionsMonitor<SecurityOptions>
    {
        public SecurityOptions CurrentValue { get; } = new() { SessionCheckSeconds = seconds };

        public SecurityOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<SecurityOptions, string?> listener) => null;
    }

    [Fact]
    public async Task A_check_is_read_once_then_again_after_an_account_save_a_commit_or_its_second()
    {
        var clock = new MovableClock();
        var accounts = new AccountChangeWatch();
        var commits = new DataVersionWatch(clock);
        var checks = new SessionChecks(accounts, commits, clock, new FixedOptions(1));
        var reads = 0;
        var stored = new SessionChecks.AccountState("stamp-1", true);
        Task<SessionChecks.AccountState?> Read()
        {
            reads++;
            return Task.FromResult<SessionChecks.AccountState?>(stored);
        }

        Assert.Equal("stamp-1", (await checks.StateAsync("u1", Read))?.SecurityStamp);
        stored = new SessionChecks.AccountState("stamp-2", true);
        Assert.Equal("stamp-1", (await checks.StateAsync("u1", Read))?.SecurityStamp);
        Assert.Equal(1, reads);

        accounts.Changed();
        Assert.Equal("stamp-2", (await checks.StateAsync("u1", Read))?.SecurityStamp);
        Assert.Equal(2, reads);

        stored = new SessionChecks.AccountState("stamp-3", true);
        commits.Committed();
        Assert.Equal("stamp-3", (await checks.StateAsync("u1", Read))?.SecurityStamp);
        Assert.Equal(3, reads);

        stored = new SessionChecks.AccountState("stamp-4", false);
        clock.Offset += TimeSpan.FromSeconds(1);
        Assert.False((await checks.StateAsync("u1", Read))?.IsActive);
        Assert.Equal(4, reads);

        // Another account is its own entry; 0 seconds reads on every request.
        await checks.StateAsync("u2", Read);
        Assert.Equal(5, reads);
        var never = new SessionChecks(accounts, commits, clock, new FixedOptions(0));
        await never.StateAsync("u1", Read);
        await never.StateAsync("u1", Read);
        Assert.Equal(7, reads);
    }

    [Fact]
    public async Task A_session_ended_through_another_node_is_refused_here_within_the_second()
    {
        await using var nodeA = new CnhtFactory();
        await nodeA.EnsureDemoUsersAsync();
        await using var nodeB = new CnhtFactory(seedDemoData: false, databasePath: nodeA.DatabasePath);
        _ = nodeB.Server;

        var client = nodeA.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = nodeA.ClientOptions.BaseAddress });
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("trungtam@cnht.demo", UserSeeder.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Proposals")).StatusCode);

        // "Sign out of every device", made through node B: node A has saved and committed nothing meanwhile.
        await nodeB.ScopedAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return await users.UpdateSecurityStampAsync((await users.FindByEmailAsync("trungtam@cnht.demo"))!);
        });
        var endedAt = DateTime.UtcNow;

        HttpResponseMessage response;
        do
        {
            response = await client.GetAsync("/Proposals");
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                break;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow - endedAt < TimeSpan.FromSeconds(3));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }
}

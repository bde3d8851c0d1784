using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Infrastructure.Identity;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Performance;

/// <summary>
/// What a signed-in page costs in SQL round trips once its figures are kept (issue 21 § 4): within the second, nothing
/// (the session check, ADR 0205; the data version, ADR 0216; the bell's notices, ADR 0217); after it, the data version
/// and the user's own notices, nothing that grows with the page. Counted on the real portal and SQLite.
/// </summary>
public sealed class RequestFixedCostTests(SqlCountingPortal portal) : IClassFixture<SqlCountingPortal>
{
    private static string Listing(IReadOnlyList<string> commands) =>
        string.Join("\n---\n", commands.Select(c => c.Length > 300 ? c[..300] + "…" : c));

    [Theory]
    [InlineData("DoitLeader", "/")]
    [InlineData("Viewer", "/")]
    [InlineData("DoitLeader", "/Proposals?program=2018-2025&page=1")]
    [InlineData("SupportCenter", "/Proposals?program=2018-2025&page=1")]
    public async Task A_warm_page_sends_no_sql_command_within_the_second(string role, string path)
    {
        var client = await portal.SignInAsAsync(role);
        Assert.Equal(HttpStatusCode.OK, (await portal.GetCountedAsync(client, path)).Status);

        // The data version (ADR 0216) and the bell's notices (ADR 0217) are kept per node for a second and the session
        // check for a minute here: a request right after another sends nothing. On a loaded machine the second may have
        // passed between two requests; then the page reads the data version, the unread count and (when there are any)
        // the latest unread notices again, never more, and a later pair lands within the second.
        var warm = -1;
        for (var attempt = 0; attempt < 10 && warm != 0; attempt++)
        {
            var (status, commands) = await portal.GetCountedAsync(client, path);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(commands.Count <= 3, $"{path} as {role}: {commands.Count} commands\n{Listing(commands)}");
            Assert.DoesNotContain(commands, c => c.Contains("\"AspNetUsers\"", StringComparison.Ordinal));
            Assert.True(commands.Count(c => c.Contains("\"Notifications\"", StringComparison.Ordinal)) <= 2, Listing(commands));
            warm = commands.Count;
        }

        Assert.Equal(0, warm);
    }

    [Fact]
    public async Task The_session_check_is_read_again_after_an_account_of_this_node_changes()
    {
        var client = await portal.SignInAsAsync("SupportCenter");
        Assert.Equal(HttpStatusCode.OK, (await portal.GetCountedAsync(client, "/Proposals")).Status);
        Assert.DoesNotContain((await portal.GetCountedAsync(client, "/Proposals")).Commands, c => c.Contains("\"AspNetUsers\"", StringComparison.Ordinal));

        // Another account's stamp changes through this node (a sign-out): every kept check is read again, once.
        await portal.ScopedAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return await users.UpdateSecurityStampAsync((await users.FindByEmailAsync("xem@cnht.demo"))!);
        });

        var (status, again) = await portal.GetCountedAsync(client, "/Proposals");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(again, c => c.Contains("\"AspNetUsers\"", StringComparison.Ordinal));
        Assert.DoesNotContain((await portal.GetCountedAsync(client, "/Proposals")).Commands, c => c.Contains("\"AspNetUsers\"", StringComparison.Ordinal));
    }
}

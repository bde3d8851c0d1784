using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NgheAn.CNHT.Infrastructure.Identity;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.Web.Security;

/// <summary>
/// Every request of a signed-in user checks that the account is still active and its security stamp is the one in
/// the cookie. A disabled account, a new role, a changed password, signing out or a reset authenticator changes the
/// stamp, so every session of the account ends on its next request. The full principal (roles, claims) is rebuilt
/// only periodically by Identity's own validator, which this runs after.
/// <para>
/// The account's stamp, once read (one primary-key lookup), is kept in memory (<see cref="SessionChecks"/>, ADR 0205)
/// while this node has saved no account and committed no transaction since, and for at most
/// <see cref="SessionChecks.Freshness"/> (<c>Security:SessionCheckSeconds</c>, 1 s): a change made through this node ends
/// the sessions on their next request, as before; one made through another node or the command line within that second.
/// </para>
/// </summary>
public static class SessionValidation
{
    public static void Configure(CookieAuthenticationOptions options)
    {
        var refresh = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            if (context.Principal?.Identity?.IsAuthenticated == true && !await StillValidAsync(context))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }

            // Identity's validator rebuilds the principal once its interval has passed since the cookie was issued, and
            // does nothing before that; asking first spares every other request resolving its sign-in services.
            if (RefreshDue(context))
            {
                await refresh(context);
            }
        };
    }

    private static bool RefreshDue(CookieValidatePrincipalContext context)
    {
        var issued = context.Properties.IssuedUtc;
        if (issued is null)
        {
            return true;
        }

        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var clock = options.TimeProvider ?? services.GetRequiredService<TimeProvider>();
        return clock.GetUtcNow() - issued.Value > options.ValidationInterval;
    }

    private static readonly Func<AppDbContext, string, Task<SessionChecks.AccountState?>> Lookup =
        EF.CompileAsyncQuery((AppDbContext db, string id) =>
            db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new SessionChecks.AccountState(u.SecurityStamp, u.IsActive)).FirstOrDefault());

    private static async Task<bool> StillValidAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var claimType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var id = context.Principal!.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal!.FindFirstValue(claimType);
        if (id is null)
        {
            return false;
        }

        var state = await services.GetRequiredService<SessionChecks>()
            .StateAsync(id, () => Lookup(services.GetRequiredService<AppDbContext>(), id));
        return state is { IsActive: true } && string.Equals(state.SecurityStamp, stamp, StringComparison.Ordinal);
    }
}

/// <summary>
/// The accounts' session state as last read, per node (ADR 0205). An entry is reused while this node has saved no
/// account (<see cref="AccountChangeWatch"/>) and committed no transaction (<see cref="DataVersionWatch"/>) since it was
/// read, and for at most <see cref="Freshness"/>; both counters are taken before the read, so a change landing while it
/// runs makes the next request read again.
/// </summary>
public sealed class SessionChecks(AccountChangeWatch accounts, DataVersionWatch commits, TimeProvider clock, IOptionsMonitor<SecurityOptions> options)
{
    /// <summary>How long a change made elsewhere (another node, the command line) may take to end a session here.</summary>
    public TimeSpan Freshness => TimeSpan.FromSeconds(Math.Clamp(options.CurrentValue.SessionCheckSeconds, 0, 60));

    public sealed record AccountState(string? SecurityStamp, bool IsActive);

    private sealed record Entry(AccountState? State, long Changes, long Commits, DateTimeOffset At);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<AccountState?> StateAsync(string userId, Func<Task<AccountState?>> read)
    {
        var changes = accounts.Changes;
        var committed = commits.Commits;
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(userId, out var kept) && kept.Changes == changes && kept.Commits == committed && now - kept.At < Freshness)
        {
            return kept.State;
        }

        var state = await read();
        _entries[userId] = new Entry(state, changes, committed, now);
        return state;
    }
}

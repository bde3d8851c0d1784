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
/// Every request of a signed-in user checks, with one primary-key lookup, that the account is still
/// active and its security stamp is the one in the cookie. A disabled account, a new role, a changed
/// password or a reset authenticator changes the stamp, so every session of the account ends on its
/// next request, on every node. The full principal (roles, claims) is rebuilt only periodically by
/// Identity's own validator, which this runs after.
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

            await refresh(context);
        };
    }

    private static readonly Func<AppDbContext, string, Task<AccountState?>> Lookup =
        EF.CompileAsyncQuery((AppDbContext db, string id) =>
            db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new AccountState(u.SecurityStamp, u.IsActive)).FirstOrDefault());

    private sealed record AccountState(string? SecurityStamp, bool IsActive);

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

        var state = await Lookup(services.GetRequiredService<AppDbContext>(), id);
        return state is { IsActive: true } && string.Equals(state.SecurityStamp, stamp, StringComparison.Ordinal);
    }
}

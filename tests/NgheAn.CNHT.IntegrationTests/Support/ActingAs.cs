using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Infrastructure.Identity;

namespace NgheAn.CNHT.IntegrationTests.Support;

/// <summary>
/// Runs application services as a signed-in user of a role, without HTTP: the real IHttpContextAccessor
/// carries a principal, exactly as a request would.
/// </summary>
public static class ActingAs
{
    public static async Task<T> AsAsync<T>(this CnhtFactory portal, string role, Func<IServiceProvider, Task<T>> work)
    {
        using var scope = portal.Services.CreateScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        var previous = accessor.HttpContext;
        accessor.HttpContext = new DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            User = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, $"test.{role.ToLowerInvariant()}"),
                new Claim(ClaimTypes.Role, role),
                new Claim(AppClaimsPrincipalFactory.FullNameClaim, $"Kiểm thử {role}"),
            ], "Test")),
        };
        try
        {
            return await work(scope.ServiceProvider);
        }
        finally
        {
            accessor.HttpContext = previous;
        }
    }

    public static Task AsAsync(this CnhtFactory portal, string role, Func<IServiceProvider, Task> work) =>
        portal.AsAsync(role, async sp =>
        {
            await work(sp);
            return true;
        });
}

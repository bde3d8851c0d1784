using System.Security.Claims;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Web.Services;

/// <summary>The signed-in user of the current request; the system when there is none (command line, start-up).</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public const string DisplayNameClaim = NgheAn.CNHT.Infrastructure.Identity.AppClaimsPrincipalFactory.FullNameClaim;

    public string UserName => Actor.UserName;

    public Actor Actor
    {
        get
        {
            var principal = accessor.HttpContext?.User;
            if (principal?.Identity?.IsAuthenticated != true)
            {
                return Actor.System;
            }

            var name = principal.Identity.Name ?? "?";
            var roles = Roles.Known.Where(principal.IsInRole).ToHashSet();
            return new Actor(name, principal.FindFirstValue(DisplayNameClaim) ?? name, roles);
        }
    }
}

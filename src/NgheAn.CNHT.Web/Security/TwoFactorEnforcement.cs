using Microsoft.Extensions.Options;

namespace NgheAn.CNHT.Web.Security;

/// <summary>
/// Admin and DoitLeader accounts that signed in without a second factor may only reach their account
/// security page (to set up the authenticator) and sign out, until they sign in with it.
/// </summary>
public static class TwoFactorEnforcement
{
    public const string MfaClaimType = "amr";
    public const string MfaClaimValue = "mfa";

    public static IApplicationBuilder UseTwoFactorEnforcement(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<SecurityOptions>>().CurrentValue;
        var user = context.User;
        if (options.EnforceTwoFactor
            && user.Identity?.IsAuthenticated == true
            && SecurityOptions.TwoFactorRoles.Any(user.IsInRole)
            && !user.HasClaim(MfaClaimType, MfaClaimValue)
            && !IsAllowed(context.Request.Path))
        {
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                // The API answers in JSON, never with a redirect to a page.
                await Api.ApiProblem.WriteAsync(context, StatusCodes.Status403Forbidden, "Cần xác thực hai lớp",
                    "Tài khoản này phải bật và dùng xác thực hai lớp (trang Tài khoản) trước khi đọc dữ liệu, kể cả qua API.");
                return;
            }

            context.Response.Redirect("/Account/Security?required=1");
            return;
        }

        await next();
    });

    private static bool IsAllowed(PathString path) =>
        path.StartsWithSegments("/Account", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/Error", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/lib", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/css", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/js", StringComparison.OrdinalIgnoreCase)
        || path.Value is "/favicon.svg" or "/favicon.ico";
}

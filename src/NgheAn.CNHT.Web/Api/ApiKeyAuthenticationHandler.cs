using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using NgheAn.CNHT.Application.Access;
using NgheAn.CNHT.Application.Reports;

namespace NgheAn.CNHT.Web.Api;

/// <summary>
/// Authenticates another system by its key in the <c>X-Api-Key</c> header (docs/decisions/0043-api-keys.md).
/// The key is looked up by its SHA-256 hash on every request, so a revoked key is refused at once.
/// Challenges and refusals answer 401/403 with a JSON problem, never a redirect to the login page.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyService keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    /// <summary>API key, or the portal's sign-in cookie when there is no key header.</summary>
    public const string ApiOrCookieScheme = "ApiKeyOrCookie";
    public const string HeaderName = "X-Api-Key";
    public const string KeyIdClaim = "cnht:api-key";
    private const string ThrottledItem = "cnht:api-key-throttled";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        // Guessing keys draws on the address's sign-in attempts (AuthRateLimit): over the limit, no key is even looked up.
        if (Security.AuthRateLimit.IsExhausted(Context))
        {
            Context.Items[ThrottledItem] = true;
            return AuthenticateResult.Fail("Quá nhiều lần thử khóa API không hợp lệ.");
        }

        var key = await keys.AuthenticateAsync(values.ToString(), Context.RequestAborted);
        if (key is null)
        {
            Logger.LogWarning("Refused an API request with an unknown or revoked key from {Address}", Context.Connection.RemoteIpAddress);
            if (!Security.AuthRateLimit.TryCountFailure(Context))
            {
                Context.Items[ThrottledItem] = true;
            }

            return AuthenticateResult.Fail("Khóa API không hợp lệ hoặc đã bị thu hồi.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, $"api:{key.Prefix}"),
                new Claim(ClaimTypes.NameIdentifier, $"api-key-{key.Id}"),
                new Claim(KeyIdClaim, key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim("cnht:api-key-name", key.Name),
            ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.ContainsKey(ThrottledItem))
        {
            return Security.AuthRateLimit.WriteRejectionAsync(Context);
        }

        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        return ApiProblem.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Chưa xác thực",
            Request.Headers.ContainsKey(HeaderName)
                ? "Khóa API không hợp lệ hoặc đã bị thu hồi."
                : $"Cần khóa API trong tiêu đề {HeaderName} (do Quản trị hệ thống cấp), hoặc đăng nhập cổng.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblem.WriteAsync(Context, StatusCodes.Status403Forbidden, "Không có quyền",
            "Tài khoản này không được đọc dữ liệu chương trình qua API.");
}

/// <summary>The API's error body: a problem document (RFC 9457) in Vietnamese.</summary>
public sealed record ApiProblem(string Title, int Status, string Detail)
{
    public static IResult Result(int status, string title, string detail) =>
        Results.Json(new ApiProblem(title, status, detail), ReportJson.Options, "application/problem+json", status);

    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json; charset=utf-8";
        await context.Response.WriteAsync(ReportJson.Serialize(new ApiProblem(title, status, detail)));
    }
}

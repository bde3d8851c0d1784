using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace NgheAn.CNHT.Web.Api;

/// <summary>
/// Under /api the refusals the framework makes itself (a parameter that does not parse, an unknown address, a
/// method other than GET) answer with the API's JSON problem in Vietnamese, not with the portal's HTML error page
/// (status code pages are turned off there) and never with a stack trace.
/// </summary>
public static class ApiErrors
{
    public static IServiceCollection AddApiErrors(this IServiceCollection services) =>
        // A query value that does not parse is a 400 answer, not an exception (also in Development).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);

    public static IApplicationBuilder UseApiErrors(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next();
            return;
        }

        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        // Read-only: anything but GET (and HEAD) is refused here, before sign-in would turn it into a redirect.
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Headers.Allow = "GET, HEAD";
            await ApiProblem.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "Phương thức không được hỗ trợ", "API chỉ đọc: chỉ nhận yêu cầu GET.");
            return;
        }

        await next();
        if (context.Response.HasStarted || context.Response.ContentLength > 0 || context.Response.ContentType is not null)
        {
            return;
        }

        var (title, detail) = context.Response.StatusCode switch
        {
            StatusCodes.Status400BadRequest => ("Yêu cầu không hợp lệ",
                "Một tham số không đúng kiểu (ví dụ page, pageSize, fromYear, toYear là số nguyên; from, to là ngày yyyy-MM-dd). Xem mô tả tại /openapi/v1.json."),
            StatusCodes.Status404NotFound => ("Không tìm thấy", "Không có địa chỉ này trong API. Xem mô tả tại /openapi/v1.json."),
            StatusCodes.Status405MethodNotAllowed => ("Phương thức không được hỗ trợ", "API chỉ đọc: chỉ nhận yêu cầu GET."),
            _ => (null, null),
        };
        if (title is not null)
        {
            await ApiProblem.WriteAsync(context, context.Response.StatusCode, title, detail!);
        }
    });
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using NgheAn.CNHT.Application.DataExchange;

namespace NgheAn.CNHT.Web.Services;

/// <summary>
/// Upload limits and the progress stream of the import pages (docs/decisions/0042-import-progress-without-server-state.md).
/// A browser that asks for <c>application/x-ndjson</c> gets one JSON line per progress step on the response of its own
/// POST, then a line with the page to go to. No job state lives in a web node's memory, so any node behind the load
/// balancer can serve any step; the file itself is kept in the database between preview and confirmation.
/// </summary>
public static class ImportStreaming
{
    /// <summary>Largest workbook accepted: far above 5.000 rows (≈ 0,6 MB), far below what would strain a node.</summary>
    public const long MaxUploadBytes = 20L * 1024 * 1024;

    /// <summary>The whole multipart request may carry the form fields besides the file.</summary>
    public const long MaxRequestBytes = MaxUploadBytes + 1024 * 1024;

    public const string NdJson = "application/x-ndjson";

    public static string TooLargeMessage => $"Tệp tải lên quá lớn: tối đa {MaxUploadBytes / 1024 / 1024} MB. Hãy chia dữ liệu thành nhiều tệp.";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static bool WantsStream(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains(NdJson, StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>Refuses an upload whose declared size is over the limit before anything reads its body.</summary>
    public static IApplicationBuilder UseImportUploadLimit(this IApplicationBuilder app) =>
        app.UseWhen(c => HttpMethods.IsPost(c.Request.Method)
                         && c.Request.Path.StartsWithSegments("/Import", StringComparison.OrdinalIgnoreCase)
                         && c.Request.ContentLength > MaxRequestBytes,
            refuse => refuse.Run(async context =>
            {
                context.Response.Headers.Connection = "close";
                if (WantsStream(context.Request))
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    context.Response.ContentType = NdJson + "; charset=utf-8";
                    await context.Response.WriteAsync(JsonSerializer.Serialize(new { type = "error", message = TooLargeMessage }, Json) + "\n");
                    return;
                }

                context.Response.StatusCode = StatusCodes.Status303SeeOther;
                context.Response.Headers.Location = "/Import?loi=qua-lon";
            }));

    /// <summary>A progress writer on the response: one line per phase change or percent step.</summary>
    public static Func<ImportProgress, Task> Writer(HttpResponse response, CancellationToken ct)
    {
        response.ContentType = NdJson + "; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        // Reverse proxies (nginx) would otherwise hold the lines back until the end.
        response.Headers["X-Accel-Buffering"] = "no";
        var last = (Phase: "", Percent: -1);
        return async p =>
        {
            if (p.Phase == last.Phase && p.Percent == last.Percent)
            {
                return;
            }

            last = (p.Phase, p.Percent);
            await WriteLineAsync(response, new { type = "progress", phase = p.Phase, done = p.Done, total = p.Total, percent = p.Percent }, ct);
        };
    }

    public static Task DoneAsync(HttpResponse response, string redirect, string? message, CancellationToken ct) =>
        WriteLineAsync(response, new { type = "done", redirect, message }, ct);

    public static Task ErrorAsync(HttpResponse response, string message, CancellationToken ct) =>
        WriteLineAsync(response, new { type = "error", message }, ct);

    private static async Task WriteLineAsync(HttpResponse response, object line, CancellationToken ct)
    {
        await response.WriteAsync(JsonSerializer.Serialize(line, Json) + "\n", ct);
        await response.Body.FlushAsync(ct);
    }
}

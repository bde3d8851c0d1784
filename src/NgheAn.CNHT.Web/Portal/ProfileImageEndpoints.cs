using Microsoft.AspNetCore.Mvc;
using NgheAn.CNHT.Application.Suppliers;

namespace NgheAn.CNHT.Web.Portal;

/// <summary>
/// Serves directory images (ADR 0193). Only the two content types checked at upload are ever sent, with nosniff and
/// a sandboxing CSP, so an image cannot be read as a page or script. The public route serves an image only while the
/// published profile names it; its key never changes content, so it is cacheable.
/// </summary>
public static class ProfileImageEndpoints
{
    public const string PublicPath = "/danh-ba/anh/";

    public static string Url(Guid id) => PublicPath + id.ToString("D");

    public static IEndpointRouteBuilder MapProfileImages(this IEndpointRouteBuilder app)
    {
        app.MapGet(PublicPath + "{id:guid}", async (Guid id, HttpContext context, ProfileImages images, CancellationToken ct) =>
        {
            var image = await images.PublicAsync(id, ct);
            if (image is null)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=86400";
            return Send(context.Response, image);
        }).AllowAnonymous();
        return app;
    }

    /// <summary>The safe headers of every image response; private readers add no-store themselves.</summary>
    public static IResult Send(HttpResponse response, ImageFile image)
    {
        Headers(response, image);
        return Results.File(image.Data, image.ContentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue("\"" + image.Sha256 + "\""));
    }

    /// <summary>For a page handler (enterprise's own or moderation): not cached by shared caches.</summary>
    public static FileContentResult Private(HttpResponse response, ImageFile image)
    {
        Headers(response, image);
        response.Headers.CacheControl = "private, no-store";
        return new FileContentResult(image.Data, image.ContentType);
    }

    private static void Headers(HttpResponse response, ImageFile image)
    {
        if (image.ContentType is not ("image/png" or "image/jpeg"))
        {
            throw new InvalidOperationException("Only PNG and JPEG images are served.");
        }

        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        response.Headers.ContentDisposition = "inline";
    }
}

using NgheAn.CNHT.Domain.Suppliers;

namespace NgheAn.CNHT.Web.Portal;

/// <summary>
/// An image upload on the enterprise's directory profile page that is larger than the page accepts (ADR 0208). Without
/// this, Kestrel's request limit answers 413 with the generic error page and the enterprise never learns which file,
/// or what the limit is. The request is judged by its announced length, the form is never parsed and nothing is saved:
/// a 303 back to the page, which shows the Vietnamese message next to the file field it came from. The import
/// pages do the same (<see cref="Services.ImportStreaming.UseImportUploadLimit"/>); the proxy's own limit (50 MB,
/// deploy/nginx) stays far above this one, so such an upload reaches the portal and gets this answer.
/// </summary>
public static class ProfileImageUploadLimit
{
    public const string PagePath = "/DoanhNghiep/HoSo";

    /// <summary>The whole request: the largest image (a photo) and the form fields around it.</summary>
    public const long MaxRequestBytes = SupplierImage.MaxPhotoBytes + 1_000_000;

    /// <summary>The page's query value that says why the enterprise came back (<c>?loi=anh-qua-lon&amp;loai=logo|anh</c>).</summary>
    public const string TooLarge = "anh-qua-lon";

    /// <summary>The field the message stands next to: the logo's or the photo's file input.</summary>
    public static string FieldOf(SupplierImageKind kind) => kind == SupplierImageKind.Logo ? "logo-file" : "photo-file";

    public static string Message(SupplierImageKind kind) =>
        SupplierImage.TooLarge(kind) + " Tệp chưa được lưu và hồ sơ không thay đổi; vui lòng chọn tệp nhỏ hơn (có thể giảm kích thước ảnh trước khi tải).";

    /// <summary>
    /// The most the answer reads and drops so that a browser still sending its file reads the answer rather than a reset
    /// connection: above the proxy's 50 MB, so whatever nginx lets through is read to its end.
    /// </summary>
    public const long MaxDrainBytes = 64L * 1024 * 1024;

    public static IApplicationBuilder UseProfileImageUploadLimit(this IApplicationBuilder app) =>
        app.UseWhen(c => HttpMethods.IsPost(c.Request.Method)
                         && c.Request.Path.Equals(PagePath, StringComparison.OrdinalIgnoreCase)
                         && c.Request.ContentLength > MaxRequestBytes,
            refuse => refuse.Run(async context =>
            {
                var logo = string.Equals(context.Request.Query["handler"], "Logo", StringComparison.OrdinalIgnoreCase);
                if (context.Request.ContentLength <= MaxDrainBytes
                    && context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    // The page's own limit (4 MB) would cut the drain short; nothing of the body is kept.
                    limit.MaxRequestBodySize = MaxDrainBytes;
                    try
                    {
                        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
                    }
                    catch (Exception ex) when (ex is IOException or OperationCanceledException or Microsoft.AspNetCore.Http.BadHttpRequestException)
                    {
                        // The browser went away: there is nobody to answer.
                        return;
                    }
                }
                else
                {
                    context.Response.Headers.Connection = "close";
                }

                context.Response.StatusCode = StatusCodes.Status303SeeOther;
                context.Response.Headers.Location = $"{PagePath}?loi={TooLarge}&loai={(logo ? "logo" : "anh")}#profile-images";
            }));
}

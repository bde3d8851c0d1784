using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;

namespace NgheAn.CNHT.Application.PublicContent;

/// <summary>The stamp rule and the save of the public content's staff pages (ADR 0114: every edit carries the stamp the user saw).</summary>
internal static class ContentSaving
{
    public static void RequireStamp(Guid? stamp)
    {
        if (stamp is null || stamp == Guid.Empty)
        {
            throw new ConcurrencyConflictException("Biểu mẫu thiếu dấu phiên bản; vui lòng tải lại trang rồi thực hiện lại.");
        }
    }

    public static async Task SaveAsync(IAppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Nội dung vừa được người khác sửa sau khi bạn mở trang; chưa có gì được lưu. Vui lòng tải lại trang.");
        }
    }

    /// <summary>A readable, unused address: the folded title, then "-2", "-3"… when taken.</summary>
    public static async Task<string> FreeSlugAsync(string title, Func<string, Task<bool>> taken)
    {
        var stem = Domain.Suppliers.SupplierProfile.SlugFor(title);
        var slug = stem;
        for (var n = 2; await taken(slug); n++)
        {
            slug = $"{stem}-{n}";
        }

        return slug;
    }
}

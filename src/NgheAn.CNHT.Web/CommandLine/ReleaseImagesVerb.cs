using NgheAn.CNHT.Application.Suppliers;
using NgheAn.CNHT.Domain.Suppliers;

namespace NgheAn.CNHT.Web.CommandLine;

/// <summary>
/// release-images: lets go of the bytes of directory images retired more than the retention period ago (ADR 0206).
/// The rows, their reasons and the audit trail stay; run it on a schedule (weekly) like the backup.
/// </summary>
internal static class ReleaseImagesVerb
{
    public static async Task<int> RunAsync(VerbContext v)
    {
        var released = await v.Get<RetiredImageRelease>().ReleaseAsync();
        Console.WriteLine(released == 0
            ? $"Không có ảnh danh bạ nào thôi sử dụng quá {SupplierImage.RetentionDays} ngày; không thay đổi gì."
            : $"Đã giải phóng nội dung {released} ảnh danh bạ thôi sử dụng quá {SupplierImage.RetentionDays} ngày (bản ghi ảnh, lý do và nhật ký thay đổi vẫn giữ).");
        return 0;
    }
}

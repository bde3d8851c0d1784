using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Notifications;

namespace NgheAn.CNHT.Web.Pages.Notifications;

/// <summary>The user's notices (to their role or to them by name), newest first; open one to mark it read.</summary>
public sealed class IndexModel(NotificationService notifications) : PageModel
{
    [FromQuery(Name = "unread")] public bool UnreadOnly { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public NotificationPage Result { get; private set; } = null!;
    public int UnreadCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await notifications.PageAsync(PageNumber, UnreadOnly, ct);
        UnreadCount = await notifications.UnreadCountAsync(ct);
    }

    /// <summary>Opens a notice: marks it read and goes where it points (only ever inside the portal).</summary>
    public async Task<IActionResult> OnGetOpenAsync(long id, CancellationToken ct)
    {
        var link = await notifications.MarkReadAsync(id, ct);
        if (link is null)
        {
            return NotFound();
        }

        return LocalRedirect(Url.IsLocalUrl(link) ? link : "/Notifications");
    }

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken ct)
    {
        if (await notifications.MarkReadAsync(id, ct) is null)
        {
            return NotFound();
        }

        TempData["Success"] = "Đã đánh dấu thông báo là đã đọc.";
        return RedirectToPage(new { unread = UnreadOnly ? "true" : null, page = PageNumber > 1 ? PageNumber : (int?)null });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var count = await notifications.MarkAllReadAsync(ct);
        TempData["Success"] = count == 0 ? "Không có thông báo nào chưa đọc." : $"Đã đánh dấu {count} thông báo là đã đọc.";
        return RedirectToPage();
    }
}

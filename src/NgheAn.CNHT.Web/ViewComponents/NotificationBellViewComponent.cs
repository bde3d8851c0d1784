using Microsoft.AspNetCore.Mvc;
using NgheAn.CNHT.Application.Notifications;

namespace NgheAn.CNHT.Web.ViewComponents;

public sealed record NotificationBellModel(int UnreadCount, IReadOnlyList<NotificationRow> Latest);

/// <summary>The bell in the header: how many notices still ask for the user's attention, and the latest of them.</summary>
public sealed class NotificationBellViewComponent(NotificationService notifications) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var count = await notifications.UnreadCountAsync(ct);
        var latest = count == 0 ? [] : await notifications.LatestUnreadAsync(5, ct);
        return View(new NotificationBellModel(count, latest));
    }
}

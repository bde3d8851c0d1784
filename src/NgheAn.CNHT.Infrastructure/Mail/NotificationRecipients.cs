using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Notifications;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.Infrastructure.Mail;

/// <summary>
/// Active accounts of a role (or the one named) with an e-mail address, read from Identity's tables. The scope's
/// context is asked for only when e-mails are to be sent: the bell of every page builds a NotificationService, and a
/// warm page builds no context (ADR 0216).
/// </summary>
public sealed class NotificationRecipients(IServiceProvider services) : INotificationRecipients
{
    public async Task<IReadOnlyList<string>> EmailsAsync(string role, string? userName, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var users = db.Users.AsNoTracking().Where(u => u.IsActive && u.Email != null && u.Email != "");
        if (userName is not null)
        {
            users = users.Where(u => u.UserName == userName);
        }
        else
        {
            var roleId = db.Roles.Where(r => r.Name == role).Select(r => r.Id);
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleId.Contains(ur.RoleId)));
        }

        return await users.Select(u => u.Email!).Distinct().OrderBy(e => e).ToListAsync(ct);
    }
}

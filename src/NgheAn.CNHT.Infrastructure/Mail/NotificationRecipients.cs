using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Notifications;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.Infrastructure.Mail;

/// <summary>Active accounts of a role (or the one named) with an e-mail address, read from Identity's tables.</summary>
public sealed class NotificationRecipients(AppDbContext db) : INotificationRecipients
{
    public async Task<IReadOnlyList<string>> EmailsAsync(string role, string? userName, CancellationToken ct = default)
    {
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

using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.Infrastructure.Identity;

public sealed class UserDirectory(AppDbContext db) : IUserDirectory
{
    public async Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(IReadOnlyCollection<string> userNames, CancellationToken ct = default)
    {
        if (userNames.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        var names = userNames.Distinct().ToList();
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.UserName != null && names.Contains(u.UserName) && u.FullName != "")
            .Select(u => new { u.UserName, u.FullName })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.UserName!, r => r.FullName, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, string>> NamesWithTitlesAsync(IReadOnlyCollection<string> userNames, CancellationToken ct = default)
    {
        if (userNames.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        var names = userNames.Distinct().ToList();
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.UserName != null && names.Contains(u.UserName) && u.FullName != "")
            .Select(u => new { u.UserName, u.FullName, u.Title })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.UserName!, r => string.IsNullOrWhiteSpace(r.Title) ? r.FullName : $"{r.FullName}, {r.Title}", StringComparer.Ordinal);
    }
}

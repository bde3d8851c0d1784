using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.Infrastructure.Identity;

/// <summary>
/// Names of accounts, read from Identity's tables. The scope's context is asked for only when a name is read: the
/// dashboard's query service depends on this, and a warm dashboard builds no context (ADR 0216).
/// </summary>
public sealed class UserDirectory(IServiceProvider services) : IUserDirectory
{
    private AppDbContext db => services.GetRequiredService<AppDbContext>();

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

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Geography;

namespace NgheAn.CNHT.Application.Geography;

public sealed record AdministrativeUnitOption(string Code, string Name, AdministrativeUnitKind Kind);

/// <summary>The communes and wards of the map in force (ADR 0126), for selects and filters.</summary>
public sealed class AdministrativeUnitQueries(IAppDbContext db)
{
    private static readonly StringComparer Vietnamese = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true);

    /// <summary>Wards first, then communes, each in Vietnamese alphabetical order (130 rows: sorted here, not in SQL).</summary>
    public async Task<IReadOnlyList<AdministrativeUnitOption>> ListAsync(CancellationToken ct = default)
    {
        var units = await db.AdministrativeUnits.AsNoTracking()
            .Select(u => new AdministrativeUnitOption(u.Code, u.Name, u.Kind))
            .ToListAsync(ct);
        return units.OrderBy(u => u.Kind).ThenBy(u => u.Name, Vietnamese).ToList();
    }
}

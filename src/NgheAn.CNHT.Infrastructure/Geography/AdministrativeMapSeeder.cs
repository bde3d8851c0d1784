using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Domain.Geography;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.Infrastructure.Geography;

/// <summary>
/// Loads the communes and wards of the shipped file (<see cref="AdministrativeMapFile"/>) into AdministrativeUnits at
/// start-up, after the migrations (ADR 0126). Idempotent: adds the codes that are missing and renames a unit whose
/// name, kind or slug changed in a newer edition of the file; never deletes one (organizations refer to it).
/// </summary>
public static class AdministrativeMapSeeder
{
    public static async Task EnsureAsync(AppDbContext db, ILogger logger, CancellationToken ct = default)
    {
        var file = AdministrativeMapFile.Current;
        var existing = await db.AdministrativeUnits.ToDictionaryAsync(u => u.Code, ct);
        int added = 0, changed = 0;
        foreach (var line in file.Units)
        {
            if (!existing.TryGetValue(line.Code, out var unit))
            {
                db.AdministrativeUnits.Add(new AdministrativeUnit(line.Code, line.Name, line.Kind, line.Slug, file.ProvinceCode, file.EffectiveFrom));
                added++;
            }
            else if (unit.Name != line.Name || unit.Kind != line.Kind || unit.Slug != line.Slug)
            {
                unit.Describe(line.Name, line.Kind, line.Slug);
                changed++;
            }
        }

        if (added + changed == 0)
        {
            return;
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Administrative map (source {Project} {File} at {Commit}): {Added} unit(s) added, {Changed} renamed",
            file.Source.Project, file.Source.File, file.Source.Commit[..7], added, changed);
    }
}

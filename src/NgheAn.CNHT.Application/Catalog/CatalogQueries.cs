using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Catalog;

namespace NgheAn.CNHT.Application.Catalog;

public sealed record ProgramSummary(int Id, string Code, string Name, int StartYear, int EndYear, string? LegalBasis, ProgramStatus Status, int GroupCount, int ItemCount, decimal Plan);

public sealed record CatalogItem(int Id, string Code, string Name, int SortOrder, decimal PlanAmount);

public sealed record CatalogGroup(int Id, string Code, string Name, int SortOrder, IReadOnlyList<CatalogItem> Items)
{
    /// <summary>A group's plan is the sum of its items' plans, never typed.</summary>
    public decimal Plan => Items.Sum(i => i.PlanAmount);
}

public sealed record ProgramCatalog(int Id, string Code, string Name, int StartYear, int EndYear, string? LegalBasis, ProgramStatus Status, IReadOnlyList<CatalogGroup> Groups)
{
    public decimal Plan => Groups.Sum(g => g.Plan);
}

/// <summary>Reads of the program catalog (reference data, a few dozen rows).</summary>
public sealed class CatalogQueries(IAppDbContext db)
{
    public async Task<IReadOnlyList<ProgramSummary>> ListProgramsAsync(CancellationToken ct = default)
    {
        var programs = await db.Programs.AsNoTracking()
            .OrderBy(p => p.StartYear)
            .Select(p => new { p.Id, p.Code, p.Name, p.StartYear, p.EndYear, p.LegalBasis, p.Status })
            .ToListAsync(ct);
        // Groups are counted as groups (a group still without items during set-up counts too); items and plans per program.
        var groups = await db.ContentGroups.AsNoTracking()
            .GroupBy(g => g.ProgramId)
            .Select(g => new { ProgramId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.ProgramId, g => g.Count, ct);
        var items = await db.ContentItems.AsNoTracking()
            .GroupBy(i => i.Group.ProgramId)
            .Select(g => new { ProgramId = g.Key, Count = g.Count(), Plan = g.Sum(i => i.PlanAmount) })
            .ToDictionaryAsync(g => g.ProgramId, ct);
        return programs.Select(p => new ProgramSummary(p.Id, p.Code, p.Name, p.StartYear, p.EndYear, p.LegalBasis, p.Status,
            groups.GetValueOrDefault(p.Id), items.TryGetValue(p.Id, out var mine) ? mine.Count : 0, mine?.Plan ?? 0m)).ToList();
    }

    public async Task<ProgramCatalog?> GetAsync(string code, CancellationToken ct = default)
    {
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, ct);
        if (program is null)
        {
            return null;
        }

        var groups = await db.ContentGroups.AsNoTracking()
            .Where(g => g.ProgramId == program.Id)
            .OrderBy(g => g.SortOrder)
            .Select(g => new { g.Id, g.Code, g.Name, g.SortOrder })
            .ToListAsync(ct);
        var items = await db.ContentItems.AsNoTracking()
            .Where(i => i.Group.ProgramId == program.Id)
            .OrderBy(i => i.SortOrder)
            .Select(i => new { i.GroupId, Item = new CatalogItem(i.Id, i.Code, i.Name, i.SortOrder, i.PlanAmount) })
            .ToListAsync(ct);
        return new ProgramCatalog(program.Id, program.Code, program.Name, program.StartYear, program.EndYear, program.LegalBasis, program.Status,
            groups.Select(g => new CatalogGroup(g.Id, g.Code, g.Name, g.SortOrder,
                items.Where(i => i.GroupId == g.Id).Select(i => i.Item).ToList())).ToList());
    }

    /// <summary>The program shown by default: the active one whose period holds the given year, else the newest active.</summary>
    public async Task<string?> DefaultProgramCodeAsync(int year, CancellationToken ct = default)
    {
        var programs = await db.Programs.AsNoTracking()
            .OrderByDescending(p => p.StartYear)
            .Select(p => new { p.Code, p.StartYear, p.EndYear, p.Status })
            .ToListAsync(ct);
        return (programs.FirstOrDefault(p => p.Status != ProgramStatus.Draft && p.StartYear <= year && year <= p.EndYear)
                ?? programs.FirstOrDefault(p => p.Status != ProgramStatus.Draft)
                ?? programs.FirstOrDefault())?.Code;
    }
}

using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.SupportRules;

namespace NgheAn.CNHT.Application.SupportRules;

public sealed record RuleSetRow(int Id, string ProgramCode, int Version, string Title, string Basis, DateOnly EffectiveFrom, DateOnly? EffectiveTo,
    RuleSetStatus Status, int Rules, bool IsSample);

public sealed record RuleSetView(SupportRuleSet Set, string ProgramCode, string ProgramName, IReadOnlyDictionary<int, (string Code, string Name)> Items);

/// <summary>Reads of rule sets for the pages (projections; the details view carries the domain object read-only).</summary>
public sealed class SupportRuleQueries(IAppDbContext db)
{
    public const int PageSize = 20;

    public async Task<(IReadOnlyList<RuleSetRow> Rows, int Total)> ListAsync(int page, CancellationToken ct = default)
    {
        var query = db.SupportRuleSets.AsNoTracking();
        var total = await query.CountAsync(ct);
        var rows = await query
            .Join(db.Programs, s => s.ProgramId, p => p.Id, (s, p) => new { s, p.Code })
            .OrderBy(x => x.Code).ThenByDescending(x => x.s.Version)
            .Skip((Math.Max(page, 1) - 1) * PageSize).Take(PageSize)
            .Select(x => new { x.s.Id, x.Code, x.s.Version, x.s.Title, x.s.DocumentNumber, x.s.DocumentDate, x.s.Issuer, x.s.EffectiveFrom, x.s.EffectiveTo, x.s.Status,
                Rules = x.s.Rules.Count, x.s.IsSample })
            .ToListAsync(ct);
        return (rows.Select(r => new RuleSetRow(r.Id, r.Code, r.Version, r.Title, $"{new LegalBasis(r.DocumentNumber, r.DocumentDate, r.Issuer, null).Cited} của {r.Issuer}",
            r.EffectiveFrom, r.EffectiveTo, r.Status, r.Rules, r.IsSample)).ToList(), total);
    }

    public async Task<RuleSetView?> DetailsAsync(int id, CancellationToken ct = default)
    {
        var set = await db.SupportRuleSets.AsNoTracking().Include(s => s.Rules).ThenInclude(r => r.UnitNorms).AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == id, ct);
        if (set is null)
        {
            return null;
        }

        var program = await db.Programs.AsNoTracking().Where(p => p.Id == set.ProgramId).Select(p => new { p.Code, p.Name }).SingleAsync(ct);
        var items = await db.ContentItems.AsNoTracking().Where(i => i.Group.ProgramId == set.ProgramId)
            .OrderBy(i => i.Group.SortOrder).ThenBy(i => i.SortOrder)
            .Select(i => new { i.Id, i.Code, i.Name }).ToListAsync(ct);
        return new RuleSetView(set, program.Code, program.Name, items.ToDictionary(i => i.Id, i => (i.Code, i.Name)));
    }
}

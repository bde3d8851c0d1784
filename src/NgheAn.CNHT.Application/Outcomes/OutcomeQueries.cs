using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;

namespace NgheAn.CNHT.Application.Outcomes;

public sealed record OutcomeValueView(int Id, int Year, decimal Value, string Source, string? Note, string RecordedBy);

/// <summary>Two or more different values recorded for the same year (e.g. the seed's 2,63% and 9,5%).</summary>
public sealed record OutcomeConflict(int Year, IReadOnlyList<OutcomeValueView> Values);

public sealed record OutcomeView(int Id, string Code, string Name, string Unit, decimal? Target, int TargetYear, bool TargetIsIllustrative, Guid Stamp,
    IReadOnlyList<OutcomeValueView> Values, IReadOnlyList<OutcomeConflict> Conflicts)
{
    /// <summary>The latest year's value when that year has one value only.</summary>
    public OutcomeValueView? Latest => Values.GroupBy(v => v.Year).OrderByDescending(g => g.Key).Select(g => g.Select(v => v.Value).Distinct().Count() == 1 ? g.First() : null).FirstOrDefault();
}

public sealed record ProgramOutcomes(string ProgramCode, string ProgramName, int StartYear, int EndYear, IReadOnlyList<OutcomeView> Indicators)
{
    public int ConflictCount => Indicators.Sum(i => i.Conflicts.Count);
}

/// <summary>One outcome indicator with its program (the target's edit page).</summary>
public sealed record OutcomeOfProgram(string ProgramCode, string ProgramName, OutcomeView Indicator);

/// <summary>Program outcomes with their values and the years where recorded values disagree (ADR 0173).</summary>
public sealed class OutcomeQueries(IAppDbContext db)
{
    public async Task<OutcomeOfProgram?> IndicatorAsync(int indicatorId, CancellationToken ct = default)
    {
        var code = await db.OutcomeIndicators.AsNoTracking().Where(i => i.Id == indicatorId)
            .Join(db.Programs, i => i.ProgramId, p => p.Id, (i, p) => p.Code).FirstOrDefaultAsync(ct);
        var program = code is null ? null : await GetAsync(code, ct);
        var indicator = program?.Indicators.FirstOrDefault(i => i.Id == indicatorId);
        return indicator is null ? null : new OutcomeOfProgram(program!.ProgramCode, program.ProgramName, indicator);
    }

    public async Task<ProgramOutcomes?> GetAsync(string programCode, CancellationToken ct = default)
    {
        var program = await db.Programs.AsNoTracking().Where(p => p.Code == programCode).Select(p => new { p.Id, p.Code, p.Name, p.StartYear, p.EndYear }).FirstOrDefaultAsync(ct);
        if (program is null)
        {
            return null;
        }

        var indicators = await db.OutcomeIndicators.AsNoTracking().Where(i => i.ProgramId == program.Id).OrderBy(i => i.SortOrder).ToListAsync(ct);
        var ids = indicators.Select(i => i.Id).ToList();
        var values = await db.OutcomeValues.AsNoTracking().Where(v => ids.Contains(v.OutcomeIndicatorId)).OrderBy(v => v.Year).ThenBy(v => v.Id)
            .Select(v => new { v.OutcomeIndicatorId, View = new OutcomeValueView(v.Id, v.Year, v.Value, v.Source, v.Note, v.CreatedBy) }).ToListAsync(ct);
        // The disagreeing (indicator, year) pairs, found by SQL: more than one distinct value.
        var conflicting = await db.OutcomeValues.AsNoTracking().Where(v => ids.Contains(v.OutcomeIndicatorId))
            .GroupBy(v => new { v.OutcomeIndicatorId, v.Year })
            .Where(g => g.Min(v => v.Value) != g.Max(v => v.Value))
            .Select(g => new { g.Key.OutcomeIndicatorId, g.Key.Year }).ToListAsync(ct);
        return new ProgramOutcomes(program.Code, program.Name, program.StartYear, program.EndYear, indicators.Select(i =>
        {
            var mine = values.Where(v => v.OutcomeIndicatorId == i.Id).Select(v => v.View).ToList();
            var conflicts = conflicting.Where(c => c.OutcomeIndicatorId == i.Id).OrderBy(c => c.Year)
                .Select(c => new OutcomeConflict(c.Year, mine.Where(v => v.Year == c.Year).ToList())).ToList();
            return new OutcomeView(i.Id, i.Code, i.Name, i.Unit, i.Target, i.TargetYear, i.TargetIsIllustrative, i.ConcurrencyStamp, mine, conflicts);
        }).ToList());
    }
}

using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Reporting;

namespace NgheAn.CNHT.Application.Reports;

/// <summary>One group or item of the narrative form: the sentence the portal generates and the explanation staff add.</summary>
public sealed record NarrativeRow(string Key, string Code, string Name, bool IsGroup, string Generated, string? Text);

public sealed record NarrativeSheet(string ProgramCode, string ProgramName, int FromYear, int ToYear, IReadOnlyList<NarrativeRow> Rows);

/// <summary>
/// The explanations (giải trình) staff type per group or item and reporting period, appended to the generated
/// sentences of the report document. Keys are "group:3" and "item:3.3".
/// </summary>
public sealed class NarrativeService(IAppDbContext db, CatalogQueries catalog, AppendixQuery appendix, ICurrentUser user)
{
    public async Task<NarrativeSheet> GetAsync(string programCode, int? fromYear, int? toYear, CancellationToken ct = default)
    {
        var a = await appendix.BuildAsync(programCode, fromYear, toYear, ct);
        var periodTitle = ReportText.PeriodCapitalized(a.FromYear, a.ToYear);
        var period = ReportText.Period(a.FromYear, a.ToYear);
        var rows = new List<NarrativeRow>();
        foreach (var g in a.Groups)
        {
            rows.Add(new("group:" + g.Code, g.Code, g.Name, true, DocumentQuery.GroupSentence(g.Figures, periodTitle), g.Note));
            rows.AddRange(g.Items.Select(i => new NarrativeRow("item:" + i.Code, i.Code, i.Name, false, DocumentQuery.ItemSentence(i, period), i.Note)));
        }

        return new NarrativeSheet(a.ProgramCode, a.ProgramName, a.FromYear, a.ToYear, rows);
    }

    /// <summary>Saves the texts of one period: a new text is added, a changed one updated, an emptied one removed. Returns how many changed.</summary>
    public async Task<int> SaveAsync(string programCode, int fromYear, int toYear, IReadOnlyDictionary<string, string?> texts, CancellationToken ct = default)
    {
        if (!user.Actor.IsIn(Roles.DoitSpecialist))
        {
            throw new DomainException("Chỉ Chuyên viên Sở được sửa nội dung giải trình.");
        }

        var (program, period) = await AppendixQuery.ResolveAsync(catalog, programCode, fromYear, toYear, ct);
        var targets = new Dictionary<string, (int GroupId, int? ItemId)>();
        foreach (var g in program.Groups)
        {
            targets["group:" + g.Code] = (g.Id, null);
            foreach (var i in g.Items)
            {
                targets["item:" + i.Code] = (g.Id, i.Id);
            }
        }

        var existing = await db.ItemNarratives
            .Where(n => n.ProgramId == program.Id && n.FromYear == period.From && n.ToYear == period.To)
            .ToListAsync(ct);
        var changed = 0;
        foreach (var (key, raw) in texts)
        {
            if (!targets.TryGetValue(key, out var target))
            {
                throw new DomainException($"Không có nhóm hoặc nội dung {key} trong chương trình {program.Code}.");
            }

            var text = string.IsNullOrWhiteSpace(raw) ? null : raw.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
            var current = existing.FirstOrDefault(n => target.ItemId is { } itemId
                ? n.ContentItemId == itemId
                : n.ContentItemId == null && n.ContentGroupId == target.GroupId);
            if (current is null && text is not null)
            {
                db.ItemNarratives.Add(new ItemNarrative(program.Id, target.GroupId, target.ItemId, period.From, period.To, text));
                changed++;
            }
            else if (current is not null && text is null)
            {
                db.ItemNarratives.Remove(current);
                changed++;
            }
            else if (current is not null && text is not null && current.Text != text.Normalize(System.Text.NormalizationForm.FormC))
            {
                current.Change(text);
                changed++;
            }
        }

        if (changed > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return changed;
    }
}

using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Domain.SupportRules;

namespace NgheAn.CNHT.Application.SupportRules;

/// <summary>One proposal row of a workbook as the rule check needs it: the parsed line, its item and its lead unit.</summary>
public sealed record ImportRuleRow(int Row, ProposalLine Line, int ItemId, string UnitKey, OrganizationKind UnitKind, int? ExistingUnitId);

/// <summary>
/// The support rules applied to imported history (ADR 0142): each row decided (approved onwards) is checked by the domain
/// checker against the rule set in force on its decision date; the enterprise caps count what the unit already has in the
/// portal and the file's earlier rows. A violation is reported at its sheet, row and column; the importer chooses to refuse
/// the file (errors) or to import it with each violation flagged on its proposal (notices, then <see cref="ProposalRuleFlag"/>s
/// saved in the import's transaction).
/// </summary>
public sealed class ImportRuleCheck(IAppDbContext db, SupportRuleChecks checks)
{
    public async Task<IReadOnlyDictionary<string, RuleCheckResult>> CheckAsync(IReadOnlyList<ImportRuleRow> rows, int programId, bool flag,
        List<ImportProblem> problems, CancellationToken ct)
    {
        var violations = new Dictionary<string, RuleCheckResult>(StringComparer.OrdinalIgnoreCase);
        var decided = rows.Where(r => SupportRuleChecks.CountedStatuses.Contains(r.Line.Status) && r.Line.DecisionDate is not null)
            .OrderBy(r => r.Line.DecisionDate).ThenBy(r => r.Row).ToList();
        if (decided.Count == 0 || !await db.SupportRuleSets.AnyAsync(s => s.ProgramId == programId && s.Status == RuleSetStatus.InForce, ct))
        {
            return violations;
        }

        var sets = new Dictionary<DateOnly, SupportRuleSet?>();
        var inFile = new Dictionary<(string Unit, int Item, int Year), decimal>();
        var inFilePeriod = new Dictionary<(string Unit, int Item), decimal>();
        foreach (var row in decided)
        {
            var date = row.Line.DecisionDate!.Value;
            if (!sets.TryGetValue(date, out var set))
            {
                set = sets[date] = await checks.RuleSetInForceAsync(programId, date, ct);
            }

            var applicant = new RuleApplicant(row.ExistingUnitId, row.Line.UnitName, row.UnitKind);
            var portal = applicant.IsEnterprise && row.ExistingUnitId is { } unitId
                ? await checks.HistoryAsync(unitId, row.ItemId, row.Line.StartYear, null, ct)
                : EnterpriseHistory.None;
            var yearKey = (row.UnitKey, row.ItemId, row.Line.StartYear);
            var periodKey = (row.UnitKey, row.ItemId);
            var history = new EnterpriseHistory(portal.ApprovedInYear + inFile.GetValueOrDefault(yearKey), portal.ApprovedInPeriod + inFilePeriod.GetValueOrDefault(periodKey));
            var result = SupportRuleChecker.Check(new RuleCheckInput(programId, row.ItemId, applicant, date, row.Line.StartYear,
                row.Line.TotalCost, row.Line.ProvincialShare, null, [], history), set);
            inFile[yearKey] = inFile.GetValueOrDefault(yearKey) + row.Line.ProvincialShare;
            inFilePeriod[periodKey] = inFilePeriod.GetValueOrDefault(periodKey) + row.Line.ProvincialShare;
            if (!result.HasViolations)
            {
                continue;
            }

            violations[row.Line.Code] = result;
            foreach (var v in result.Violations)
            {
                var column = WorkbookLayout.Proposals[ColumnOf(v.Code)];
                var message = flag
                    ? $"Vượt định mức, sẽ nhập và gắn cờ: {v.Message}"
                    : $"Vượt định mức: {v.Message}. Sửa số liệu, hoặc chọn nhập và gắn cờ vượt định mức.";
                problems.Add(new ImportProblem(WorkbookLayout.ProposalSheetName, row.Row, column.Letter, column.Header, message,
                    flag ? ProblemSeverity.Notice : ProblemSeverity.Error));
            }
        }

        return violations;
    }

    /// <summary>Records a flag on each imported proposal outside the norms (inside the import's transaction).</summary>
    public async Task SaveFlagsAsync(IReadOnlyDictionary<string, RuleCheckResult> violations, string fileName, Actor importer, DateTime utcNow, CancellationToken ct)
    {
        if (violations.Count == 0)
        {
            return;
        }

        var codes = violations.Keys.ToList();
        var ids = await db.Proposals.Where(p => codes.Contains(p.Code)).Select(p => new { p.Id, p.Code }).ToListAsync(ct);
        foreach (var p in ids)
        {
            db.ProposalRuleFlags.Add(ProposalRuleFlag.Imported(p.Id, violations[p.Code], fileName, importer, utcNow));
        }

        await db.SaveChangesAsync(ct);
    }

    private static string ColumnOf(string ruleCode) => ruleCode switch
    {
        "eligible-kind" or "eligible-size" or "in-province" => "UnitName",
        "min-counterpart" => "TotalCost",
        _ => "ProvincialShare",
    };
}

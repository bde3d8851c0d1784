using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.DataExchange;

/// <summary>
/// Checks every row of a parsed workbook and plans what it would write: a row already in the portal is skipped
/// (never duplicated), a new one is checked cell by cell, its lead unit matched or planned (<see cref="UnitResolver"/>)
/// and walked through the domain with its ledger rows (<see cref="ImportWalker"/>). Every refusal is a located problem.
/// </summary>
public sealed class ImportPlanner(IAppDbContext db)
{
    /// <summary>Proposal codes looked up per query (a list parameter; ADR 0101).</summary>
    private const int QueryChunk = 500;

    internal async Task<ImportPlan> PlanAsync(ParsedWorkbook parsed, ImportContext ctx, List<ImportProblem> problems, Func<ImportProgress, Task> progress, CancellationToken ct)
    {
        var plan = new ImportPlan();
        var codes = parsed.Proposals.Where(p => p.Value is not null).Select(p => p.Value!.Code).Distinct().ToList();
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in codes.Chunk(QueryChunk))
        {
            existing.UnionWith(await db.Proposals.AsNoTracking().Where(p => chunk.Contains(p.Code)).Select(p => p.Code).ToListAsync(ct));
        }

        var units = await UnitResolver.LoadAsync(db, parsed, problems, ct);
        var ledgerByCode = parsed.Ledger.Where(l => l.Value is not null)
            .GroupBy(l => l.Value!.ProposalCode, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderBy(l => l.Value!.EntryDate).ThenBy(l => l.Row).ToList(), StringComparer.OrdinalIgnoreCase);

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var done = 0;
        foreach (var numbered in parsed.Proposals)
        {
            if (++done % 200 == 0)
            {
                await progress(new ImportProgress(ImportService.PhaseCheck, done, parsed.Proposals.Count));
            }

            if (numbered.Value is not { } line)
            {
                PartialChecks(numbered, ctx, seen, problems);
                continue;
            }

            var problemsBefore = problems.Count;
            void Error(string key, string message) => problems.Add(ImportProblems.Proposal(numbered.Row, key, message));

            if (seen.TryGetValue(line.Code, out var firstRow))
            {
                Error("Code", DuplicateCode(line.Code, firstRow));
                continue;
            }

            seen[line.Code] = numbered.Row;
            if (existing.Contains(line.Code))
            {
                plan.Existing++;
                var skipped = ledgerByCode.GetValueOrDefault(line.Code)?.Count ?? 0;
                plan.SkippedLedger += skipped;
                problems.Add(new ImportProblem(WorkbookLayout.ProposalSheetName, numbered.Row, "A", WorkbookLayout.Proposals["Code"].Header,
                    $"Đề án {line.Code} đã có trên cổng: bỏ qua dòng này" + (skipped > 0 ? $" và {skipped} dòng giải ngân của đề án" : "") + " (không nhập trùng).",
                    ProblemSeverity.Notice));
                continue;
            }

            if (!ctx.Items.TryGetValue(line.ItemCode, out var itemId))
            {
                Error("ItemCode", UnknownItem(line.ItemCode, ctx));
            }

            foreach (var (key, date) in new[] { ("DecisionDate", line.DecisionDate), ("AcceptanceDate", line.AcceptanceDate), ("SettlementDate", line.SettlementDate) })
            {
                if (date is { } d && ctx.IsOutside(d))
                {
                    Error(key, ctx.OutsideProgram(d));
                }
            }

            var unitKey = units.Resolve(line, plan, Error);
            if (problems.Skip(problemsBefore).Any(p => p.IsError) || unitKey is null)
            {
                continue;
            }

            var ledger = ledgerByCode.GetValueOrDefault(line.Code) ?? [];
            var ledgerOk = true;
            foreach (var entry in ledger)
            {
                if (ctx.IsOutside(entry.Value!.EntryDate))
                {
                    problems.Add(ImportProblems.Ledger(entry.Row, "EntryDate", ctx.OutsideProgram(entry.Value.EntryDate)));
                    ledgerOk = false;
                }
            }

            var unit = plan.Units[unitKey];
            var walker = new ImportWalker(line, numbered.Row, ctx, problems);
            walker.Begin(new ProposalContext(ctx.ProgramId, ctx.Period, itemId, unit.ExistingId ?? unit.PlaceholderId));
            await walker.LedgerAsync(ledger);
            walker.Finish();
            if (walker.Ok && ledgerOk)
            {
                plan.Rows.Add(new PlannedRow(numbered.Row, line, unitKey, itemId, ledger));
            }
        }

        units.PlanListedUnits(plan, problems);
        await OrphanLedgerAsync(ledgerByCode, seen, existing, problems, ct);
        await progress(new ImportProgress(ImportService.PhaseCheck, parsed.Proposals.Count, parsed.Proposals.Count));
        return plan;
    }

    /// <summary>GiaiNgan rows whose proposal is not in DeAn: the ledger of a proposal already in the portal is kept there, never imported.</summary>
    private async Task OrphanLedgerAsync(Dictionary<string, List<Numbered<LedgerLine>>> ledgerByCode, Dictionary<string, int> seen, HashSet<string> existing,
        List<ImportProblem> problems, CancellationToken ct)
    {
        foreach (var (code, entries) in ledgerByCode)
        {
            if (seen.ContainsKey(code))
            {
                continue;
            }

            foreach (var entry in entries)
            {
                problems.Add(ImportProblems.Ledger(entry.Row, "Code", existing.Contains(code) || await db.Proposals.AnyAsync(p => p.Code == code, ct)
                    ? $"Đề án {code} đã có trên cổng nhưng không có trong sheet DeAn của tệp: giải ngân của đề án đã có được ghi trên cổng, không nhập từ tệp."
                    : $"Không có đề án mã {code} trong sheet DeAn."));
            }
        }
    }

    /// <summary>
    /// A row with an unreadable cell is not walked through the domain, but the checks that need only its readable
    /// text cells still run, so one pass lists the row's other problems too (and later duplicates of its code).
    /// </summary>
    private static void PartialChecks(Numbered<ProposalLine> row, ImportContext ctx, Dictionary<string, int> seen, List<ImportProblem> problems)
    {
        void Error(string key, string message) => problems.Add(ImportProblems.Proposal(row.Row, key, message));

        if (row.Readable.TryGetValue("Code", out var code))
        {
            if (seen.TryGetValue(code, out var firstRow))
            {
                Error("Code", DuplicateCode(code, firstRow));
            }
            else
            {
                seen[code] = row.Row;
            }
        }

        if (row.Readable.TryGetValue("ItemCode", out var item) && !ctx.Items.ContainsKey(item))
        {
            Error("ItemCode", UnknownItem(item, ctx));
        }

        if (row.Readable.TryGetValue("TaxCode", out var tax))
        {
            try
            {
                TaxCode.Normalize(tax);
            }
            catch (DomainException ex)
            {
                Error("TaxCode", ex.Message);
            }
        }
    }

    private static string DuplicateCode(string code, int firstRow) => $"Mã đề án {code} trùng với dòng {firstRow}; mỗi đề án chỉ ghi một dòng.";

    private static string UnknownItem(string itemCode, ImportContext ctx) => $"Mã nội dung {itemCode} không có trong danh mục của chương trình {ctx.ProgramCode}.";
}

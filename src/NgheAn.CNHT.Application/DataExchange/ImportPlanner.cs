using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.DataExchange;

/// <summary>
/// Checks every row of a workbook and plans what it would write: a row already in the portal is skipped
/// (never duplicated), a new one is checked cell by cell, its lead unit matched or planned (<see cref="UnitResolver"/>)
/// and walked through the domain with its ledger rows (<see cref="ImportWalker"/>). Every refusal is a located problem.
/// </summary>
/// <remarks>
/// A lean first read (ADR 0201): the GiaiNgan sheet is read into a compact <see cref="LedgerIndex"/>, then the DeAn sheet
/// row by row, each proposal walked with its ledger as it comes; what the plan keeps of a row is its keys, its counts and a
/// fingerprint, not the row itself. The save reads the file a second time (<see cref="PlannedRowReader"/>).
/// </remarks>
public sealed class ImportPlanner(IAppDbContext db)
{
    /// <summary>Proposal codes looked up per query (a list parameter; ADR 0101), and DeAn rows checked per batch.</summary>
    private const int QueryChunk = 500;

    internal async Task<ImportPlan> PlanAsync(RawWorkbook raw, ImportContext ctx, List<ImportProblem> problems, Func<ImportProgress, Task> progress, CancellationToken ct)
    {
        var plan = new ImportPlan();
        var pool = new StringPool();
        // The parser's problems of each sheet first, as the whole-file parse gave them; the ledger is read before the proposals it belongs to.
        var parseProblems = new List<ImportProblem>();
        var ledgerProblems = new List<ImportProblem>();
        var ledger = LedgerIndex.Read(WorkbookParser.ReadLedger(raw, ledgerProblems, pool, shareCodes: false));
        plan.LedgerRows = ledger.RowCount;
        var unitRows = WorkbookParser.ReadUnits(raw, ledgerProblems);
        var checks = new List<ImportProblem>();
        var units = await UnitResolver.LoadAsync(db, unitRows, checks, ct);

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var done = 0;
        var batch = new List<Numbered<ProposalLine>>(QueryChunk);
        async Task CheckBatchAsync()
        {
            var codes = batch.Where(p => p.Value is not null).Select(p => p.Value!.Code).Distinct().ToList();
            existing.UnionWith(await db.Proposals.AsNoTracking().Where(p => codes.Contains(p.Code)).Select(p => p.Code).ToListAsync(ct));
            foreach (var numbered in batch)
            {
                if (++done % 200 == 0)
                {
                    // The DeAn sheet's length is known once it is read: the ledger's proposals stand in for it meanwhile.
                    await progress(new ImportProgress(ImportService.PhaseCheck, done, Math.Max(done + 1, ledger.CodeCount)));
                }

                await CheckAsync(numbered, ctx, plan, units, ledger, seen, existing, checks);
            }

            batch.Clear();
        }

        foreach (var numbered in WorkbookParser.ReadProposals(raw, parseProblems, pool))
        {
            plan.ProposalRows++;
            batch.Add(numbered);
            if (batch.Count == QueryChunk)
            {
                await CheckBatchAsync();
            }
        }

        await CheckBatchAsync();
        problems.AddRange(parseProblems);
        problems.AddRange(ledgerProblems);
        problems.AddRange(checks);
        units.PlanListedUnits(plan, problems);
        await OrphanLedgerAsync(ledger, seen, existing, problems, ct);
        await progress(new ImportProgress(ImportService.PhaseCheck, plan.ProposalRows, plan.ProposalRows));
        return plan;
    }

    /// <summary>Checks one DeAn row, and walks it with its ledger when it is new; a row without problems joins the plan.</summary>
    private static async Task CheckAsync(Numbered<ProposalLine> numbered, ImportContext ctx, ImportPlan plan, UnitResolver units, LedgerIndex ledger,
        Dictionary<string, int> seen, HashSet<string> existing, List<ImportProblem> problems)
    {
        if (numbered.Value is not { } line)
        {
            PartialChecks(numbered, ctx, seen, problems);
            return;
        }

        var problemsBefore = problems.Count;
        void Error(string key, string message) => problems.Add(ImportProblems.Proposal(numbered.Row, key, message));

        if (seen.TryGetValue(line.Code, out var firstRow))
        {
            Error("Code", DuplicateCode(line.Code, firstRow));
            return;
        }

        seen[line.Code] = numbered.Row;
        if (existing.Contains(line.Code))
        {
            plan.Existing++;
            var skipped = ledger.Count(line.Code);
            plan.SkippedLedger += skipped;
            problems.Add(new ImportProblem(WorkbookLayout.ProposalSheetName, numbered.Row, "A", WorkbookLayout.Proposals["Code"].Header,
                $"Đề án {line.Code} đã có trên cổng: bỏ qua dòng này" + (skipped > 0 ? $" và {skipped} dòng giải ngân của đề án" : "") + " (không nhập trùng).",
                ProblemSeverity.Notice));
            return;
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
            return;
        }

        var entries = ledger.Lines(line.Code);
        var ledgerOk = true;
        foreach (var entry in entries)
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
        await walker.LedgerAsync(entries);
        walker.Finish();
        if (walker.Ok && ledgerOk)
        {
            var fingerprint = LedgerIndex.Fingerprint(numbered.Row, line, ledger.Fingerprints(line.Code));
            plan.Rows.Add(new PlannedRow(numbered.Row, plan.Rows.Count < ImportService.MaxPreviewRows ? line : Lean(line), unitKey, itemId, entries.Count, fingerprint));
        }
    }

    /// <summary>
    /// What the plan keeps of a row past the preview: the values the support-rule check and the summary read (code, unit,
    /// years, amounts, status, dates), not the title and decision numbers, which the save reads again from the file.
    /// </summary>
    internal static ProposalLine Lean(ProposalLine line) => line with { Title = "", DecisionNumber = null, SettlementDecisionNumber = null };

    /// <summary>GiaiNgan rows whose proposal is not in DeAn: the ledger of a proposal already in the portal is kept there, never imported.</summary>
    private async Task OrphanLedgerAsync(LedgerIndex ledger, Dictionary<string, int> seen, HashSet<string> existing, List<ImportProblem> problems, CancellationToken ct)
    {
        foreach (var (code, entries) in ledger.Groups())
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

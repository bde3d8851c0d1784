using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.DataExchange;

/// <summary>
/// Imports a program workbook (sheets DeAn, GiaiNgan, DonVi) through the domain: every proposal is created
/// and walked to its status with the same methods the forms use, every payment goes through
/// <see cref="DisbursementEntry.Record"/> against the running ledger balance. The whole file is checked
/// first; only a file without errors is saved, in one transaction, or nothing is.
/// Idempotent by proposal code: a code already in the portal is skipped, never duplicated.
/// </summary>
public sealed class ImportService(IAppDbContext db, IWorkbookReader reader, ICurrentUser currentUser, TimeProvider clock, SupportRules.ImportRuleCheck ruleCheck,
    ILogger<ImportService> logger)
{
    public const int MaxProblemsKept = 1000;
    public const int MaxPreviewRows = 200;
    private const int ChunkSize = 250;
    private const int QueryChunk = 500;

    public const string PhaseRead = "Đọc tệp";
    public const string PhaseCheck = "Kiểm tra dữ liệu";
    public const string PhaseSave = "Ghi vào cơ sở dữ liệu";

    public async Task<ImportOutcome> RunAsync(Stream file, ImportRequest request, Func<ImportProgress, Task>? progress = null, CancellationToken ct = default)
    {
        progress ??= _ => Task.CompletedTask;
        await progress(new ImportProgress(PhaseRead, 0, 1));
        RawWorkbook raw;
        try
        {
            raw = reader.Read(file, ct);
        }
        catch (WorkbookFormatException ex)
        {
            return Refused(request, null, new ImportProblem("—", 0, null, null, ex.Message));
        }

        await progress(new ImportProgress(PhaseRead, 1, 1));
        var parsed = WorkbookParser.Parse(raw);
        var problems = new List<ImportProblem>(parsed.Problems);

        var programCode = request.ProgramCode?.Trim();
        if (string.IsNullOrEmpty(programCode))
        {
            programCode = parsed.ProgramCode;
        }
        else if (parsed.ProgramCode is not null && !string.Equals(parsed.ProgramCode, programCode, StringComparison.OrdinalIgnoreCase))
        {
            return Refused(request, programCode, new ImportProblem(WorkbookLayout.CatalogSheetName, 1, "B", WorkbookLayout.ProgramCodeLabel,
                $"Tệp là dữ liệu của chương trình {parsed.ProgramCode}, nhưng đã chọn nhập vào chương trình {programCode}."));
        }

        if (string.IsNullOrEmpty(programCode))
        {
            return Refused(request, null, new ImportProblem(WorkbookLayout.CatalogSheetName, 1, "B", WorkbookLayout.ProgramCodeLabel,
                "Chưa biết nhập vào chương trình nào: chọn chương trình, hoặc ghi mã chương trình ở ô B1 của sheet DanhMuc."));
        }

        var program = await db.Programs.AsNoTracking()
            .Where(p => p.Code == programCode)
            .Select(p => new { p.Id, p.Code, p.StartYear, p.EndYear, p.Status })
            .FirstOrDefaultAsync(ct);
        if (program is null)
        {
            return Refused(request, programCode, new ImportProblem(WorkbookLayout.CatalogSheetName, 1, "B", WorkbookLayout.ProgramCodeLabel,
                $"Không có chương trình mã {programCode} trên cổng."));
        }

        if (program.Status == Domain.Catalog.ProgramStatus.Draft)
        {
            return Refused(request, programCode, new ImportProblem(WorkbookLayout.CatalogSheetName, 1, "B", WorkbookLayout.ProgramCodeLabel,
                $"Danh mục Chương trình {program.Code} đang được lập, chưa khóa: nhập đề án sau khi danh mục được phê duyệt và khóa."));
        }

        var context = new PlanContext(program.Id, program.Code, new YearRange(program.StartYear, program.EndYear),
            await db.ContentItems.AsNoTracking().Where(i => i.Group.ProgramId == program.Id).ToDictionaryAsync(i => i.Code, i => i.Id, ct),
            Comment(request.FileName), clock.GetUtcNow().UtcDateTime, currentUser.Actor);

        var plan = await PlanAsync(parsed, context, problems, progress, ct);
        var planChanges = await PlanTargetChangesAsync(raw.ItemPlans ?? [], context, request.FileName, problems, ct);
        // Support rules (ADR 0142): violations refuse the file, or with FlagRuleViolations are notices and flags on the proposals.
        var ruleViolations = await ruleCheck.CheckAsync(
            plan.Rows.Select(r => new SupportRules.ImportRuleRow(r.Row, r.Line, r.ItemId, r.UnitKey, plan.Units[r.UnitKey].Kind, plan.Units[r.UnitKey].ExistingId)).ToList(),
            context.ProgramId, request.FlagRuleViolations, problems, ct);
        var errors = problems.Count(p => p.IsError);
        var preview = plan.Rows.Take(MaxPreviewRows)
            .Select(r => new PlannedProposalView(r.Row, r.Line.Code, r.Line.Title, r.Line.ItemCode, r.Line.UnitName, plan.Units[r.UnitKey].ExistingId is null,
                r.Line.StartYear, r.Line.EndYear, r.Line.TotalCost, r.Line.ProvincialShare, r.Line.Status, r.Ledger.Count))
            .ToList();
        var summary = plan.Summary(parsed);
        if (errors > 0 || request.DryRun || (plan.Rows.Count == 0 && plan.Units.Values.All(u => u.ExistingId is not null) && planChanges.Count == 0))
        {
            logger.LogInformation("Checked workbook {File} for program {Program}: {Errors} error(s), {New} new proposal(s), dry run {DryRun}",
                request.FileName, program.Code, errors, plan.Rows.Count, request.DryRun);
            return new ImportOutcome(request.FileName, program.Code, summary, Keep(problems), errors, preview, Saved: false);
        }

        try
        {
            await SaveAsync(plan, context, planChanges, progress, () => ruleCheck.SaveFlagsAsync(ruleViolations, request.FileName, context.Importer, context.UtcNow, ct), ct);
        }
        catch (DomainException ex)
        {
            db.ChangeTracker.Clear();
            problems.Add(new ImportProblem("—", 0, null, null, $"Không lưu được, không dòng nào được ghi: {ex.Message}"));
            return new ImportOutcome(request.FileName, program.Code, summary, Keep(problems), errors + 1, preview, Saved: false);
        }
        catch (DbUpdateException ex)
        {
            db.ChangeTracker.Clear();
            logger.LogWarning(ex, "Import of {File} rolled back", request.FileName);
            problems.Add(new ImportProblem("—", 0, null, null,
                "Không lưu được, không dòng nào được ghi: dữ liệu trên cổng vừa thay đổi (có thể đề án cùng mã vừa được nhập). Hãy kiểm tra và nhập lại."));
            return new ImportOutcome(request.FileName, program.Code, summary, Keep(problems), errors + 1, preview, Saved: false);
        }

        logger.LogInformation("Imported workbook {File} into program {Program}: {Proposals} proposal(s), {Entries} ledger entr(ies), {Units} new unit(s), by {User}",
            request.FileName, program.Code, summary.NewProposals, summary.NewLedgerEntries, summary.NewUnits, currentUser.UserName);
        return new ImportOutcome(request.FileName, program.Code, summary, Keep(problems), 0, preview, Saved: true);
    }

    private sealed record PlanTargetChange(int ItemId, string ItemCode, decimal OldPlan, decimal NewPlan, string Reference);

    /// <summary>
    /// The DanhMuc sheet states each item's period plan: where it differs from the portal's, the import revises the
    /// portal's plan with it (as a plan revision naming the file), so an exported program imported elsewhere gives
    /// the same appendix. Plan targets are DOIT's (specialists, leadership, the command line); for anyone else a
    /// difference refuses the file. Unknown item codes and unreadable amounts are listed; nothing is guessed.
    /// </summary>
    private async Task<IReadOnlyList<PlanTargetChange>> PlanTargetChangesAsync(IReadOnlyList<CatalogPlanCell> cells, PlanContext ctx, string fileName,
        List<ImportProblem> problems, CancellationToken ct)
    {
        if (cells.Count == 0)
        {
            return [];
        }

        const string sheet = WorkbookLayout.CatalogSheetName;
        const string header = "Kế hoạch mục tiêu giai đoạn (đồng)";
        var plans = await db.ContentItems.AsNoTracking().Where(i => i.Group.ProgramId == ctx.ProgramId)
            .Select(i => new { i.Id, i.Code, i.PlanAmount }).ToDictionaryAsync(i => i.Code, ct);
        var mayRevise = ctx.Importer == Actor.System || ctx.Importer.IsIn(Roles.DoitSpecialist) || ctx.Importer.IsIn(Roles.DoitLeader);
        var changes = new List<PlanTargetChange>();
        foreach (var cell in cells)
        {
            if (!plans.TryGetValue(cell.ItemCode, out var item))
            {
                problems.Add(new ImportProblem(sheet, cell.Row, "A", "Mã", $"Nội dung {cell.ItemCode} không có trong danh mục chương trình {ctx.ProgramCode}; kế hoạch của dòng này không được nhập.", ProblemSeverity.Notice));
                continue;
            }

            decimal amount;
            if (cell.Plan.Number is { } n && n == decimal.Truncate(n) && n >= 0)
            {
                amount = n;
            }
            else if (cell.Plan.Number is null && VnFormat.TryParseDong(cell.Plan.Text.Trim(), out var typed))
            {
                amount = typed;
            }
            else
            {
                problems.Add(new ImportProblem(sheet, cell.Row, "C", header, $"Kế hoạch của nội dung {cell.ItemCode} phải là số đồng nguyên không âm, ví dụ 1.250.000.000."));
                continue;
            }

            if (amount == item.PlanAmount)
            {
                continue;
            }

            var said = $"Kế hoạch nội dung {cell.ItemCode} theo tệp là {VnFormat.Dong(amount)} đồng, trên cổng là {VnFormat.Dong(item.PlanAmount)} đồng";
            if (!mayRevise)
            {
                problems.Add(new ImportProblem(sheet, cell.Row, "C", header, $"{said}: kế hoạch do Chuyên viên hoặc Lãnh đạo Sở điều chỉnh; sửa tệp cho khớp cổng, hoặc nhờ Chuyên viên nhập tệp."));
                continue;
            }

            problems.Add(new ImportProblem(sheet, cell.Row, "C", header, $"{said}: khi xác nhận nhập, kế hoạch trên cổng được điều chỉnh theo tệp (lưu lịch sử điều chỉnh).", ProblemSeverity.Notice));
            changes.Add(new PlanTargetChange(item.Id, cell.ItemCode, item.PlanAmount, amount, Shorten($"Nhập từ tệp \"{Path.GetFileName(fileName)}\"", 200)));
        }

        return changes;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private string Comment(string fileName)
    {
        var who = currentUser.Actor;
        return $"Nhập từ tệp \"{fileName}\" do {who.DisplayName} ({who.UserName}) thực hiện.";
    }

    private static IReadOnlyList<ImportProblem> Keep(List<ImportProblem> problems) =>
        problems.OrderBy(p => p.IsError ? 0 : 1).ThenBy(p => SheetOrder(p.Sheet)).ThenBy(p => p.Row).Take(MaxProblemsKept).ToList();

    private static int SheetOrder(string sheet) => sheet switch
    {
        WorkbookLayout.CatalogSheetName => 0,
        WorkbookLayout.ProposalSheetName => 1,
        WorkbookLayout.LedgerSheetName => 2,
        WorkbookLayout.UnitSheetName => 3,
        _ => -1,
    };

    private static ImportOutcome Refused(ImportRequest request, string? program, ImportProblem problem) =>
        new(request.FileName, program, ImportSummary.Empty, [problem], 1, [], Saved: false);

    private sealed record PlanContext(int ProgramId, string ProgramCode, YearRange Period, Dictionary<string, int> Items, string Comment, DateTime UtcNow, Actor Importer)
    {
        /// <summary>
        /// Whether the person importing may bring in a proposal already past the steps of other roles: a file never
        /// carries an approval (or a rejection) further than the importer's own powers. Appraised rows need the
        /// Support Center or leadership; approved-and-later rows (and rejected ones) DOIT leadership. The command
        /// line (an operator on the server, ADR 0041) may import everything.
        /// </summary>
        public string? MayNotImport(ProposalStatus target, bool approved)
        {
            if (Importer == Actor.System || Importer.IsIn(Roles.DoitLeader))
            {
                return null;
            }

            var status = target.DisplayName();
            if (approved || target is ProposalStatus.Rejected)
            {
                return $"Đề án ở trạng thái \"{status}\" mang theo quyết định của Lãnh đạo Sở: chỉ tài khoản Lãnh đạo Sở nhập được dòng này. Chuyên viên và Trung tâm nhập đề án ở trạng thái \"Dự thảo\" hoặc \"Hồ sơ đã nộp\".";
            }

            return target == ProposalStatus.Appraised && !Importer.IsIn(Roles.SupportCenter)
                ? $"Đề án ở trạng thái \"{status}\" mang theo kết quả thẩm định: chỉ Trung tâm Hỗ trợ hoặc Lãnh đạo Sở nhập được dòng này."
                : null;
        }

        public DateOnly EarliestDate => new(Period.From - 1, 1, 1);
        public DateOnly LatestDate => new(Period.To + 1, 12, 31);
    }

    private sealed record PlannedRow(int Row, ProposalLine Line, string UnitKey, int ItemId, IReadOnlyList<Numbered<LedgerLine>> Ledger);

    private sealed record PlannedUnit(string Key, string Name, OrganizationKind Kind, string? TaxCode, string? Sector, string? District, string? Address, int? ExistingId)
    {
        /// <summary>Stand-in key while checking: the domain wants a positive id before the unit exists.</summary>
        public int PlaceholderId { get; init; }
    }

    private sealed class Plan
    {
        public List<PlannedRow> Rows { get; } = [];
        public Dictionary<string, PlannedUnit> Units { get; } = [];
        public int Existing { get; set; }
        public int SkippedLedger { get; set; }

        public ImportSummary Summary(ParsedWorkbook parsed)
        {
            var used = Rows.Select(r => r.UnitKey).Distinct().Select(k => Units[k]).ToList();
            return new ImportSummary(parsed.Proposals.Count, Rows.Count, Existing, parsed.Ledger.Count, Rows.Sum(r => r.Ledger.Count), SkippedLedger,
                Units.Values.Count(u => u.ExistingId is null), used.Count(u => u.ExistingId is not null));
        }
    }

    private async Task<Plan> PlanAsync(ParsedWorkbook parsed, PlanContext ctx, List<ImportProblem> problems, Func<ImportProgress, Task> progress, CancellationToken ct)
    {
        var plan = new Plan();
        var codes = parsed.Proposals.Where(p => p.Value is not null).Select(p => p.Value!.Code).Distinct().ToList();
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in codes.Chunk(QueryChunk))
        {
            existing.UnionWith(await db.Proposals.AsNoTracking().Where(p => chunk.Contains(p.Code)).Select(p => p.Code).ToListAsync(ct));
        }

        // Lead units are a short list (hundreds); three columns of it are read to match by tax code and by normalised name.
        var orgs = await db.Organizations.AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.Id, o.Name, o.TaxCode }).ToListAsync(ct);
        var orgByTax = orgs.Where(o => o.TaxCode != null).GroupBy(o => o.TaxCode!).ToDictionary(g => g.Key, g => (g.First().Id, g.First().Name, g.First().TaxCode));
        var orgByName = orgs.GroupBy(o => WorkbookLayout.NormalizeText(o.Name)).ToDictionary(g => g.Key, g => (g.First().Id, g.First().Name, g.First().TaxCode));

        var unitLines = ReadUnitSheet(parsed, problems);
        var ledgerByCode = parsed.Ledger.Where(l => l.Value is not null)
            .GroupBy(l => l.Value!.ProposalCode, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderBy(l => l.Value!.EntryDate).ThenBy(l => l.Row).ToList(), StringComparer.OrdinalIgnoreCase);

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var rowsWithErrors = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
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
            void Error(string key, string message) =>
                problems.Add(new ImportProblem(WorkbookLayout.ProposalSheetName, numbered.Row, WorkbookLayout.Proposals[key].Letter, WorkbookLayout.Proposals[key].Header, message));

            if (seen.TryGetValue(line.Code, out var firstRow))
            {
                Error("Code", $"Mã đề án {line.Code} trùng với dòng {firstRow}; mỗi đề án chỉ ghi một dòng.");
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
                Error("ItemCode", $"Mã nội dung {line.ItemCode} không có trong danh mục của chương trình {ctx.ProgramCode}.");
            }

            foreach (var (key, date) in new[] { ("DecisionDate", line.DecisionDate), ("AcceptanceDate", line.AcceptanceDate), ("SettlementDate", line.SettlementDate) })
            {
                if (date is { } d && (d < ctx.EarliestDate || d > ctx.LatestDate))
                {
                    Error(key, OutsideProgram(d, ctx));
                }
            }

            var unitKey = ResolveUnit(line, plan, unitLines, orgByTax, orgByName, Error);
            if (problems.Skip(problemsBefore).Any(p => p.IsError) || unitKey is null)
            {
                rowsWithErrors.Add(line.Code);
                continue;
            }

            var ledger = ledgerByCode.GetValueOrDefault(line.Code) ?? [];
            var ledgerOk = true;
            foreach (var entry in ledger)
            {
                if (entry.Value!.EntryDate < ctx.EarliestDate || entry.Value.EntryDate > ctx.LatestDate)
                {
                    LedgerError(problems, entry.Row, "EntryDate", OutsideProgram(entry.Value.EntryDate, ctx));
                    ledgerOk = false;
                }
            }

            var unit = plan.Units[unitKey];
            var proposalContext = new ProposalContext(ctx.ProgramId, ctx.Period, itemId, unit.ExistingId ?? unit.PlaceholderId);
            var walker = new Walker(line, numbered.Row, ctx, problems);
            walker.Begin(proposalContext);
            await walker.LedgerAsync(ledger);
            walker.Finish();
            if (walker.Ok && ledgerOk)
            {
                plan.Rows.Add(new PlannedRow(numbered.Row, line, unitKey, itemId, ledger));
            }
            else
            {
                rowsWithErrors.Add(line.Code);
            }
        }

        PlanListedUnits(plan, unitLines.All, orgByTax.Keys.ToHashSet(), orgByName.Keys.ToHashSet(), problems);

        foreach (var (code, entries) in ledgerByCode)
        {
            if (seen.ContainsKey(code))
            {
                continue;
            }

            foreach (var entry in entries)
            {
                LedgerError(problems, entry.Row, "Code", existing.Contains(code) || await db.Proposals.AnyAsync(p => p.Code == code, ct)
                    ? $"Đề án {code} đã có trên cổng nhưng không có trong sheet DeAn của tệp: giải ngân của đề án đã có được ghi trên cổng, không nhập từ tệp."
                    : $"Không có đề án mã {code} trong sheet DeAn.");
            }
        }

        await progress(new ImportProgress(PhaseCheck, parsed.Proposals.Count, parsed.Proposals.Count));
        return plan;
    }

    /// <summary>
    /// A row with an unreadable cell is not walked through the domain, but the checks that need only its readable
    /// text cells still run, so one pass lists the row's other problems too (and later duplicates of its code).
    /// </summary>
    private static void PartialChecks(Numbered<ProposalLine> row, PlanContext ctx, Dictionary<string, int> seen, List<ImportProblem> problems)
    {
        void Error(string key, string message) =>
            problems.Add(new ImportProblem(WorkbookLayout.ProposalSheetName, row.Row, WorkbookLayout.Proposals[key].Letter, WorkbookLayout.Proposals[key].Header, message));

        if (row.Readable.TryGetValue("Code", out var code))
        {
            if (seen.TryGetValue(code, out var firstRow))
            {
                Error("Code", $"Mã đề án {code} trùng với dòng {firstRow}; mỗi đề án chỉ ghi một dòng.");
            }
            else
            {
                seen[code] = row.Row;
            }
        }

        if (row.Readable.TryGetValue("ItemCode", out var item) && !ctx.Items.ContainsKey(item))
        {
            Error("ItemCode", $"Mã nội dung {item} không có trong danh mục của chương trình {ctx.ProgramCode}.");
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

    private static string OutsideProgram(DateOnly d, PlanContext ctx) =>
        $"Ngày {VnFormat.Date(d)} nằm ngoài thời gian của chương trình {ctx.ProgramCode} (chấp nhận từ {VnFormat.Date(ctx.EarliestDate)} đến {VnFormat.Date(ctx.LatestDate)}).";

    private static void LedgerError(List<ImportProblem> problems, int row, string key, string message) =>
        problems.Add(new ImportProblem(WorkbookLayout.LedgerSheetName, row, WorkbookLayout.Ledger[key].Letter, WorkbookLayout.Ledger[key].Header, message));

    /// <summary>
    /// The DonVi sheet is the register of lead units: a unit listed there that is neither in the portal (by tax code,
    /// then name) nor used by a row of DeAn is created too, so an export re-imports with every unit.
    /// </summary>
    private static void PlanListedUnits(Plan plan, List<(int Row, UnitLine Line)> listed, HashSet<string> taxCodes, HashSet<string> names, List<ImportProblem> problems)
    {
        foreach (var (row, unit) in listed)
        {
            var name = WorkbookLayout.NormalizeText(unit.Name);
            var key = unit.TaxCode is not null ? "T:" + unit.TaxCode : "N:" + name;
            if (plan.Units.ContainsKey(key) || (unit.TaxCode is not null && taxCodes.Contains(unit.TaxCode)) || names.Contains(name)
                || plan.Units.Values.Any(u => WorkbookLayout.NormalizeText(u.Name) == name))
            {
                continue;
            }

            var kind = unit.Kind ?? (unit.TaxCode is not null ? OrganizationKind.SupportingIndustryEnterprise : OrganizationKind.StateAgency);
            try
            {
                _ = new Organization(unit.Name, kind, unit.TaxCode, unit.Sector, unit.District, unit.Address);
            }
            catch (DomainException ex)
            {
                // Every broken rule of the row, each in its own column (ADR 0120).
                foreach (var e in ex.Errors)
                {
                    var column = WorkbookLayout.Units[e.Field is nameof(Organization.TaxCode) or nameof(Organization.Kind) or nameof(Organization.Name) ? e.Field : "Name"];
                    problems.Add(new ImportProblem(WorkbookLayout.UnitSheetName, row, column.Letter, column.Header, e.Message));
                }

                continue;
            }

            plan.Units[key] = new PlannedUnit(key, unit.Name, kind, unit.TaxCode, unit.Sector, unit.District, unit.Address, null);
        }
    }

    /// <summary>DonVi rows by normalised tax code and by normalised name; a bad tax code there is reported on its row.</summary>
    private static (Dictionary<string, (int Row, UnitLine Line)> ByTax, Dictionary<string, (int Row, UnitLine Line)> ByName, List<(int Row, UnitLine Line)> All) ReadUnitSheet(ParsedWorkbook parsed, List<ImportProblem> problems)
    {
        var byTax = new Dictionary<string, (int, UnitLine)>();
        var byName = new Dictionary<string, (int, UnitLine)>();
        var all = new List<(int, UnitLine)>();
        foreach (var numbered in parsed.Units)
        {
            if (numbered.Value is not { } unit)
            {
                continue;
            }

            string? tax = null;
            if (unit.TaxCode is not null)
            {
                try
                {
                    tax = TaxCode.Normalize(unit.TaxCode);
                }
                catch (DomainException ex)
                {
                    problems.Add(new ImportProblem(WorkbookLayout.UnitSheetName, numbered.Row, WorkbookLayout.Units["TaxCode"].Letter, WorkbookLayout.Units["TaxCode"].Header, ex.Message));
                    continue;
                }
            }

            var value = (numbered.Row, unit with { TaxCode = tax });
            all.Add(value);
            if (tax is not null)
            {
                byTax.TryAdd(tax, value);
            }

            byName.TryAdd(WorkbookLayout.NormalizeText(unit.Name), value);
        }

        return (byTax, byName, all);
    }

    /// <summary>Matches the row's lead unit by tax code, then by name; otherwise plans a new unit (checked by the domain).</summary>
    private static string? ResolveUnit(ProposalLine line, Plan plan,
        (Dictionary<string, (int Row, UnitLine Line)> ByTax, Dictionary<string, (int Row, UnitLine Line)> ByName, List<(int Row, UnitLine Line)> All) sheet,
        Dictionary<string, (int Id, string Name, string? TaxCode)> orgByTax,
        Dictionary<string, (int Id, string Name, string? TaxCode)> orgByName,
        Action<string, string> error)
    {
        string? tax = null;
        if (line.TaxCode is not null)
        {
            try
            {
                tax = TaxCode.Normalize(line.TaxCode);
            }
            catch (DomainException ex)
            {
                error("TaxCode", ex.Message);
                return null;
            }
        }

        var name = WorkbookLayout.NormalizeText(line.UnitName);
        var key = tax is not null ? "T:" + tax : "N:" + name;
        if (plan.Units.ContainsKey(key))
        {
            return key;
        }

        if (tax is not null && orgByTax.TryGetValue(tax, out var byTax))
        {
            plan.Units[key] = new PlannedUnit(key, byTax.Name, default, tax, null, null, null, byTax.Id);
            return key;
        }

        if (orgByName.TryGetValue(name, out var byName))
        {
            if (tax is not null && byName.TaxCode is not null && byName.TaxCode != tax)
            {
                error("TaxCode", $"Đơn vị \"{byName.Name}\" đã có trên cổng với mã số thuế {byName.TaxCode}, khác mã số thuế trong tệp ({tax}).");
                return null;
            }

            plan.Units[key] = new PlannedUnit(key, byName.Name, default, byName.TaxCode, null, null, null, byName.Id);
            return key;
        }

        // A unit named without a tax code on this row, but with one on an earlier row of the file: the same unit.
        if (tax is null && plan.Units.Values.FirstOrDefault(u => u.ExistingId is null && WorkbookLayout.NormalizeText(u.Name) == name) is { } sameName)
        {
            return sameName.Key;
        }

        // The other way round (an earlier row named the unit without a tax code, this one with it) would make two
        // units of one: nothing is guessed, the file is asked to say the tax code on every row of that unit.
        if (tax is not null && plan.Units.TryGetValue("N:" + name, out var untaxed) && untaxed.ExistingId is null)
        {
            error("TaxCode", $"Đơn vị \"{untaxed.Name}\" đã được ghi ở dòng trước mà không có mã số thuế; dòng này ghi mã số thuế {tax}. Hãy ghi cùng mã số thuế ở mọi dòng của đơn vị này.");
            return null;
        }

        var described = (tax is not null && sheet.ByTax.TryGetValue(tax, out var t) ? t : (sheet.ByName.TryGetValue(name, out var n) ? n : ((int Row, UnitLine Line)?)null))?.Line;
        var kind = described?.Kind ?? (tax is not null ? OrganizationKind.SupportingIndustryEnterprise : OrganizationKind.StateAgency);
        try
        {
            _ = new Organization(line.UnitName, kind, tax, described?.Sector, described?.District, described?.Address);
        }
        catch (DomainException ex)
        {
            foreach (var e in ex.Errors)
            {
                error(e.Field == nameof(Organization.TaxCode) ? "TaxCode" : "UnitName", e.Message);
            }

            return null;
        }

        plan.Units[key] = new PlannedUnit(key, line.UnitName, kind, tax, described?.Sector, described?.District, described?.Address, null)
        {
            PlaceholderId = int.MaxValue - plan.Units.Count,
        };
        return key;
    }

    /// <summary>
    /// Walks one row through the domain: <see cref="Walker.Begin"/> creates the proposal and takes it to its status
    /// (up to acceptance), <see cref="Walker.LedgerAsync"/> records its ledger rows in date order against the running
    /// balance, <see cref="Walker.Finish"/> settles or cancels it. Each refusal becomes a located problem.
    /// While saving, the proposal is saved between Begin and the ledger so entries get its id.
    /// </summary>
    private sealed class Walker(ProposalLine line, int row, PlanContext ctx, List<ImportProblem> problems)
    {
        private readonly Actor _actor = ImportActors.Import;
        private LedgerBalance _balance = LedgerBalance.Empty;

        public bool Ok { get; private set; } = true;
        public Proposal? Proposal { get; private set; }

        private void Error(string? field, string message)
        {
            var key = ProposalColumn(field);
            problems.Add(new ImportProblem(WorkbookLayout.ProposalSheetName, row, WorkbookLayout.Proposals[key].Letter, WorkbookLayout.Proposals[key].Header, message));
            Ok = false;
        }

        public void Begin(ProposalContext context)
        {
            var target = line.Status;
            var needsDecision = target is ProposalStatus.Approved or ProposalStatus.Implementing or ProposalStatus.Accepted or ProposalStatus.Settled;
            var needsDate = needsDecision || target is ProposalStatus.Appraised or ProposalStatus.Rejected;
            var status = target.DisplayName();
            if (needsDecision && string.IsNullOrWhiteSpace(line.DecisionNumber))
            {
                Error("DecisionNumber", $"Số quyết định phê duyệt bắt buộc với trạng thái \"{status}\".");
            }

            if (needsDate && line.DecisionDate is null)
            {
                Error("DecisionDate", $"Ngày phê duyệt (hoặc ngày thẩm định, ngày quyết định) bắt buộc với trạng thái \"{status}\".");
            }

            if (target is ProposalStatus.Accepted or ProposalStatus.Settled && line.AcceptanceDate is null)
            {
                Error("AcceptanceDate", $"Ngày nghiệm thu bắt buộc với trạng thái \"{status}\".");
            }

            if (target == ProposalStatus.Settled)
            {
                if (string.IsNullOrWhiteSpace(line.SettlementDecisionNumber))
                {
                    Error("SettlementDecisionNumber", "Số quyết định quyết toán bắt buộc với trạng thái \"Đã quyết toán\".");
                }

                if (line.SettlementDate is null)
                {
                    Error("SettlementDate", "Ngày quyết toán bắt buộc với trạng thái \"Đã quyết toán\".");
                }
            }
            else if (line.SettledTotalCost is not null || line.SettledProvincialShare is not null)
            {
                Error("SettledTotalCost", "Chỉ ghi số quyết toán cho đề án ở trạng thái \"Đã quyết toán\".");
            }

            if (ctx.MayNotImport(target, needsDecision || (target == ProposalStatus.Cancelled && line.DecisionNumber is not null && line.DecisionDate is not null)) is { } refused)
            {
                Error("Status", refused);
            }

            if (!Ok)
            {
                return;
            }

            var now = ctx.UtcNow;
            var comment = ctx.Comment;
            try
            {
                var proposal = new Proposal(new ProposalDraft(line.Code, line.Title, null, null, line.StartYear, line.EndYear, line.TotalCost, line.ProvincialShare),
                    context, _actor, now);
                var approvedFirst = needsDecision || (target == ProposalStatus.Cancelled && line.DecisionNumber is not null && line.DecisionDate is not null);
                if (target != ProposalStatus.Draft && (target != ProposalStatus.Cancelled || approvedFirst))
                {
                    proposal.Submit(_actor, now, comment);
                    if (target != ProposalStatus.Submitted)
                    {
                        proposal.Appraise(_actor, now, line.DecisionDate!.Value, comment, line.TotalCost, line.ProvincialShare);
                        if (target == ProposalStatus.Rejected)
                        {
                            proposal.Reject(_actor, now, comment);
                        }
                        else if (target != ProposalStatus.Appraised)
                        {
                            proposal.Approve(_actor, now, line.DecisionNumber!, line.DecisionDate.Value, line.TotalCost, line.ProvincialShare, comment);
                            if (target is ProposalStatus.Implementing or ProposalStatus.Accepted or ProposalStatus.Settled)
                            {
                                proposal.StartImplementation(_actor, now, comment);
                            }

                            if (target is ProposalStatus.Accepted or ProposalStatus.Settled)
                            {
                                proposal.Accept(_actor, now, line.AcceptanceDate!.Value, comment);
                            }
                        }
                    }
                }

                Proposal = proposal;
            }
            catch (DomainException ex)
            {
                foreach (var e in ex.Errors)
                {
                    Error(e.Field, e.Message);
                }
            }
        }

        /// <summary>Records the ledger rows; <paramref name="onEntry"/> receives each entry, <paramref name="saveNow"/> gives a reversed entry its id.</summary>
        public async Task LedgerAsync(IReadOnlyList<Numbered<LedgerLine>> ledger, Action<DisbursementEntry>? onEntry = null, Func<Task>? saveNow = null)
        {
            if (Proposal is not { } proposal)
            {
                return;
            }

            var recorded = new List<DisbursementEntry>();
            var reversed = new HashSet<DisbursementEntry>();
            foreach (var numbered in ledger)
            {
                var entryLine = numbered.Value!;
                try
                {
                    DisbursementEntry entry;
                    if (entryLine.Kind == DisbursementKind.Reversal)
                    {
                        var originals = recorded.Where(e => e.Kind != DisbursementKind.Reversal && !reversed.Contains(e)
                            && string.Equals(e.VoucherNumber, entryLine.OriginalVoucher, StringComparison.OrdinalIgnoreCase)).ToList();
                        if (string.IsNullOrWhiteSpace(entryLine.OriginalVoucher) || originals.Count != 1)
                        {
                            LedgerError(problems, numbered.Row, "OriginalVoucher", string.IsNullOrWhiteSpace(entryLine.OriginalVoucher)
                                ? "Bút toán đảo phải ghi số chứng từ gốc (bút toán bị đảo)."
                                : originals.Count == 0
                                    ? $"Không có bút toán số chứng từ {entryLine.OriginalVoucher} (chưa bị đảo) của đề án {line.Code} trước ngày {VnFormat.Date(entryLine.EntryDate)}."
                                    : $"Có {originals.Count} bút toán cùng số chứng từ {entryLine.OriginalVoucher}; không xác định được bút toán bị đảo.");
                            Ok = false;
                            continue;
                        }

                        var original = originals[0];
                        if (Math.Abs(original.Amount) != entryLine.Amount)
                        {
                            LedgerError(problems, numbered.Row, "Amount", $"Bút toán đảo phải bằng số tiền của bút toán gốc ({VnFormat.Dong(Math.Abs(original.Amount))} đồng).");
                            Ok = false;
                            continue;
                        }

                        if (original.Id == 0 && saveNow is not null)
                        {
                            await saveNow();
                        }

                        entry = original.Reverse(proposal, _balance, alreadyReversed: false, entryLine.EntryDate, entryLine.VoucherNumber, entryLine.Note ?? "", _actor, ctx.UtcNow);
                        reversed.Add(original);
                    }
                    else
                    {
                        entry = DisbursementEntry.Record(proposal, _balance, entryLine.EntryDate, entryLine.Amount, entryLine.Source, entryLine.Kind,
                            entryLine.VoucherNumber, entryLine.Note, _actor, ctx.UtcNow);
                    }

                    recorded.Add(entry);
                    _balance = entry.Source switch
                    {
                        FundingSource.ProvincialBudget => _balance with { Provincial = _balance.Provincial + entry.Amount },
                        FundingSource.Counterpart => _balance with { Counterpart = _balance.Counterpart + entry.Amount },
                        _ => _balance with { Other = _balance.Other + entry.Amount },
                    };
                    onEntry?.Invoke(entry);
                }
                catch (DomainException ex)
                {
                    foreach (var e in ex.Errors)
                    {
                        LedgerError(problems, numbered.Row, LedgerColumn(e.Field), e.Message);
                    }

                    Ok = false;
                }
            }
        }

        public void Finish()
        {
            if (Proposal is not { } proposal)
            {
                return;
            }

            try
            {
                if (line.Status == ProposalStatus.Settled)
                {
                    proposal.Settle(_actor, ctx.UtcNow, line.SettlementDecisionNumber!, line.SettlementDate!.Value,
                        line.SettledTotalCost ?? line.TotalCost, line.SettledProvincialShare ?? line.ProvincialShare, _balance.Provincial, ctx.Comment, _balance.NonProvincial);
                }
                else if (line.Status == ProposalStatus.Cancelled)
                {
                    proposal.Cancel(_actor, ctx.UtcNow, ctx.Comment);
                }
            }
            catch (DomainException ex)
            {
                foreach (var e in ex.Errors)
                {
                    Error(e.Field, e.Message);
                }
            }
        }
    }

    private static string ProposalColumn(string? field) => field switch
    {
        null or "Comment" or "AppraisalOpinion" or "AcceptanceResult" => "Status",
        nameof(Proposal.Code) => "Code",
        nameof(Proposal.Title) => "Title",
        nameof(Proposal.ContentItemId) => "ItemCode",
        nameof(Proposal.LeadOrganizationId) => "UnitName",
        nameof(Proposal.StartYear) => "StartYear",
        nameof(Proposal.EndYear) => "EndYear",
        nameof(Proposal.DecisionNumber) => "DecisionNumber",
        nameof(Proposal.DecisionDate) or nameof(Proposal.AppraisalDate) => "DecisionDate",
        nameof(Proposal.AcceptanceDate) => "AcceptanceDate",
        nameof(Proposal.SettlementDecisionNumber) => "SettlementDecisionNumber",
        nameof(Proposal.SettlementDate) => "SettlementDate",
        _ when field.StartsWith("Settled", StringComparison.Ordinal) && field.EndsWith("TotalCost", StringComparison.Ordinal) => "SettledTotalCost",
        _ when field.StartsWith("Settled", StringComparison.Ordinal) => "SettledProvincialShare",
        _ when field.EndsWith("TotalCost", StringComparison.Ordinal) => "TotalCost",
        _ when field.EndsWith("ProvincialShare", StringComparison.Ordinal) => "ProvincialShare",
        _ => "Status",
    };

    private static string LedgerColumn(string? field) => field switch
    {
        nameof(DisbursementEntry.Amount) => "Amount",
        nameof(DisbursementEntry.EntryDate) => "EntryDate",
        nameof(DisbursementEntry.VoucherNumber) => "VoucherNumber",
        nameof(DisbursementEntry.Source) => "Source",
        nameof(DisbursementEntry.Kind) => "Kind",
        nameof(DisbursementEntry.Note) => "Note",
        _ => "Code",
    };

    /// <summary>Saves the checked plan in one transaction: new units, then proposals in chunks (ledger after each chunk has ids).</summary>
    private async Task SaveAsync(Plan plan, PlanContext ctx, IReadOnlyList<PlanTargetChange> planChanges, Func<ImportProgress, Task> progress,
        Func<Task> beforeCommit, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Plan targets first, each kept as a revision (who, when, old → new, the file as the reference).
        if (planChanges.Count > 0)
        {
            var ids = planChanges.Select(c => c.ItemId).ToList();
            var items = await db.ContentItems.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
            foreach (var change in planChanges)
            {
                items[change.ItemId].RevisePlan(change.NewPlan, change.Reference, ctx.Comment, ctx.Importer, ctx.UtcNow);
            }

            await db.SaveChangesAsync(ct);
        }

        var unitIds = new Dictionary<string, int>();
        var created = new Dictionary<string, Organization>();
        foreach (var unit in plan.Units.Values)
        {
            if (unit.ExistingId is { } id)
            {
                unitIds[unit.Key] = id;
                continue;
            }

            var org = new Organization(unit.Name, unit.Kind, unit.TaxCode, unit.Sector, unit.District, unit.Address);
            db.Organizations.Add(org);
            created[unit.Key] = org;
        }

        await db.SaveChangesAsync(ct);
        foreach (var (key, org) in created)
        {
            unitIds[key] = org.Id;
        }

        db.ChangeTracker.Clear();
        var done = 0;
        await progress(new ImportProgress(PhaseSave, 0, plan.Rows.Count));
        foreach (var chunk in plan.Rows.Chunk(ChunkSize))
        {
            ct.ThrowIfCancellationRequested();
            var problems = new List<ImportProblem>();
            var walkers = new List<(PlannedRow Row, Walker Walker)>();
            foreach (var row in chunk)
            {
                var walker = new Walker(row.Line, row.Row, ctx, problems);
                walker.Begin(new ProposalContext(ctx.ProgramId, ctx.Period, row.ItemId, unitIds[row.UnitKey]));
                db.Proposals.Add(Checked(walker).Proposal!);
                walkers.Add((row, walker));
            }

            // The ledger needs the proposals' ids: one save for the chunk, then the payments, settlements and cancellations.
            await db.SaveChangesAsync(ct);
            foreach (var (row, walker) in walkers)
            {
                await walker.LedgerAsync(row.Ledger, e => db.DisbursementEntries.Add(e), () => db.SaveChangesAsync(ct));
                walker.Finish();
                Checked(walker);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += chunk.Length;
            await progress(new ImportProgress(PhaseSave, done, plan.Rows.Count));
        }

        await beforeCommit();
        await transaction.CommitAsync(ct);

        // The same rows passed the check a moment ago; a refusal now means the data changed in between.
        static Walker Checked(Walker walker) => walker.Ok
            ? walker
            : throw new DomainException("dữ liệu trên cổng vừa thay đổi so với lúc kiểm tra; hãy kiểm tra lại tệp.");
    }
}

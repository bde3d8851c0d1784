using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Application.DataExchange;

/// <summary>
/// Imports a program workbook (sheets DeAn, GiaiNgan, DonVi) through the domain: every proposal is created
/// and walked to its status with the same methods the forms use, every payment goes through
/// <see cref="Domain.Disbursements.DisbursementEntry.Record"/> against the running ledger balance. The whole file is checked
/// first; only a file without errors is saved, in one transaction, or nothing is.
/// Idempotent by proposal code: a code already in the portal is skipped, never duplicated.
/// </summary>
/// <remarks>
/// This class runs the steps and answers; each step is its own part: <see cref="ImportPlanner"/> checks the rows
/// (with <see cref="UnitResolver"/> for lead units, <see cref="ImportWalker"/> for the domain walk and
/// <see cref="ImportPolicy"/> for who may import what), <see cref="PlanTargetRevisions"/> compares the plan targets,
/// <see cref="SupportRules.ImportRuleCheck"/> the support rules, and <see cref="ImportWriter"/> saves.
/// </remarks>
public sealed class ImportService(IAppDbContext db, IWorkbookReader reader, ICurrentUser currentUser, TimeProvider clock,
    ImportPlanner planner, PlanTargetRevisions planTargets, ImportWriter writer, SupportRules.ImportRuleCheck ruleCheck, ILogger<ImportService> logger)
{
    public const int MaxProblemsKept = 1000;
    public const int MaxPreviewRows = 200;

    /// <summary>Rows (DeAn and GiaiNgan) from which the memory the check held is given back to the system before the save.</summary>
    public const int LargeFileRows = 100_000;

    public const string PhaseRead = "Đọc tệp";
    public const string PhaseCheck = "Kiểm tra dữ liệu";
    public const string PhaseSave = "Ghi vào cơ sở dữ liệu";

    public async Task<ImportOutcome> RunAsync(Stream file, ImportRequest request, Func<ImportProgress, Task>? progress = null, CancellationToken ct = default)
    {
        progress ??= _ => Task.CompletedTask;
        // Each phase's time goes to the log: what to compare when a large import is slow (docs/performance.md).
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await progress(new ImportProgress(PhaseRead, 0, 1));
        RawWorkbook raw;
        try
        {
            // The data sheets' rows are read from the file as they are enumerated (ADR 0108): twice, to check and then to save (ADR 0201).
            raw = reader.Read(file, ct);
        }
        catch (WorkbookFormatException ex)
        {
            return Refused(request, null, new ImportProblem(ex.Sheet, 0, null, null, ex.Message));
        }

        var problems = new List<ImportProblem>();
        var (context, refusal) = await TargetAsync(WorkbookParser.ProgramCodeOf(raw), request, ct);
        if (context is null)
        {
            return refusal!;
        }

        await progress(new ImportProgress(PhaseRead, 1, 1));
        // The check reads the sheets as it goes (ADR 0201): "read" is the package and its catalog, "check" the sheets' rows.
        var readTime = clock.Elapsed;
        ImportPlan plan;
        try
        {
            plan = await planner.PlanAsync(raw, context, problems, progress, ct);
        }
        catch (WorkbookFormatException ex)
        {
            return Refused(request, null, new ImportProblem(ex.Sheet, 0, null, null, ex.Message));
        }

        var checkTime = clock.Elapsed - readTime;
        // The process's peak resident memory so far: the check's, to set against the save's in the log (docs/performance.md).
        var checkPeakMb = PeakResidentMegabytes();
        var planChanges = await planTargets.FindAsync(raw.ItemPlans ?? [], context, request.FileName, problems, ct);
        // Support rules (ADR 0142): violations refuse the file, or with FlagRuleViolations are notices and flags on the proposals.
        var ruleViolations = await ruleCheck.CheckAsync(
            plan.Rows.Select(r => new SupportRules.ImportRuleRow(r.Row, r.Line, r.ItemId, r.UnitKey, plan.Units[r.UnitKey].Kind, plan.Units[r.UnitKey].ExistingId)).ToList(),
            context.ProgramId, request.FlagRuleViolations, problems, ct);
        var errors = problems.Count(p => p.IsError);
        var preview = plan.Rows.Take(MaxPreviewRows)
            .Select(r => new PlannedProposalView(r.Row, r.Line.Code, r.Line.Title, r.Line.ItemCode, r.Line.UnitName, plan.Units[r.UnitKey].ExistingId is null,
                r.Line.StartYear, r.Line.EndYear, r.Line.TotalCost, r.Line.ProvincialShare, r.Line.Status, r.LedgerCount))
            .ToList();
        var summary = plan.Summary();
        if (errors > 0 || request.DryRun || (plan.Rows.Count == 0 && plan.Units.Values.All(u => u.ExistingId is not null) && planChanges.Count == 0))
        {
            logger.LogInformation("Checked workbook {File} for program {Program}: {Errors} error(s), {New} new proposal(s), dry run {DryRun}; read {ReadSeconds:0.0} s, checked {CheckSeconds:0.0} s; "
                + "peak resident {CheckPeakMb} MB",
                request.FileName, context.ProgramCode, errors, plan.Rows.Count, request.DryRun, readTime.TotalSeconds, checkTime.TotalSeconds, checkPeakMb);
            return new ImportOutcome(request.FileName, context.ProgramCode, summary, Keep(problems), errors, preview, Saved: false);
        }

        if (plan.ProposalRows + plan.LedgerRows >= LargeFileRows)
        {
            // The check's ledger index is garbage now, but the collector keeps the memory it held; the save would add
            // SQLite's page cache on top of it. Given back before the save, the import's peak is the larger of the two
            // phases, not their sum (at 100.000 proposals 515 MB → see docs/performance.md, ADR 0201).
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        try
        {
            await writer.SaveAsync(new ImportedFile(request.FileName, Sha256Of(file)), plan, PlannedRowReader.Read(raw, plan), context, planChanges, progress,
                () => ruleCheck.SaveFlagsAsync(ruleViolations, request.FileName, context.Importer, context.UtcNow, ct), ct);
        }
        catch (Exception ex) when (ex is DomainException or WorkbookFormatException)
        {
            // A refusal by the domain on the second read, or a file that changed or broke between the reads (ADR 0201).
            db.ChangeTracker.Clear();
            var reason = ex is DomainException ? ex.Message : PlannedRowReader.ChangedMessage;
            problems.Add(new ImportProblem("—", 0, null, null, $"Không lưu được, không dòng nào được ghi: {reason}"));
            return new ImportOutcome(request.FileName, context.ProgramCode, summary, Keep(problems), errors + 1, preview, Saved: false);
        }
        catch (DbUpdateException ex)
        {
            logger.LogWarning("Import of {File}: saving failed after {Seconds:0.0} s", request.FileName, clock.Elapsed.TotalSeconds);
            db.ChangeTracker.Clear();
            logger.LogWarning(ex, "Import of {File} rolled back", request.FileName);
            problems.Add(new ImportProblem("—", 0, null, null,
                "Không lưu được, không dòng nào được ghi: dữ liệu trên cổng vừa thay đổi (có thể đề án cùng mã vừa được nhập). Hãy kiểm tra và nhập lại."));
            return new ImportOutcome(request.FileName, context.ProgramCode, summary, Keep(problems), errors + 1, preview, Saved: false);
        }

        logger.LogInformation("Imported workbook {File} into program {Program}: {Proposals} proposal(s), {Entries} ledger entr(ies), {Units} new unit(s), by {User}; "
            + "read {ReadSeconds:0.0} s, checked {CheckSeconds:0.0} s, saved {SaveSeconds:0.0} s; peak resident {CheckPeakMb} MB after the check, {PeakMb} MB in all",
            request.FileName, context.ProgramCode, summary.NewProposals, summary.NewLedgerEntries, summary.NewUnits, currentUser.UserName,
            readTime.TotalSeconds, checkTime.TotalSeconds, (clock.Elapsed - readTime - checkTime).TotalSeconds, checkPeakMb, PeakResidentMegabytes());
        return new ImportOutcome(request.FileName, context.ProgramCode, summary, Keep(problems), 0, preview, Saved: true);
    }

    /// <summary>The program the file goes into (the one chosen, else the workbook's B1), or the refusal that says why none.</summary>
    private async Task<(ImportContext? Context, ImportOutcome? Refusal)> TargetAsync(string? fileProgram, ImportRequest request, CancellationToken ct)
    {
        var programCode = request.ProgramCode?.Trim();
        if (string.IsNullOrEmpty(programCode))
        {
            programCode = fileProgram;
        }
        else if (fileProgram is not null && !string.Equals(fileProgram, programCode, StringComparison.OrdinalIgnoreCase))
        {
            return (null, RefusedProgram(request, programCode,
                $"Tệp là dữ liệu của chương trình {fileProgram}, nhưng đã chọn nhập vào chương trình {programCode}."));
        }

        if (string.IsNullOrEmpty(programCode))
        {
            return (null, RefusedProgram(request, null,
                "Chưa biết nhập vào chương trình nào: chọn chương trình, hoặc ghi mã chương trình ở ô B1 của sheet DanhMuc."));
        }

        var program = await db.Programs.AsNoTracking()
            .Where(p => p.Code == programCode)
            .Select(p => new { p.Id, p.Code, p.StartYear, p.EndYear, p.Status })
            .FirstOrDefaultAsync(ct);
        if (program is null)
        {
            return (null, RefusedProgram(request, programCode, $"Không có chương trình mã {programCode} trên cổng."));
        }

        if (program.Status == Domain.Catalog.ProgramStatus.Draft)
        {
            return (null, RefusedProgram(request, programCode,
                $"Danh mục Chương trình {program.Code} đang được lập, chưa khóa: nhập đề án sau khi danh mục được phê duyệt và khóa."));
        }

        var who = currentUser.Actor;
        var items = await db.ContentItems.AsNoTracking().Where(i => i.Group.ProgramId == program.Id).ToDictionaryAsync(i => i.Code, i => i.Id, ct);
        return (new ImportContext(program.Id, program.Code, new YearRange(program.StartYear, program.EndYear), items,
            $"Nhập từ tệp \"{request.FileName}\" do {who.DisplayName} ({who.UserName}) thực hiện.", clock.GetUtcNow().UtcDateTime, who), null);
    }

    private static long PeakResidentMegabytes()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / 1024 / 1024;
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

    /// <summary>The SHA-256 of the whole file (lowercase hex), read again from the start; null for a stream that cannot seek.</summary>
    private static string? Sha256Of(Stream file)
    {
        if (!file.CanSeek)
        {
            return null;
        }

        var at = file.Position;
        file.Position = 0;
        var hash = System.Security.Cryptography.SHA256.HashData(file);
        file.Position = at;
        return Convert.ToHexStringLower(hash);
    }

    private static ImportOutcome RefusedProgram(ImportRequest request, string? program, string message) =>
        Refused(request, program, new ImportProblem(WorkbookLayout.CatalogSheetName, 1, "B", WorkbookLayout.ProgramCodeLabel, message));

    private static ImportOutcome Refused(ImportRequest request, string? program, ImportProblem problem) =>
        new(request.FileName, program, ImportSummary.Empty, [problem], 1, [], Saved: false);
}

using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Estimates;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.Reports;

public sealed record ReconciliationFinding(string Subject, string Message, string Link);

public sealed record ReconciliationCheck(string Code, string Title, string Rule, IReadOnlyList<ReconciliationFinding> Findings);

public sealed record ReconciliationReport(string ProgramCode, string ProgramName, decimal ThresholdPercent, IReadOnlyList<ReconciliationCheck> Checks, DateTime GeneratedAtUtc)
{
    public int FindingCount => Checks.Sum(c => c.Findings.Count);
}

/// <summary>
/// Checks that run on the live data of a program and list every finding with a link to the record behind it
/// (docs/decisions/0033-reconciliation-checks.md). Each check is a grouped SQL query; nothing is loaded row by row
/// except the findings themselves.
/// </summary>
public sealed class ReconciliationQuery(IAppDbContext db, CatalogQueries catalog, AppendixQuery appendix, TimeProvider clock,
    VersionedCache cache, Disbursements.LedgerItemSums ledgerSums)
{
    public const decimal DefaultThresholdPercent = 20m;

    public async Task<ReconciliationReport> RunAsync(string programCode, decimal? thresholdPercent = null, CancellationToken ct = default)
    {
        var program = await catalog.GetAsync(programCode, ct) ?? throw new NotFoundException($"Không có chương trình mã {programCode}.");
        var threshold = thresholdPercent ?? DefaultThresholdPercent;
        if (threshold is < 0 or > 1000)
        {
            throw new DomainException("Ngưỡng chênh lệch phải từ 0 đến 1.000%.", "Threshold");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // The same for everyone until the next business write (ADR 0100); the current year decides which estimates are checked.
        var currentYear = VnFormat.TodayInVietnam(now).Year;
        return await cache.GetAsync(FormattableString.Invariant($"reconciliation:{program.Id}:{threshold}:{currentYear}"),
            () => BuildAsync(program, threshold, now, ct), ct);
    }

    private async Task<ReconciliationReport> BuildAsync(ProgramCatalog program, decimal threshold, DateTime now, CancellationToken ct)
    {
        var checks = new List<ReconciliationCheck>
        {
            await OverCeilingAsync(program, ct),
            await OpenAdvancesAsync(program, ct),
            await SpendingWithoutPlanAsync(program, ct),
            await GroupSumsAsync(program, ct),
            await YearsOutsideProgramAsync(program, ct),
            await EstimateGapsAsync(program, threshold, VnFormat.TodayInVietnam(now).Year, ct),
        };
        return new ReconciliationReport(program.Code, program.Name, threshold, checks, now);
    }

    private static string ProposalLink(int id) => $"/Proposals/Details/{id}";

    private static string ReportLink(ReportKind kind, string program, int? from = null, int? to = null, string? anchor = null) =>
        $"/Reports/View/{kind.Slug()}?program={Uri.EscapeDataString(program)}"
        + (from is null ? "" : $"&from={from}") + (to is null ? "" : $"&to={to}") + (anchor is null ? "" : "#" + anchor);

    /// <summary>Ledger totals per proposal and source class above the approved (or settled) amounts.</summary>
    private async Task<ReconciliationCheck> OverCeilingAsync(ProgramCatalog program, CancellationToken ct)
    {
        // The proposals whose kept figures (ADR 0220: counts and sums per source, the ceilings copied from the proposal, kept
        // by triggers in the same statement as every write) fail the rule, found by the index (ProgramId, OverCeiling):
        // only the findings are read, never every proposal's entries. A source with no entry is no finding even when its
        // ceiling is below zero; one whose entries net to zero is compared, as the former sums of the entries did.
        var over = await db.ProposalLedgerFigures.AsNoTracking()
            .Where(f => f.ProgramId == program.Id && f.OverCeiling == 1)
            .Join(db.Proposals, f => f.ProposalId, p => p.Id, (f, p) => new
            {
                p.Id, p.Code,
                Share = p.CountedProvincialShare(),
                Total = p.CountedTotalCost(),
                Settled = p.SettledProvincialShare != null,
                Provincial = f.ProvincialCount > 0 ? (decimal?)f.Provincial : null,
                Other = f.OtherCount > 0 ? (decimal?)f.Other : null,
            })
            .OrderBy(x => x.Code)
            .ToListAsync(ct);
        var findings = new List<ReconciliationFinding>();
        foreach (var p in over)
        {
            foreach (var (provincial, amount) in new[] { (true, p.Provincial), (false, p.Other) })
            {
                var ceiling = provincial ? p.Share : p.Total - p.Share;
                if (amount is { } sum && sum > ceiling)
                {
                    var basis = p.Settled ? "quyết toán" : "được duyệt";
                    var what = provincial ? "ngân sách tỉnh" : "vốn đối ứng và nguồn khác";
                    findings.Add(new(p.Code,
                        $"Đã giải ngân {what} {VnFormat.Dong(sum)} đồng, vượt số {basis} {VnFormat.Dong(ceiling)} đồng ({VnFormat.Dong(sum - ceiling)} đồng).",
                        ProposalLink(p.Id)));
                }
            }
        }

        return new ReconciliationCheck("over-ceiling", "Giải ngân vượt số được duyệt hoặc quyết toán",
            "Tổng các bút toán của một đề án theo nguồn (ngân sách tỉnh; đối ứng và nguồn khác) không được vượt số quyết toán, hoặc số được duyệt khi chưa quyết toán.",
            findings);
    }

    /// <summary>Settled proposals whose last advance (not reversed) was never followed by a payment or settlement entry.</summary>
    private async Task<ReconciliationCheck> OpenAdvancesAsync(ProgramCatalog program, CancellationToken ct)
    {
        // The kept live advance and final dates (ADR 0220; a reversal makes its entry dead and the trigger reads the proposal's
        // entries again), found by the index (ProgramId, OpenAdvance): only the findings are read.
        var open = await db.ProposalLedgerFigures.AsNoTracking()
            .Where(f => f.ProgramId == program.Id && f.OpenAdvance == 1)
            .Join(db.Proposals, f => f.ProposalId, p => p.Id, (f, p) => new { p.Id, p.Code, f.LastAdvanceDate, f.Advanced })
            .OrderBy(x => x.Code)
            .ToListAsync(ct);
        var findings = open.Where(a => a.LastAdvanceDate is not null).Select(a => new ReconciliationFinding(a.Code,
            $"Đã quyết toán nhưng khoản tạm ứng {VnFormat.Dong(a.Advanced)} đồng (lần cuối ngày {VnFormat.Date(a.LastAdvanceDate!.Value)}) chưa có bút toán thanh toán hoặc quyết toán sau đó.",
            ProposalLink(a.Id))).ToList();
        return new ReconciliationCheck("open-advances", "Đề án đã quyết toán còn tạm ứng chưa thanh toán",
            "Đề án đã quyết toán thì mọi khoản tạm ứng phải được thanh toán: sau lần tạm ứng cuối cùng phải có bút toán thanh toán hoặc quyết toán.",
            findings);
    }

    /// <summary>
    /// Items without a plan target that have counted proposals or ledger entries, in groups that do have a plan.
    /// Groups with no plan at all (management costs, the development project) are spending outside the plan
    /// targets by nature and are shown with "—" in the appendix.
    /// </summary>
    private async Task<ReconciliationCheck> SpendingWithoutPlanAsync(ProgramCatalog program, CancellationToken ct)
    {
        // The program's proposals grouped once per change outside the ledger and shared with the appendix, the dashboard and
        // the other reports (ProgramProposalFigures, ADR 0214), every start year.
        var proposals = ProgramProposalFigures.CountedByItem(
                await ProgramProposalFigures.ByItemYearStatusAsync(db, cache, program.Id, ct), int.MinValue, int.MaxValue)
            .ToDictionary(x => x.ContentItemId);
        // Every source, every year: the sums kept per item incrementally (ADR 0104), not a scan of the ledger.
        var ledger = (await ledgerSums.ByItemYearAndSourceAsync(db, program.Id, ct))
            .GroupBy(x => x.ContentItemId)
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Amount));
        var findings = new List<ReconciliationFinding>();
        foreach (var g in program.Groups.Where(g => g.Plan > 0))
        {
            foreach (var i in g.Items.Where(i => i.PlanAmount == 0))
            {
                var p = proposals.GetValueOrDefault(i.Id);
                var paid = ledger.GetValueOrDefault(i.Id);
                if (p is not null || paid != 0)
                {
                    findings.Add(new(i.Code,
                        $"Nội dung chưa có kế hoạch mục tiêu giai đoạn nhưng có {p?.Count ?? 0} đề án (ngân sách tỉnh {VnFormat.Million(p?.ProvincialShare ?? 0)} triệu đồng), đã giải ngân {VnFormat.Million(paid)} triệu đồng.",
                        ReportLink(ReportKind.Appendix, program.Code, anchor: "item-" + i.Code)));
                }
            }
        }

        return new ReconciliationCheck("spending-without-plan", "Nội dung có chi nhưng chưa có kế hoạch",
            "Nội dung thuộc nhóm có kế hoạch mà chưa được giao kế hoạch mục tiêu giai đoạn thì chưa được có đề án hay giải ngân. Nhóm không có kế hoạch (chi quản lý, xây dựng đề án) là chi ngoài kế hoạch mục tiêu, không tính.",
            findings);
    }

    /// <summary>
    /// Group (and total) figures that are not the sums of their items: in the live appendix, the annual report
    /// and the year matrix as built now, and in every report issued for the program (its frozen model).
    /// </summary>
    private async Task<ReconciliationCheck> GroupSumsAsync(ProgramCatalog program, CancellationToken ct)
    {
        var findings = new List<ReconciliationFinding>();
        var live = await appendix.BuildAsync(program.Code, ct: ct);
        foreach (var (row, figure, shown, sum) in ReportComparer.SumMismatches(live))
        {
            findings.Add(new(row.Label, $"Phụ lục hiện hành: {figure} {Show(figure, shown)} khác tổng các dòng thành phần {Show(figure, sum)}.",
                ReportLink(ReportKind.Appendix, program.Code)));
        }

        var issued = await db.IssuedReports.AsNoTracking()
            .Where(r => r.ProgramId == program.Id)
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Number, r.ReportKind, r.ModelJson })
            .ToListAsync(ct);
        foreach (var r in issued)
        {
            if (!ReportKinds.TryParse(r.ReportKind, out var kind) || kind == ReportKind.Register)
            {
                continue;
            }

            IReportModel model;
            try
            {
                model = ReportService.FromJson(kind, r.ModelJson);
            }
            catch (System.Text.Json.JsonException)
            {
                findings.Add(new($"Báo cáo số {r.Number}", "Không đọc được số liệu đã lưu của báo cáo đã ban hành.", $"/Reports/Issued/Details/{r.Id}"));
                continue;
            }

            foreach (var (row, figure, shown, sum) in ReportComparer.SumMismatches(model))
            {
                findings.Add(new($"Báo cáo số {r.Number}: {row.Label}", $"{figure} {Show(figure, shown)} khác tổng các dòng thành phần {Show(figure, sum)}.",
                    $"/Reports/Issued/Details/{r.Id}"));
            }
        }

        return new ReconciliationCheck("group-sums", "Số của nhóm khác tổng các nội dung",
            "Kế hoạch, số đề án, kinh phí của mỗi nhóm phải bằng tổng các nội dung của nhóm, và dòng tổng cộng bằng tổng các nhóm — trong phụ lục hiện hành và trong mọi báo cáo đã ban hành.",
            findings);
    }

    private static string Show(string figure, decimal value) =>
        figure.StartsWith("Số ", StringComparison.Ordinal) ? value.ToString("#,##0", VnFormat.Culture) : VnFormat.Million(value) + " triệu đồng";

    /// <summary>Counted proposals whose start or end year lies outside the program's period.</summary>
    private async Task<ReconciliationCheck> YearsOutsideProgramAsync(ProgramCatalog program, CancellationToken ct)
    {
        // Four ranges of the indexes (ProgramId, StartYear) and (ProgramId, EndYear) (ADR 0221): one condition with OR made
        // SQLite walk every proposal of the program; the status is tested on the few rows found.
        var counted = ProposalStatusText.Counted.ToHashSet();
        var ofProgram = db.Proposals.AsNoTracking().Where(p => p.ProgramId == program.Id);
        var found = await ofProgram.Where(p => p.StartYear < program.StartYear)
            .Concat(ofProgram.Where(p => p.StartYear > program.EndYear))
            .Concat(ofProgram.Where(p => p.EndYear < program.StartYear))
            .Concat(ofProgram.Where(p => p.EndYear > program.EndYear))
            .Select(p => new { p.Id, p.Code, p.Status, p.StartYear, p.EndYear })
            .ToListAsync(ct);
        var rows = found.Where(p => counted.Contains(p.Status)).DistinctBy(p => p.Id).OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        return new ReconciliationCheck("years-outside-program", "Đề án tính vào năm ngoài giai đoạn chương trình",
            $"Năm bắt đầu và năm kết thúc của đề án được tính phải nằm trong giai đoạn {program.StartYear}-{program.EndYear}.",
            rows.Select(p => new ReconciliationFinding(p.Code,
                $"Năm thực hiện {p.StartYear}-{p.EndYear} nằm ngoài giai đoạn {program.StartYear}-{program.EndYear} của chương trình.",
                ProposalLink(p.Id))).ToList());
    }

    /// <summary>
    /// For each ended year with an approved estimate (latest approved version), items whose provincial budget
    /// disbursed in the year differs from the estimate by more than the threshold (or spent without an estimate line).
    /// </summary>
    private async Task<ReconciliationCheck> EstimateGapsAsync(ProgramCatalog program, decimal threshold, int currentYear, CancellationToken ct)
    {
        var approved = await db.AnnualEstimates.AsNoTracking()
            .Where(e => e.ProgramId == program.Id && e.Status == EstimateStatus.Approved && e.Year < currentYear)
            .Select(e => new { e.Id, e.Year, e.Version })
            .ToListAsync(ct);
        var findings = new List<ReconciliationFinding>();
        var items = program.Groups.SelectMany(g => g.Items).ToDictionary(i => i.Id);
        foreach (var estimate in approved.GroupBy(e => e.Year).Select(g => g.OrderByDescending(e => e.Version).First()).OrderBy(e => e.Year))
        {
            var lines = await AnnualReportQuery.EstimateByItem(db, [estimate.Id]).ToDictionaryAsync(x => x.ContentItemId, x => x.Amount, ct);
            var paid = await ledgerSums.ProvincialByItemAsync(db, program.Id, estimate.Year, estimate.Year, ct);
            foreach (var itemId in lines.Keys.Union(paid.Keys).Where(items.ContainsKey).OrderBy(id => items[id].Code, StringComparer.Ordinal))
            {
                var est = lines.GetValueOrDefault(itemId);
                var actual = paid.GetValueOrDefault(itemId);
                var gap = actual - est;
                var beyond = est == 0 ? actual != 0 : Math.Abs(gap) * 100m > threshold * est;
                if (beyond)
                {
                    var ratio = est == 0 ? "không có dự toán" : $"giải ngân đạt {VnFormat.Percent(actual / est)} dự toán";
                    findings.Add(new($"{items[itemId].Code} — năm {estimate.Year}",
                        $"Dự toán {VnFormat.Million(est)} triệu đồng, giải ngân ngân sách tỉnh {VnFormat.Million(actual)} triệu đồng ({ratio}; chênh lệch {VnFormat.Million(gap)} triệu đồng).",
                        ReportLink(ReportKind.Annual, program.Code, estimate.Year, estimate.Year, "item-" + items[itemId].Code)));
                }
            }
        }

        return new ReconciliationCheck("estimate-gaps", "Dự toán năm và giải ngân chênh lệch quá ngưỡng",
            $"Với mỗi năm đã kết thúc có dự toán được duyệt (phiên bản mới nhất), ngân sách tỉnh giải ngân trong năm của từng nội dung không được chênh quá {threshold.ToString("0.##", VnFormat.Culture)}% so với dự toán; có giải ngân mà không có dự toán cũng là chênh lệch.",
            findings);
    }
}

using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Estimates;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.Dashboard;

/// <summary>
/// The home page's figures for one program and year, read as grouped SQL aggregates (a handful of queries,
/// never loading proposals or ledger lines). "Waiting for my action" follows the workflow table
/// (<see cref="ProposalWorkflow.AvailableActions"/>), so it changes with it.
/// </summary>
public sealed class DashboardQuery(IAppDbContext db, CatalogQueries catalog, ICurrentUser user, IUserDirectory users, TimeProvider clock, VersionedCache cache,
    Disbursements.LedgerItemSums ledgerSums, NewestSteps newestSteps)
{
    public const int WaitingShown = 5;
    public const int ActivityShown = 10;

    /// <summary>Steps that move a proposal forward; cancelling, rejecting and returning are not "waiting for" anyone.</summary>
    private static readonly HashSet<ProposalAction> Forward =
    [
        ProposalAction.Submit, ProposalAction.Appraise, ProposalAction.Approve,
        ProposalAction.StartImplementation, ProposalAction.Accept, ProposalAction.Settle,
    ];

    /// <summary>The dashboard, or null when there is no program at all.</summary>
    public async Task<DashboardView?> BuildAsync(string? programCode, int? year, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = VnFormat.TodayInVietnam(now);
        programCode ??= await catalog.DefaultProgramCodeAsync(today.Year, ct);
        var program = programCode is null
            ? null
            : await db.Programs.AsNoTracking().Where(p => p.Code == programCode)
                .Select(p => new { p.Id, p.Code, p.Name, p.LegalBasis, p.StartYear, p.EndYear })
                .FirstOrDefaultAsync(ct);
        if (program is null)
        {
            return null;
        }

        // The year asked for, else this year, kept inside the program's period.
        var shownYear = Math.Clamp(year ?? today.Year, program.StartYear, program.EndYear);
        var counted = ProposalStatusText.Counted.ToArray();

        var groups = await db.ContentGroups.AsNoTracking()
            .Where(g => g.ProgramId == program.Id)
            .OrderBy(g => g.SortOrder)
            .Select(g => new { g.Id, g.Code, g.Name, Plan = g.Items.Sum(i => i.PlanAmount) })
            .ToListAsync(ct);
        // One grouped scan of the program's proposals (by group, start year and status) and one of its
        // provincial-budget ledger (by group and voucher year); the per-group, per-year and per-status figures are
        // sums of those few hundred rows, as the appendix sums item rows into groups.
        // Shared by every user: kept until the next business write (VersionedCache).
        // Grouped by item rather than group: every column is in IX_Proposals_Figures, so SQLite answers from the index alone
        // (no lookup of each proposal's item); the items are summed into groups here (issue 21).
        var groupOfItem = await cache.GetAsync($"dashboard:items:{program.Id}", () => db.ContentItems.AsNoTracking()
            .Where(i => i.Group.ProgramId == program.Id)
            .ToDictionaryAsync(i => i.Id, i => i.GroupId, ct), ct);
        // The grouped scan shared with the appendix and the year matrix (issue 21): after a business write the first of
        // those pages pays it, the others reuse it.
        var byItemYearStatus = await Reports.ProgramProposalFigures.ByItemYearStatusAsync(db, cache, program.Id, ct);
        var byGroupYearStatus = byItemYearStatus
            .Where(x => groupOfItem.ContainsKey(x.ContentItemId))
            .GroupBy(x => (GroupId: groupOfItem[x.ContentItemId], x.StartYear, x.Status))
            .Select(g => new
            {
                g.Key.GroupId,
                g.Key.StartYear,
                g.Key.Status,
                Count = g.Sum(x => x.Count),
                TotalCost = g.Sum(x => x.TotalCost),
                Share = g.Sum(x => x.Share),
                CurrentShare = g.Sum(x => x.CurrentShare),
            })
            .ToList();
        var countedSums = byGroupYearStatus.Where(x => counted.Contains(x.Status)).ToList();
        // The provincial ledger by item and voucher year, kept incrementally (ADR 0104), summed into groups here.
        var paid = (await ledgerSums.ProvincialByItemAndYearAsync(db, program.Id, ct))
            .Where(x => groupOfItem.ContainsKey(x.ContentItemId))
            .GroupBy(x => (GroupId: groupOfItem[x.ContentItemId], x.Year))
            .Select(g => new { g.Key.GroupId, g.Key.Year, Paid = g.Sum(x => x.Amount) })
            .ToList();
        var groupFigures = groups.Select(g =>
        {
            var mine = countedSums.Where(x => x.GroupId == g.Id).ToList();
            return new GroupFigures(g.Id, g.Code, g.Name, g.Plan, mine.Sum(x => x.Count), mine.Sum(x => x.Share),
                paid.Where(x => x.GroupId == g.Id).Sum(x => x.Paid));
        }).ToList();

        var period = new ProgramFigures(
            groups.Sum(g => g.Plan),
            countedSums.Sum(g => g.Count),
            countedSums.Sum(g => g.TotalCost),
            countedSums.Sum(g => g.Share),
            paid.Sum(g => g.Paid));

        var years = Enumerable.Range(program.StartYear, program.EndYear - program.StartYear + 1)
            .Select(y => new YearColumn(y,
                countedSums.Where(s => s.StartYear == y).Sum(s => s.Count),
                countedSums.Where(s => s.StartYear == y).Sum(s => s.Share),
                paid.Where(s => s.Year == y).Sum(s => s.Paid)))
            .ToList();

        // The approved annual estimate of the year: the newest approved version, summed in SQL.
        var estimate = await db.AnnualEstimates.AsNoTracking()
            .Where(e => e.ProgramId == program.Id && e.Year == shownYear && e.Status == EstimateStatus.Approved)
            .OrderByDescending(e => e.Version)
            .Select(e => new { e.Version, Total = db.AnnualEstimateLines.Where(l => l.AnnualEstimateId == e.Id).Sum(l => (decimal?)l.Amount) ?? 0m })
            .FirstOrDefaultAsync(ct);
        var shown = years.Single(y => y.Year == shownYear);
        var thisYear = new YearFigures(shownYear, shown.ProposalCount, shown.ProvincialShare, shown.DisbursedProvincial, estimate?.Total, estimate?.Version);

        var statusCounts = Enum.GetValues<ProposalStatus>()
            .Select(s => new StatusCount(s, byGroupYearStatus.Where(x => x.Status == s).Sum(x => x.Count), byGroupYearStatus.Where(x => x.Status == s).Sum(x => x.CurrentShare)))
            .ToList();

        return new DashboardView(program.Code, program.Name, program.LegalBasis, program.StartYear, program.EndYear, shownYear,
            period, thisYear, groupFigures, years, statusCounts, await WaitingAsync(ct), await ActivityAsync(program.Id, ct), now);
    }

    /// <summary>For each status where the user's role takes the next step: how many proposals (all programs), the oldest first.</summary>
    public async Task<IReadOnlyList<WaitingStatus>> WaitingAsync(CancellationToken ct = default)
    {
        var actor = user.Actor;
        var mine = Enum.GetValues<ProposalStatus>()
            .Select(s => (Status: s, Actions: ProposalWorkflow.AvailableActions(s, actor).Where(Forward.Contains).ToList()))
            .Where(x => x.Actions.Count > 0)
            .ToList();
        if (mine.Count == 0)
        {
            return [];
        }

        var statuses = mine.Select(m => m.Status).ToList();
        // The same for everyone of the role: kept until the next business write (VersionedCache).
        var waiting = await cache.GetAsync($"dashboard:waiting:{string.Join(',', statuses)}", async () =>
        {
            var counts = await db.Proposals.AsNoTracking()
                .Where(p => statuses.Contains(p.Status))
                .GroupBy(p => p.Status)
                .Select(g => new { Status = g.Key, Count = g.Count() })
                .ToListAsync(ct);
            var byStatus = new Dictionary<ProposalStatus, (int Count, List<WaitingProposal> Oldest)>();
            foreach (var status in statuses)
            {
                var count = counts.FirstOrDefault(c => c.Status == status)?.Count ?? 0;
                var oldest = count == 0
                    ? []
                    : await db.Proposals.AsNoTracking()
                        .Where(p => p.Status == status)
                        .OrderBy(p => p.StatusChangedAt).ThenBy(p => p.Id)
                        .Take(WaitingShown)
                        .Select(p => new WaitingProposal(p.Id, p.Code, p.Title, db.Programs.Where(pr => pr.Id == p.ProgramId).Select(pr => pr.Code).First(), p.StatusChangedAt))
                        .ToListAsync(ct);
                byStatus[status] = (count, oldest);
            }

            return byStatus;
        }, ct);
        return mine.Select(m => new WaitingStatus(m.Status, m.Actions, waiting[m.Status].Count, waiting[m.Status].Oldest)).ToList();
    }

    /// <summary>The windows of newest rows of every program tried in turn, before the program's own rows sorted.</summary>
    private static readonly int[] NewestWindows = [200, 2_000, 20_000, 200_000];

    /// <summary>
    /// The <see cref="ActivityShown"/> newest rows of one program: among the newest rows of every program (a walk down the
    /// ordering's index that stops after the window, each row tested for the program in SQL), the window widened tenfold
    /// until it holds enough of this program's rows; the program's own rows sorted by the database only past the last
    /// window. The same rows in the same order in every case, since each window is the head of the same ordering; the
    /// database no longer sorts a program's whole history (417.000 steps at national scale, issue 21) when its latest
    /// rows are recent.
    /// </summary>
    private static async Task<List<ActivityRow>> NewestOfProgramAsync<T>(
        Func<IQueryable<T>, IOrderedQueryable<T>> newestFirst,
        IQueryable<T> rows,
        System.Linq.Expressions.Expression<Func<T, bool>> ofProgram,
        Func<IQueryable<T>, IQueryable<ActivityRow>> project,
        CancellationToken ct)
    {
        foreach (var window in NewestWindows)
        {
            var mine = await project(newestFirst(newestFirst(rows).Take(window).Where(ofProgram)).Take(ActivityShown)).ToListAsync(ct);
            // Enough rows, or the window already held every row (a walk of the index alone tells).
            if (mine.Count == ActivityShown || !await newestFirst(rows).Skip(window - 1).AnyAsync(ct))
            {
                return mine;
            }
        }

        return await project(newestFirst(rows.Where(ofProgram)).Take(ActivityShown)).ToListAsync(ct);
    }

    /// <summary>The latest lifecycle steps and ledger entries of the program, newest first.</summary>
    public async Task<IReadOnlyList<ActivityRow>> ActivityAsync(int programId, CancellationToken ct = default)
    {
        // Two newest-first scans over the program's steps and ledger (a sort of every row of the program in SQLite):
        // kept until the next business write, which is also the only thing that changes them (VersionedCache).
        var latest = await cache.GetAsync($"dashboard:activity:{programId}", async () =>
        {
            // The newest steps and entries of every program first (a walk down the At index and the primary key that stops
            // after a few hundred rows), kept if they hold enough of this program's; the program's whole history sorted
            // (417.000 steps at national scale) only when they do not (issue 21).
            // The program's newest steps are kept incrementally (NewestSteps, issue 21): only their rows are read here.
            var stepIds = await newestSteps.IdsAsync(db, programId, ActivityShown, ct);
            var steps = (await db.ProposalTransitions.AsNoTracking()
                    .Where(t => stepIds.Contains(t.Id))
                    .Select(t => new { t.Id, Row = new ActivityRow(ActivityKind.Step, t.At, t.ProposalId, t.Proposal.Code, t.UserDisplayName, t.Action, t.ToStatus, null, null, null, null) })
                    .ToListAsync(ct))
                .OrderByDescending(x => x.Row.At).ThenByDescending(x => x.Id)
                .Select(x => x.Row)
                .ToList();
            // The ledger is append-only: the newest ids are the latest recorded.
            var entries = await NewestOfProgramAsync(
                q => q.OrderByDescending(e => e.Id),
                db.DisbursementEntries.AsNoTracking(),
                e => e.ProgramId == programId,
                q => q.Select(e => new ActivityRow(ActivityKind.Ledger, e.RecordedAt, e.ProposalId, e.Proposal.Code, e.RecordedBy, null, null, e.Kind, e.Source, e.Amount, e.Id)),
                ct);
            return steps.Concat(entries)
                .OrderByDescending(a => a.At).ThenByDescending(a => a.Kind)
                .Take(ActivityShown)
                .ToList();
        }, ct);
        // Ledger entries keep only the user name of who recorded them; show the person's name where there is an account.
        var names = await users.DisplayNamesAsync(latest.Where(a => a.Kind == ActivityKind.Ledger).Select(a => a.Who).ToList(), ct);
        return latest.Select(a => a.Kind == ActivityKind.Ledger && names.TryGetValue(a.Who, out var name) ? a with { Who = name } : a).ToList();
    }
}

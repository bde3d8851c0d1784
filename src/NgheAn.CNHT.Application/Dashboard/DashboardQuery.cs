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
public sealed class DashboardQuery(IAppDbContext db, CatalogQueries catalog, ICurrentUser user, IUserDirectory users, TimeProvider clock)
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
        var programProposals = db.Proposals.AsNoTracking().Where(p => p.ProgramId == program.Id);
        var countedProposals = programProposals.Where(p => counted.Contains(p.Status));
        var provincialEntries = db.DisbursementEntries.AsNoTracking()
            .Where(e => e.Source == FundingSource.ProvincialBudget && e.Proposal.ProgramId == program.Id);

        var groups = await db.ContentGroups.AsNoTracking()
            .Where(g => g.ProgramId == program.Id)
            .OrderBy(g => g.SortOrder)
            .Select(g => new { g.Id, g.Code, g.Name, Plan = g.Items.Sum(i => i.PlanAmount) })
            .ToListAsync(ct);
        var byGroup = await countedProposals
            .GroupBy(p => p.ContentItem.GroupId)
            .Select(g => new
            {
                GroupId = g.Key,
                Count = g.Count(),
                TotalCost = g.Sum(p => p.SettledTotalCost ?? p.ApprovedTotalCost ?? 0m),
                Share = g.Sum(p => p.SettledProvincialShare ?? p.ApprovedProvincialShare ?? 0m),
            })
            .ToListAsync(ct);
        var paidByGroup = await provincialEntries
            .GroupBy(e => e.Proposal.ContentItem.GroupId)
            .Select(g => new { GroupId = g.Key, Paid = g.Sum(e => e.Amount) })
            .ToListAsync(ct);
        var groupFigures = groups.Select(g =>
        {
            var s = byGroup.FirstOrDefault(x => x.GroupId == g.Id);
            return new GroupFigures(g.Id, g.Code, g.Name, g.Plan, s?.Count ?? 0, s?.Share ?? 0m,
                paidByGroup.FirstOrDefault(x => x.GroupId == g.Id)?.Paid ?? 0m);
        }).ToList();

        var period = new ProgramFigures(
            groups.Sum(g => g.Plan),
            byGroup.Sum(g => g.Count),
            byGroup.Sum(g => g.TotalCost),
            byGroup.Sum(g => g.Share),
            paidByGroup.Sum(g => g.Paid));

        var byStartYear = await countedProposals
            .GroupBy(p => p.StartYear)
            .Select(g => new { Year = g.Key, Count = g.Count(), Share = g.Sum(p => p.SettledProvincialShare ?? p.ApprovedProvincialShare ?? 0m) })
            .ToListAsync(ct);
        var paidByYear = await provincialEntries
            .GroupBy(e => e.EntryDate.Year)
            .Select(g => new { Year = g.Key, Paid = g.Sum(e => e.Amount) })
            .ToListAsync(ct);
        var years = Enumerable.Range(program.StartYear, program.EndYear - program.StartYear + 1)
            .Select(y => new YearColumn(y,
                byStartYear.FirstOrDefault(s => s.Year == y)?.Count ?? 0,
                byStartYear.FirstOrDefault(s => s.Year == y)?.Share ?? 0m,
                paidByYear.FirstOrDefault(s => s.Year == y)?.Paid ?? 0m))
            .ToList();

        // The approved annual estimate of the year: the newest approved version, summed in SQL.
        var estimate = await db.AnnualEstimates.AsNoTracking()
            .Where(e => e.ProgramId == program.Id && e.Year == shownYear && e.Status == EstimateStatus.Approved)
            .OrderByDescending(e => e.Version)
            .Select(e => new { e.Version, Total = db.AnnualEstimateLines.Where(l => l.AnnualEstimateId == e.Id).Sum(l => (decimal?)l.Amount) ?? 0m })
            .FirstOrDefaultAsync(ct);
        var shown = years.Single(y => y.Year == shownYear);
        var thisYear = new YearFigures(shownYear, shown.ProposalCount, shown.ProvincialShare, shown.DisbursedProvincial, estimate?.Total, estimate?.Version);

        var statuses = await programProposals
            .GroupBy(p => p.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Share = g.Sum(p => p.SettledProvincialShare ?? p.ApprovedProvincialShare ?? p.RequestedProvincialShare) })
            .ToListAsync(ct);
        var statusCounts = Enum.GetValues<ProposalStatus>()
            .Select(s => new StatusCount(s, statuses.FirstOrDefault(x => x.Status == s)?.Count ?? 0, statuses.FirstOrDefault(x => x.Status == s)?.Share ?? 0m))
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
        var counts = await db.Proposals.AsNoTracking()
            .Where(p => statuses.Contains(p.Status))
            .GroupBy(p => p.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var result = new List<WaitingStatus>();
        foreach (var (status, actions) in mine)
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
            result.Add(new WaitingStatus(status, actions, count, oldest));
        }

        return result;
    }

    /// <summary>The latest lifecycle steps and ledger entries of the program, newest first.</summary>
    public async Task<IReadOnlyList<ActivityRow>> ActivityAsync(int programId, CancellationToken ct = default)
    {
        var steps = await db.ProposalTransitions.AsNoTracking()
            .Where(t => t.Proposal.ProgramId == programId)
            .OrderByDescending(t => t.At).ThenByDescending(t => t.Id)
            .Take(ActivityShown)
            .Select(t => new ActivityRow(ActivityKind.Step, t.At, t.ProposalId, t.Proposal.Code, t.UserDisplayName, t.Action, t.ToStatus, null, null, null, null))
            .ToListAsync(ct);
        var entries = await db.DisbursementEntries.AsNoTracking()
            .Where(e => e.Proposal.ProgramId == programId)
            .OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id)
            .Take(ActivityShown)
            .Select(e => new ActivityRow(ActivityKind.Ledger, e.RecordedAt, e.ProposalId, e.Proposal.Code, e.RecordedBy, null, null, e.Kind, e.Source, e.Amount, e.Id))
            .ToListAsync(ct);
        var latest = steps.Concat(entries)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Kind)
            .Take(ActivityShown)
            .ToList();
        // Ledger entries keep only the user name of who recorded them; show the person's name where there is an account.
        var names = await users.DisplayNamesAsync(latest.Where(a => a.Kind == ActivityKind.Ledger).Select(a => a.Who).ToList(), ct);
        return latest.Select(a => a.Kind == ActivityKind.Ledger && names.TryGetValue(a.Who, out var name) ? a with { Who = name } : a).ToList();
    }
}

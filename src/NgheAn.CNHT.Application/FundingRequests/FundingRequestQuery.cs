using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Estimates;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Applications;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Estimates;
using NgheAn.CNHT.Domain.FundingRequests;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.FundingRequests;

/// <summary>One item's funding need for the year: from applications received, from approved proposals running into the year.</summary>
public sealed record FundingLine(int ItemId, string ItemCode, string ItemName, decimal FromApplications, int Applications, decimal FromProposals, int Proposals,
    decimal? Assigned, string? AssignedDecision, Guid? AssignedStamp, decimal Allocated)
{
    public decimal Total => FromApplications + FromProposals;

    /// <summary>The justification of the line, as the estimate keeps it (Note, 500 characters at most).</summary>
    public string Justification =>
        (Applications > 0 ? $"{Applications} hồ sơ đề nghị hỗ trợ đã nhận: {VnFormat.Dong(FromApplications)} đồng" : "")
        + (Applications > 0 && Proposals > 0 ? "; " : "")
        + (Proposals > 0 ? $"{Proposals} đề án đã phê duyệt thực hiện trong năm (phần ngân sách tỉnh chưa giải ngân): {VnFormat.Dong(FromProposals)} đồng" : "");
}

/// <summary>A department-run line (chi quản lý, hội chợ, hội thảo…) of the year's request, entered by DOIT (ADR 0179).</summary>
public sealed record ActivityLine(int Id, Domain.FundingRequests.DepartmentActivityKind Kind, string Description, decimal Amount, string Justification, Guid Stamp);

public sealed record FundingRequest(string ProgramCode, string ProgramName, int Year, IReadOnlyList<FundingLine> Lines)
{
    /// <summary>Department-run lines of the year (ADR 0179); they are part of the request's total.</summary>
    public IReadOnlyList<ActivityLine> Activities { get; init; } = [];

    public decimal ItemsTotal => Lines.Sum(l => l.Total);

    public decimal ActivitiesTotal => Activities.Sum(a => a.Amount);

    public decimal Total => ItemsTotal + ActivitiesTotal;
}

/// <summary>
/// Next year's funding request (nhu cầu kinh phí năm sau, ADR 0174), compiled per item by SQL aggregates, and written into
/// the existing annual estimate (dự toán năm) of that year — department-run lines (management, events) are typed there.
/// </summary>
public sealed class FundingRequestQuery(IAppDbContext db, EstimateService estimates, ICurrentUser user, ILogger<FundingRequestQuery> logger, Disbursements.LedgerItemSums ledgerSums)
{
    public async Task<FundingRequest?> BuildAsync(string programCode, int year, CancellationToken ct = default)
    {
        var program = await db.Programs.AsNoTracking().Where(p => p.Code == programCode).Select(p => new { p.Id, p.Code, p.Name, p.StartYear, p.EndYear }).FirstOrDefaultAsync(ct);
        if (program is null)
        {
            return null;
        }

        if (year < program.StartYear || year > program.EndYear)
        {
            throw new DomainException($"Năm {year} nằm ngoài giai đoạn của chương trình ({program.StartYear}-{program.EndYear}).", "Year");
        }

        var items = await db.ContentItems.AsNoTracking().Where(i => i.Group.ProgramId == program.Id)
            .OrderBy(i => i.Group.SortOrder).ThenBy(i => i.SortOrder).Select(i => new { i.Id, i.Code, i.Name }).ToListAsync(ct);
        // Applications received (not yet a proposal, or a proposal not yet approved) that start that year.
        ApplicationStatus[] open = [ApplicationStatus.Submitted, ApplicationStatus.SupplementRequested];
        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.Call.ProgramId == program.Id && a.StartYear == year && open.Contains(a.Status))
            .GroupBy(a => a.ContentItemId).Select(g => new { g.Key, Count = g.Count(), Sum = g.Sum(a => a.RequestedSupport) }).ToDictionaryAsync(g => g.Key, ct);
        ProposalStatus[] pending = [ProposalStatus.Submitted, ProposalStatus.Appraised];
        var pendingProposals = await db.Proposals.AsNoTracking()
            .Where(p => p.ProgramId == program.Id && p.StartYear == year && pending.Contains(p.Status))
            .GroupBy(p => p.ContentItemId).Select(g => new { g.Key, Count = g.Count(), Sum = g.Sum(p => p.RecommendedProvincialShare ?? p.RequestedProvincialShare) }).ToDictionaryAsync(g => g.Key, ct);
        // Approved proposals running into the year: their provincial share not yet disbursed.
        var approved = await Running(db, program.Id, year)
            .GroupBy(p => p.ContentItemId).Select(g => new { g.Key, Count = g.Count(), Sum = g.Sum(p => p.ApprovedProvincialShare ?? 0) }).ToDictionaryAsync(g => g.Key, ct);
        // What was paid of them (provincial budget): the kept per-proposal sums (ADR 0104), not a join of the program's
        // million ledger entries with its proposals, which took seconds at national size (issue 21).
        var runningIds = await Running(db, program.Id, year)
            .Select(p => new { p.Id, p.ContentItemId }).ToListAsync(ct);
        var paid = await ledgerSums.ProvincialByKeyAsync(db, program.Id, runningIds.Select(p => (p.Id, p.ContentItemId)), ct);
        var assigned = await db.AssignedBudgets.AsNoTracking().Where(b => b.ProgramId == program.Id && b.Year == year)
            .ToDictionaryAsync(b => b.ContentItemId, ct);
        var counted = ProposalStatusText.Counted.ToArray();
        var allocated = await db.Proposals.AsNoTracking().Where(p => p.ProgramId == program.Id && p.StartYear == year && counted.Contains(p.Status))
            .GroupBy(p => p.ContentItemId).Select(g => new { g.Key, Sum = g.Sum(p => p.ApprovedProvincialShare ?? 0) }).ToDictionaryAsync(g => g.Key, g => g.Sum, ct);

        var lines = items.Select(i =>
        {
            var a = applications.GetValueOrDefault(i.Id);
            var pp = pendingProposals.GetValueOrDefault(i.Id);
            var ap = approved.GetValueOrDefault(i.Id);
            var b = assigned.GetValueOrDefault(i.Id);
            return new FundingLine(i.Id, i.Code, i.Name, (a?.Sum ?? 0) + (pp?.Sum ?? 0), (a?.Count ?? 0) + (pp?.Count ?? 0),
                Math.Max(0, (ap?.Sum ?? 0) - paid.GetValueOrDefault(i.Id)), ap?.Count ?? 0, b?.Amount, b?.DecisionReference, b?.ConcurrencyStamp, allocated.GetValueOrDefault(i.Id));
        }).ToList();
        var activities = await db.DepartmentActivities.AsNoTracking().Where(a => a.ProgramId == program.Id && a.Year == year).OrderBy(a => a.Id)
            .Select(a => new ActivityLine(a.Id, a.Kind, a.Description, a.Amount, a.Justification, a.ConcurrencyStamp)).ToListAsync(ct);
        return new FundingRequest(program.Code, program.Name, year, lines) { Activities = activities };
    }

    /// <summary>
    /// The program's approved or implementing proposals running into <paramref name="year"/>: answered from the covering
    /// index IX_Proposals_Running by their end year (ADR 0232), not from the rows of every approved proposal.
    /// </summary>
    public static IQueryable<Proposal> Running(IAppDbContext db, int programId, int year)
    {
        ProposalStatus[] running = [ProposalStatus.Approved, ProposalStatus.Implementing];
        // "StartYear + 0": the start year is checked on the index's entries but cannot serve as a range itself, so SQLite
        // cannot prefer IX_Proposals_Figures' (ProgramId, Status, StartYear) range (every approved proposal of the program,
        // each row then read for its end year) to this index's end-year range; it did, with a national database's statistics.
        return db.Proposals.AsNoTracking().Where(p => p.ProgramId == programId && running.Contains(p.Status) && p.EndYear >= year && p.StartYear + 0 <= year);
    }

    /// <summary>
    /// Writes the compiled lines into the year's draft annual estimate (creating version 1 or the next revision when none is
    /// open), amount and justification per item; lines typed by hand on other items (department-run activities) stay.
    /// </summary>
    public async Task<int> ToEstimateAsync(string programCode, int year, CancellationToken ct = default)
    {
        var request = await BuildAsync(programCode, year, ct) ?? throw new NotFoundException($"Không có chương trình mã {programCode}.");
        var programId = await db.Programs.Where(p => p.Code == programCode).Select(p => p.Id).SingleAsync(ct);
        var draft = await db.AnnualEstimates.AsNoTracking().Where(e => e.ProgramId == programId && e.Year == year && e.Status == EstimateStatus.Draft)
            .Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
        var id = draft ?? await estimates.CreateAsync(programCode, year, "Nhu cầu kinh phí tổng hợp từ hồ sơ đề nghị hỗ trợ và đề án chuyển tiếp.", false, ct);
        var lines = request.Lines.Where(l => l.Total > 0).ToDictionary(l => l.ItemId, l => (l.Total, (string?)Shorten(l.Justification)));
        await estimates.SaveLinesAsync(id, await estimates.VersionAsync(id, ct), lines, ct);
        logger.LogInformation("Funding request {Year} of {Program} written into estimate {EstimateId} by {User}", year, programCode, id, user.UserName);
        return id;
    }

    /// <summary>Records (or changes, with the stamp the form saw) the budget the province assigned to an item for the year.</summary>
    public async Task AssignAsync(string programCode, int year, int itemId, Guid? stamp, decimal amount, string decisionReference, CancellationToken ct = default)
    {
        if (!user.Actor.IsIn(Roles.DoitSpecialist))
        {
            throw new DomainException("Chỉ Chuyên viên Sở ghi dự toán được giao.");
        }

        var program = await db.Programs.AsNoTracking().Where(p => p.Code == programCode).Select(p => new { p.Id, p.StartYear, p.EndYear }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Không có chương trình mã {programCode}.");
        if (!new YearRange(program.StartYear, program.EndYear).Contains(year)
            || !await db.ContentItems.AnyAsync(i => i.Id == itemId && i.Group.ProgramId == program.Id, ct))
        {
            throw new DomainException("Nội dung hoặc năm không thuộc chương trình.");
        }

        var row = await db.AssignedBudgets.FirstOrDefaultAsync(b => b.ProgramId == program.Id && b.Year == year && b.ContentItemId == itemId, ct);
        if (row is null)
        {
            db.AssignedBudgets.Add(new AssignedBudget(program.Id, year, itemId, amount, decisionReference));
        }
        else
        {
            if (stamp is null || stamp != row.ConcurrencyStamp)
            {
                throw new ConcurrencyConflictException("Dự toán được giao vừa được người khác sửa; thay đổi của bạn chưa được lưu.", [], row.ConcurrencyStamp);
            }

            db.Entry(row).Property(b => b.ConcurrencyStamp).OriginalValue = stamp.Value;
            row.Assign(amount, decisionReference);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Dự toán được giao vừa được người khác sửa; thay đổi của bạn chưa được lưu.");
        }
    }

    private static string Shorten(string text) => text.Length <= 500 ? text : text[..497] + "...";
}

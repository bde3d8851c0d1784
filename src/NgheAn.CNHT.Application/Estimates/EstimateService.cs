using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Notifications;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Estimates;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.Estimates;

public sealed record EstimateSummary(int Id, string ProgramCode, int Year, int Version, EstimateStatus Status, decimal Total,
    string? DecisionNumber, DateOnly? DecisionDate, string CreatedBy, DateTime CreatedAt, string? ApprovedBy, DateTime? ApprovedAt);

public sealed record EstimateLineView(int ContentItemId, string GroupCode, string ItemCode, string ItemName, decimal Amount, string? Note,
    decimal PlannedFromProposals);

public sealed record EstimateDetail(EstimateSummary Summary, string? Note, string? SubmittedBy, DateTime? SubmittedAt, IReadOnlyList<EstimateLineView> Lines);

/// <summary>
/// Annual estimates (dự toán năm): DOIT builds one per program and year from the proposals planned for
/// that year plus management costs, submits it, DOIT leadership approves it. Revisions are new versions;
/// an approved version is superseded (kept) when a later version is approved.
/// </summary>
public sealed class EstimateService(IAppDbContext db, ICurrentUser user, TimeProvider clock, NotificationService notifications, ILogger<EstimateService> logger)
{
    /// <summary>Statuses whose proposals are "planned" for a year: submitted and later, except rejected/cancelled.</summary>
    private static readonly ProposalStatus[] Planned =
    [
        ProposalStatus.Submitted, ProposalStatus.Appraised, ProposalStatus.Approved,
        ProposalStatus.Implementing, ProposalStatus.Accepted, ProposalStatus.Settled,
    ];

    public async Task<IReadOnlyList<EstimateSummary>> ListAsync(string programCode, CancellationToken ct = default)
    {
        var rows = await db.AnnualEstimates.AsNoTracking()
            .Join(db.Programs.Where(p => p.Code == programCode), e => e.ProgramId, p => p.Id, (e, p) => new { e, p.Code })
            .OrderByDescending(x => x.e.Year).ThenByDescending(x => x.e.Version)
            .Select(x => new
            {
                x.e.Id, x.Code, x.e.Year, x.e.Version, x.e.Status, Total = x.e.Lines.Sum(l => l.Amount),
                x.e.DecisionNumber, x.e.DecisionDate, x.e.CreatedBy, x.e.CreatedAt, x.e.ApprovedBy, x.e.ApprovedAt,
            })
            .ToListAsync(ct);
        return rows.Select(r => new EstimateSummary(r.Id, r.Code, r.Year, r.Version, r.Status, r.Total, r.DecisionNumber, r.DecisionDate,
            r.CreatedBy, r.CreatedAt, r.ApprovedBy, r.ApprovedAt)).ToList();
    }

    public async Task<EstimateDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        var e = await db.AnnualEstimates.AsNoTracking().Include(x => x.Lines).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return null;
        }

        var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == e.ProgramId, ct);
        var items = await db.ContentItems.AsNoTracking()
            .Where(i => i.Group.ProgramId == e.ProgramId)
            .OrderBy(i => i.Group.SortOrder).ThenBy(i => i.SortOrder)
            .Select(i => new { i.Id, GroupCode = i.Group.Code, i.Code, i.Name })
            .ToListAsync(ct);
        var planned = await PlannedByItemAsync(e.ProgramId, e.Year, ct);
        var lines = items.Select(i =>
        {
            var line = e.Lines.FirstOrDefault(l => l.ContentItemId == i.Id);
            return new EstimateLineView(i.Id, i.GroupCode, i.Code, i.Name, line?.Amount ?? 0, line?.Note, planned.GetValueOrDefault(i.Id));
        }).ToList();
        return new EstimateDetail(
            new EstimateSummary(e.Id, program.Code, e.Year, e.Version, e.Status, e.Total, e.DecisionNumber, e.DecisionDate, e.CreatedBy, e.CreatedAt, e.ApprovedBy, e.ApprovedAt),
            e.Note, e.SubmittedBy, e.SubmittedAt, lines);
    }

    /// <summary>Provincial share (approved if decided, else requested) of the proposals starting in the year, per item, in SQL.</summary>
    public async Task<Dictionary<int, decimal>> PlannedByItemAsync(int programId, int year, CancellationToken ct = default) =>
        await db.Proposals.AsNoTracking()
            .Where(p => p.ProgramId == programId && p.StartYear == year && Planned.Contains(p.Status))
            .GroupBy(p => p.ContentItemId)
            .Select(g => new { g.Key, Sum = g.Sum(p => p.PlannedProvincialShare()) })
            .ToDictionaryAsync(x => x.Key, x => x.Sum, ct);

    /// <summary>Starts the first estimate of a year, or a revision (next version) copying the latest one's lines.</summary>
    public async Task<int> CreateAsync(string programCode, int year, string? note, bool prefillFromProposals, CancellationToken ct = default)
    {
        RequireSpecialist();
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Code == programCode, ct)
            ?? throw new NotFoundException($"Không có chương trình mã {programCode}.");
        var versions = await db.AnnualEstimates.Where(x => x.ProgramId == program.Id && x.Year == year).Include(x => x.Lines).ToListAsync(ct);
        if (versions.Any(v => v.Status is EstimateStatus.Draft or EstimateStatus.Submitted))
        {
            throw new DomainException($"Năm {year} đang có một phiên bản dự toán chưa được phê duyệt; hãy hoàn tất phiên bản đó trước.");
        }

        var estimate = new AnnualEstimate(program.Id, program.Period, year, versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1, note);
        // A revision starts from the latest version's lines; taking the year's proposals then renews the items they
        // cover and keeps the others (management costs typed by hand are not lost).
        var previous = versions.OrderByDescending(v => v.Version).FirstOrDefault();
        foreach (var line in previous?.Lines ?? [])
        {
            estimate.SetLine(line.ContentItemId, line.Amount, line.Note);
        }

        if (prefillFromProposals)
        {
            foreach (var (itemId, amount) in await PlannedByItemAsync(program.Id, year, ct))
            {
                estimate.SetLine(itemId, amount, "Theo các đề án dự kiến thực hiện trong năm");
            }
        }

        db.AnnualEstimates.Add(estimate);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Annual estimate {EstimateId} ({Program} {Year} v{Version}) created by {User}", estimate.Id, programCode, year, estimate.Version, user.UserName);
        return estimate.Id;
    }

    public const string ConflictMessage =
        "Dự toán vừa được thay đổi sau khi bạn mở trang; thao tác của bạn chưa được lưu. Hãy xem số liệu và trạng thái hiện tại dưới đây rồi thực hiện lại nếu vẫn cần.";

    /// <summary>
    /// The estimate as a form saw it: a fingerprint of its status, note and lines. Every step (save, submit,
    /// return, approve) sends the version it was made on; a changed estimate, or no version, refuses the step.
    /// </summary>
    public async Task<string?> VersionAsync(int id, CancellationToken ct = default)
    {
        var estimate = await db.AnnualEstimates.AsNoTracking().Include(x => x.Lines).FirstOrDefaultAsync(x => x.Id == id, ct);
        return estimate is null ? null : Fingerprint(estimate);
    }

    private static string Fingerprint(AnnualEstimate estimate)
    {
        var text = new System.Text.StringBuilder()
            .Append(estimate.Status).Append('|').Append(estimate.Note).Append('|').Append(estimate.DecisionNumber);
        foreach (var line in estimate.Lines.OrderBy(l => l.ContentItemId))
        {
            text.Append('|').Append(line.ContentItemId).Append(':').Append(line.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(':').Append(line.Note);
        }

        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    private async Task<AnnualEstimate> LoadSeenAsync(int id, string? version, CancellationToken ct)
    {
        var estimate = await LoadAsync(id, ct);
        if (string.IsNullOrEmpty(version) || !string.Equals(version, Fingerprint(estimate), StringComparison.Ordinal))
        {
            throw new ConcurrencyConflictException(ConflictMessage);
        }

        return estimate;
    }

    public async Task SaveLinesAsync(int id, string? version, IReadOnlyDictionary<int, (decimal Amount, string? Note)> lines, CancellationToken ct = default)
    {
        RequireSpecialist();
        var estimate = await LoadSeenAsync(id, version, ct);
        var valid = await db.ContentItems.Where(i => i.Group.ProgramId == estimate.ProgramId).Select(i => i.Id).ToListAsync(ct);
        foreach (var (itemId, (amount, note)) in lines)
        {
            if (!valid.Contains(itemId))
            {
                throw new DomainException("Nội dung không thuộc chương trình của dự toán.");
            }

            estimate.SetLine(itemId, amount, note);
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task SubmitAsync(int id, string? version, CancellationToken ct = default)
    {
        var estimate = await LoadSeenAsync(id, version, ct);
        estimate.Submit(user.Actor, clock.GetUtcNow().UtcDateTime);
        await notifications.OnEstimateStepAsync(estimate, await ProgramCodeAsync(estimate, ct), EstimateStatus.Submitted, ct);
        await db.SaveChangesAsync(ct);
        notifications.AfterCommit();
    }

    public async Task ReturnAsync(int id, string? version, CancellationToken ct = default)
    {
        var estimate = await LoadSeenAsync(id, version, ct);
        estimate.ReturnToDraft(user.Actor);
        await notifications.OnEstimateStepAsync(estimate, await ProgramCodeAsync(estimate, ct), EstimateStatus.Draft, ct);
        await db.SaveChangesAsync(ct);
        notifications.AfterCommit();
    }

    /// <summary>Approves a submitted version; the previously approved version of the year becomes "superseded" (kept).</summary>
    public async Task ApproveAsync(int id, string? version, string decisionNumber, DateOnly decisionDate, CancellationToken ct = default)
    {
        var estimate = await LoadSeenAsync(id, version, ct);
        var previous = await db.AnnualEstimates
            .Where(x => x.ProgramId == estimate.ProgramId && x.Year == estimate.Year && x.Status == EstimateStatus.Approved && x.Id != id)
            .ToListAsync(ct);
        estimate.Approve(user.Actor, clock.GetUtcNow().UtcDateTime, decisionNumber, decisionDate);
        foreach (var p in previous)
        {
            p.Supersede();
        }

        await notifications.OnEstimateStepAsync(estimate, await ProgramCodeAsync(estimate, ct), EstimateStatus.Approved, ct);
        await db.SaveChangesAsync(ct);
        notifications.AfterCommit();
        logger.LogInformation("Annual estimate {EstimateId} approved by {User}", id, user.UserName);
    }

    private Task<string> ProgramCodeAsync(AnnualEstimate estimate, CancellationToken ct) =>
        db.Programs.AsNoTracking().Where(p => p.Id == estimate.ProgramId).Select(p => p.Code).SingleAsync(ct);

    private async Task<AnnualEstimate> LoadAsync(int id, CancellationToken ct) =>
        await db.AnnualEstimates.Include(x => x.Lines).FirstOrDefaultAsync(x => x.Id == id, ct)
        ?? throw new NotFoundException("Không tìm thấy dự toán.");

    private void RequireSpecialist()
    {
        if (!user.Actor.IsIn(Domain.Roles.DoitSpecialist))
        {
            throw new DomainException("Chỉ Chuyên viên Sở được lập và sửa dự toán.");
        }
    }
}

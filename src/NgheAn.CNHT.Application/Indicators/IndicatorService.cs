using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Indicators;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.Indicators;

/// <summary>
/// Output indicators (ADR 0171): staff set them per content item with their targets; a proposal states its expected
/// outputs against them; the acceptance step records the actual outputs in the same transaction as the acceptance
/// (and its minutes), so a refused acceptance records no output and a refused output leaves the proposal unaccepted.
/// </summary>
public sealed class IndicatorService(IAppDbContext db, ICurrentUser user, ProposalService proposals, AttachmentService attachments, ILogger<IndicatorService> logger)
{
    public const string ConflictMessage = "Số liệu này vừa được người khác sửa trong khi bạn đang sửa; thay đổi của bạn chưa được lưu. Hãy xem số hiện tại rồi nhập lại nếu vẫn cần.";

    /// <summary>Adds (stamp null) or changes an indicator of an item with its period and yearly targets.</summary>
    public async Task<int> SaveIndicatorAsync(int itemId, IndicatorKind kind, Guid? stamp, decimal periodTarget, IReadOnlyDictionary<int, decimal> yearly, bool approved, CancellationToken ct = default)
    {
        if (!user.Actor.IsIn(Roles.DoitSpecialist))
        {
            throw new DomainException("Chỉ Chuyên viên Sở được đặt chỉ tiêu đầu ra.");
        }

        var item = await db.ContentItems.AsNoTracking().Where(i => i.Id == itemId)
            .Select(i => new { i.Code, i.Group.Program.StartYear, i.Group.Program.EndYear }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Không tìm thấy nội dung.");
        var period = new YearRange(item.StartYear, item.EndYear);
        var indicator = await db.OutputIndicators.Include(i => i.Targets).FirstOrDefaultAsync(i => i.ContentItemId == itemId && i.Kind == kind, ct);
        if (indicator is null)
        {
            // A new indicator has no version yet; two people adding the same kind at once meet the unique index, and
            // the one refused is told so in words (ADR 0196), not by the database's error.
            var created = new OutputIndicator(itemId, kind, periodTarget, isIllustrative: false);
            created.SetTargets(period, periodTarget, yearly, approved);
            db.OutputIndicators.Add(created);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
            {
                db.Entry(created).State = EntityState.Detached;
                if (await db.OutputIndicators.AsNoTracking().AnyAsync(i => i.ContentItemId == itemId && i.Kind == kind, ct))
                {
                    throw new DomainException(DuplicateKind(item.Code, kind, justNow: true), ex);
                }

                throw;
            }

            logger.LogInformation("Output indicator {Kind} of content item {ItemId} added by {User}", kind, itemId, user.UserName);
            return created.Id;
        }

        if (stamp is null || stamp == Guid.Empty)
        {
            // The add form of a kind the item already has (opened twice, or sent again): the kind is kept once.
            throw new DomainException(DuplicateKind(item.Code, kind, justNow: false), "Kind");
        }

        if (stamp != indicator.ConcurrencyStamp)
        {
            throw new ConcurrencyConflictException(ConflictMessage, [], indicator.ConcurrencyStamp);
        }

        db.Entry(indicator).Property(i => i.ConcurrencyStamp).OriginalValue = stamp.Value;
        indicator.RenewConcurrencyStamp();
        indicator.SetTargets(period, periodTarget, yearly, approved);
        await SaveAsync(ct);
        logger.LogInformation("Output indicator {Kind} of content item {ItemId} saved by {User}", kind, itemId, user.UserName);
        return indicator.Id;
    }

    private static string DuplicateKind(string itemCode, IndicatorKind kind, bool justNow) =>
        $"Nội dung {itemCode} {(justNow ? "vừa được người khác thêm" : "đã có")} chỉ tiêu «{kind.DisplayName()}»; mỗi loại chỉ tiêu chỉ đặt một lần cho một nội dung. "
        + "Chỉ tiêu của bạn chưa được lưu: hãy mở chỉ tiêu đó trong danh sách để sửa chỉ tiêu giai đoạn và các năm.";

    /// <summary>
    /// The version of a proposal's outputs as a form saw them (expected and actual of each indicator): a form opened
    /// before someone else's change is refused.
    /// </summary>
    public async Task<string> OutputsVersionAsync(int proposalId, CancellationToken ct = default)
    {
        var rows = await db.ProposalOutputs.AsNoTracking().Where(o => o.ProposalId == proposalId).OrderBy(o => o.OutputIndicatorId)
            .Select(o => new { o.OutputIndicatorId, o.Expected, o.Actual }).ToListAsync(ct);
        return "v" + string.Join(";", rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.OutputIndicatorId}:{r.Expected:0}:{r.Actual:0}")));
    }

    /// <summary>States the expected outputs of a proposal (before it is accepted); a 0 removes nothing, it is a stated 0.</summary>
    public async Task SetExpectedAsync(int proposalId, string? version, IReadOnlyDictionary<int, decimal> expected, CancellationToken ct = default)
    {
        if (!user.Actor.IsIn(Roles.DoitSpecialist) && !user.Actor.IsIn(Roles.SupportCenter))
        {
            throw new DomainException("Chỉ Chuyên viên Sở hoặc Trung tâm được ghi kết quả dự kiến của đề án.");
        }

        var proposal = await db.Proposals.AsNoTracking().Where(p => p.Id == proposalId).Select(p => new { p.ContentItemId, p.Status }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Không tìm thấy đề án số {proposalId}.");
        if (proposal.Status is ProposalStatus.Accepted or ProposalStatus.Settled or ProposalStatus.Cancelled or ProposalStatus.Rejected)
        {
            throw new DomainException("Đề án đã nghiệm thu, quyết toán, hủy hoặc không được phê duyệt: không sửa kết quả dự kiến.");
        }

        await CheckVersionAsync(proposalId, version, ct);
        var indicators = await db.OutputIndicators.Where(i => i.ContentItemId == proposal.ContentItemId).Select(i => i.Id).ToListAsync(ct);
        var existing = await db.ProposalOutputs.Where(o => o.ProposalId == proposalId).ToListAsync(ct);
        foreach (var (indicatorId, value) in expected)
        {
            if (!indicators.Contains(indicatorId))
            {
                throw new DomainException("Chỉ tiêu không thuộc nội dung của đề án.");
            }

            var row = existing.FirstOrDefault(o => o.OutputIndicatorId == indicatorId);
            if (row is null)
            {
                db.ProposalOutputs.Add(new ProposalOutput(proposalId, indicatorId, value));
            }
            else if (row.Expected != value)
            {
                row.Expect(value);
            }
        }

        await SaveAsync(ct);
    }

    /// <summary>
    /// The acceptance step with its actual outputs (and, when given, its minutes) as one transaction: the existing
    /// acceptance (ProposalService) runs first, then the outputs are recorded; any refusal rolls everything back.
    /// </summary>
    public async Task AcceptWithOutputsAsync(int proposalId, Guid? stamp, DateOnly acceptanceDate, string result, IReadOnlyDictionary<int, decimal> actuals,
        string? minutesFileName, Stream? minutes, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await proposals.AcceptAsync(proposalId, stamp, acceptanceDate, result, ct);
        if (minutes is not null)
        {
            await attachments.UploadAsync(proposalId, DocumentType.Minutes, minutesFileName, minutes, "Biên bản nghiệm thu", ct);
        }

        await RecordActualsCoreAsync(proposalId, acceptanceDate, actuals, ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Proposal {ProposalId} accepted with {Count} actual output(s) by {User}", proposalId, actuals.Count, user.UserName);
    }

    /// <summary>Records (or corrects) the actual outputs of a proposal accepted earlier, by the Support Center, with the form's version.</summary>
    public async Task RecordActualsAsync(int proposalId, string? version, IReadOnlyDictionary<int, decimal> actuals, CancellationToken ct = default)
    {
        if (!user.Actor.IsIn(Roles.SupportCenter))
        {
            throw new DomainException("Chỉ Trung tâm ghi kết quả nghiệm thu.");
        }

        var proposal = await db.Proposals.AsNoTracking().Where(p => p.Id == proposalId).Select(p => new { p.Status, p.AcceptanceDate }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Không tìm thấy đề án số {proposalId}.");
        if (proposal.AcceptanceDate is not { } date || proposal.Status is not (ProposalStatus.Accepted or ProposalStatus.Settled))
        {
            throw new DomainException("Đề án chưa nghiệm thu: kết quả đạt được ghi cùng bước nghiệm thu.");
        }

        await CheckVersionAsync(proposalId, version, ct);
        await RecordActualsCoreAsync(proposalId, date, actuals, ct);
    }

    private async Task RecordActualsCoreAsync(int proposalId, DateOnly date, IReadOnlyDictionary<int, decimal> actuals, CancellationToken ct)
    {
        if (actuals.Count == 0)
        {
            return;
        }

        var itemId = await db.Proposals.Where(p => p.Id == proposalId).Select(p => p.ContentItemId).SingleAsync(ct);
        var indicators = await db.OutputIndicators.Where(i => i.ContentItemId == itemId).Select(i => i.Id).ToListAsync(ct);
        var existing = await db.ProposalOutputs.Where(o => o.ProposalId == proposalId).ToListAsync(ct);
        foreach (var (indicatorId, value) in actuals)
        {
            if (!indicators.Contains(indicatorId))
            {
                throw new DomainException("Chỉ tiêu không thuộc nội dung của đề án.");
            }

            var row = existing.FirstOrDefault(o => o.OutputIndicatorId == indicatorId);
            if (row is null)
            {
                row = new ProposalOutput(proposalId, indicatorId, 0);
                db.ProposalOutputs.Add(row);
            }

            row.RecordActual(value, date);
        }

        await SaveAsync(ct);
    }

    private async Task CheckVersionAsync(int proposalId, string? version, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(version) || version != await OutputsVersionAsync(proposalId, ct))
        {
            throw new ConcurrencyConflictException(ConflictMessage);
        }
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(ConflictMessage);
        }
    }
}

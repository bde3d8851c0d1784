using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Auditing;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Notifications;
using NgheAn.CNHT.Application.Organizations;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.Proposals;

/// <summary>
/// What a specialist types for a proposal. <see cref="LeadOrganizationId"/> names an existing lead unit;
/// when <see cref="NewOrganization"/> is given, that unit is created with the proposal instead.
/// An empty <see cref="Code"/> gets the next CNHT-YYYY-NN of the start year.
/// </summary>
public sealed record ProposalInput(
    string? Code,
    int ContentItemId,
    int LeadOrganizationId,
    OrganizationInput? NewOrganization,
    string Title,
    string? Objectives,
    string? ExpectedOutputs,
    int StartYear,
    int EndYear,
    decimal TotalCost,
    decimal ProvincialShare);

/// <summary>
/// Every change to a proposal: create, edit and each lifecycle step. Loads the proposal, lets the domain
/// decide (role, state, values) with the current user and the clock, saves once. A refused step throws
/// <see cref="DomainException"/> and saves nothing; a stale form throws <see cref="ConcurrencyConflictException"/>.
/// Settlement (quyết toán) belongs to the disbursement feature.
/// </summary>
public sealed class ProposalService(
    IAppDbContext db,
    ICurrentUser user,
    TimeProvider clock,
    AuditTrail audit,
    OrganizationService organizations,
    NotificationService notifications,
    AttachmentService attachments,
    SupportRules.SupportRuleChecks rules,
    DossierChecklist checklist,
    ILogger<ProposalService> logger)
{
    public const string NewOrganizationPrefix = "NewOrganization.";

    private DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    private const int MaxCodeAttempts = 25;

    public async Task<int> CreateAsync(ProposalInput input, CancellationToken ct = default)
    {
        var actor = user.Actor;
        if (!actor.IsIn(Roles.DoitSpecialist))
        {
            throw new DomainException("Chỉ Chuyên viên Sở được tạo đề án.");
        }

        await CheckAsync(input, null, ct);
        var item = await ItemAsync(input.ContentItemId, ct);
        var automatic = string.IsNullOrWhiteSpace(input.Code);
        var code = automatic ? await NextCodeAsync(input.StartYear, ct) : input.Code!.Trim();
        if (!automatic)
        {
            // A typed code already taken is refused before anything is written. An automatic one is not checked here:
            // another creation may take it between numbering and saving, and the loop below simply numbers again.
            await EnsureCodeFreeAsync(code, ct);
        }

        // A new lead unit and its proposal are saved together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var organizationId = await LeadOrganizationAsync(input, ct);
        Proposal proposal;
        for (var attempt = 1; ; attempt++)
        {
            proposal = new Proposal(
                new ProposalDraft(code, input.Title, input.Objectives, input.ExpectedOutputs, input.StartYear, input.EndYear, input.TotalCost, input.ProvincialShare),
                new ProposalContext(item.ProgramId, item.Period, item.Id, organizationId),
                actor, UtcNow);
            db.Proposals.Add(proposal);
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
            {
                // Two specialists took the same code at the same moment: the unique index refused the second.
                if (!await db.Proposals.AsNoTracking().AnyAsync(p => p.Code == code, ct))
                {
                    throw;
                }

                // Each round at least one of the competing creations wins, so n at once need at most n rounds.
                if (!automatic || attempt == MaxCodeAttempts)
                {
                    throw new DomainException($"Mã đề án {code} vừa được dùng cho đề án khác; vui lòng chọn mã khác.", nameof(Proposal.Code));
                }

                // An automatic number is simply taken again: forget the refused draft (its history first).
                foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && e.Entity is ProposalTransition).ToList())
                {
                    entry.State = EntityState.Detached;
                }

                db.Entry(proposal).State = EntityState.Detached;

                code = await NextCodeAsync(input.StartYear, ct);
            }
        }

        await transaction.CommitAsync(ct);
        logger.LogInformation("Proposal {ProposalId} created as draft ({Code})", proposal.Id, proposal.Code);
        return proposal.Id;
    }

    /// <summary>
    /// Every rule of a proposal form in one pass, saving nothing (ADR 0120): the content item, the code, a new lead unit
    /// and the draft itself. Throws one <see cref="DomainException"/> carrying all broken rules. Create and edit call it
    /// first; a page whose own field checks failed calls it too, so the person sees every mistake after one submit.
    /// </summary>
    public async Task CheckAsync(ProposalInput input, int? editedId, CancellationToken ct = default)
    {
        var check = new RuleCheck();
        var item = await check.RunAsync<ItemContext?>(async () => await ItemAsync(input.ContentItemId, ct));
        if (editedId is null && !string.IsNullOrWhiteSpace(input.Code))
        {
            await check.RunAsync(() => EnsureCodeFreeAsync(input.Code.Trim(), ct));
        }

        if (input.NewOrganization is { } org)
        {
            await check.RunAsync(async () =>
            {
                try
                {
                    await organizations.CheckAsync(org, ct);
                }
                catch (DomainException ex)
                {
                    throw ex.WithFields(f => f is null ? null : NewOrganizationPrefix + f);
                }
            });
        }
        else if (input.LeadOrganizationId <= 0 || !await db.Organizations.AsNoTracking().AnyAsync(o => o.Id == input.LeadOrganizationId, ct))
        {
            check.Add(new DomainException("Vui lòng chọn đơn vị chủ trì, hoặc nhập đơn vị mới.", nameof(Proposal.LeadOrganizationId)));
        }

        var draft = new ProposalDraft(input.Code ?? "", input.Title, input.Objectives, input.ExpectedOutputs, input.StartYear, input.EndYear, input.TotalCost, input.ProvincialShare);
        Proposal.CheckDraft(draft, item?.Id ?? (check.IsBroken(nameof(Proposal.ContentItemId)) ? 1 : 0), input.NewOrganization is null ? input.LeadOrganizationId : -1, item?.Period, check);
        check.ThrowIfBroken();
    }

    /// <summary>Edits a draft. <paramref name="stamp"/> is the version the user opened; a newer one refuses the save.</summary>
    public async Task UpdateAsync(int id, Guid stamp, ProposalInput input, CancellationToken ct = default)
    {
        var proposal = await LoadAsync(id, ct);
        // A proposal that has moved on is not editable whatever version the page showed: say that, not "changed since".
        proposal.EnsureEditable();
        if (proposal.ConcurrencyStamp != stamp)
        {
            throw await ConflictAsync(id, stamp, ct);
        }

        await CheckAsync(input, id, ct);
        var item = await ItemAsync(input.ContentItemId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var organizationId = await LeadOrganizationAsync(input, ct);
        proposal.Edit(
            new ProposalDraft(proposal.Code, input.Title, input.Objectives, input.ExpectedOutputs, input.StartYear, input.EndYear, input.TotalCost, input.ProvincialShare),
            new ProposalContext(item.ProgramId, item.Period, item.Id, organizationId),
            user.Actor);
        await SaveAsync(proposal, stamp, ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Proposal {ProposalId} edited", id);
    }

    /// <summary>Submits the dossier; refused while a mandatory document of the item's checklist has no file (ADR 0125).</summary>
    public async Task SubmitAsync(int id, Guid? stamp, string? comment, CancellationToken ct = default)
    {
        var refusal = DossierChecklist.Refusal(await checklist.ForProposalAsync(id, ct));
        await TransitionAsync(id, stamp, ProposalAction.Submit, comment, (p, a, now) =>
        {
            // The workflow speaks first (who may submit what), then the dossier.
            p.Submit(a, now, comment);
            if (refusal is not null)
            {
                throw refusal;
            }
        }, ct);
    }

    public Task AppraiseAsync(int id, Guid? stamp, DateOnly appraisalDate, string opinion, decimal recommendedTotalCost, decimal recommendedProvincialShare, CancellationToken ct = default) =>
        TransitionAsync(id, stamp, ProposalAction.Appraise, opinion,
            (p, a, now) => p.Appraise(a, now, appraisalDate, opinion, recommendedTotalCost, recommendedProvincialShare), ct);

    public Task ApproveAsync(int id, Guid? stamp, string decisionNumber, DateOnly decisionDate, decimal approvedTotalCost, decimal approvedProvincialShare, string? comment, CancellationToken ct = default) =>
        ApproveAsync(id, stamp, decisionNumber, decisionDate, approvedTotalCost, approvedProvincialShare, comment, null, ct);

    /// <summary>
    /// Approval is checked against the support rules in force on the proposal's submission date (ADR 0141). Above a cap it
    /// is refused unless the leader gives <paramref name="overrideReason"/>, recorded with the violations (audited). The
    /// lead unit's row is locked first inside a serializable transaction, so two approvals for the same enterprise queue
    /// and the second sees the first in the per-enterprise sums: together they cannot pass a cap.
    /// </summary>
    public async Task ApproveAsync(int id, Guid? stamp, string decisionNumber, DateOnly decisionDate, decimal approvedTotalCost, decimal approvedProvincialShare,
        string? comment, string? overrideReason, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
        var current = await db.Proposals.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.LeadOrganizationId, p.Status, p.ConcurrencyStamp }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Không tìm thấy đề án số {id}.");
        // A stale page first (the user sees what changed), then role and state: someone who may not approve hears that, not the caps.
        if (stamp is { } seen && current.ConcurrencyStamp != seen)
        {
            throw await ConflictAsync(id, seen, ct);
        }

        ProposalWorkflow.Resolve(ProposalAction.Approve, current.Status, user.Actor);
        await SupportRules.SupportRuleLocks.LockEnterpriseAsync(db, current.LeadOrganizationId, ct);
        var check = await rules.CheckProposalAsync(id, approvedTotalCost, approvedProvincialShare, ct);
        // The budget the province assigned to the item for the year caps what approvals allocate (issue 19, ADR 0174).
        await FundingRequests.AllocationCap.EnsureWithinAsync(db, id, approvedProvincialShare, ct);
        if (check.HasViolations && string.IsNullOrWhiteSpace(overrideReason))
        {
            throw new DomainException(
                "Không phê duyệt được: số được duyệt vượt định mức.\n" + string.Join("\n", check.Violations.Select(v => "• " + v.Message))
                + "\nSửa số được duyệt cho trong mức, hoặc Lãnh đạo Sở ghi lý do phê duyệt vượt định mức.", "OverrideReason");
        }

        await TransitionAsync(id, stamp, ProposalAction.Approve, comment, (p, a, now) =>
        {
            p.Approve(a, now, decisionNumber, decisionDate, approvedTotalCost, approvedProvincialShare, comment);
            if (check.HasViolations)
            {
                db.ProposalRuleFlags.Add(Domain.SupportRules.ProposalRuleFlag.Override(id, check, overrideReason, a, now));
            }
        }, ct);
        await transaction.CommitAsync(ct);
        if (check.HasViolations)
        {
            logger.LogWarning("Proposal {ProposalId} approved above the support rules by {User}, with a recorded override", id, user.UserName);
        }
    }

    public Task RejectAsync(int id, Guid? stamp, string reason, CancellationToken ct = default) =>
        TransitionAsync(id, stamp, ProposalAction.Reject, reason, (p, a, now) => p.Reject(a, now, reason), ct);

    public Task StartImplementationAsync(int id, Guid? stamp, string? comment, CancellationToken ct = default) =>
        TransitionAsync(id, stamp, ProposalAction.StartImplementation, comment, (p, a, now) => p.StartImplementation(a, now, comment), ct);

    public Task AcceptAsync(int id, Guid? stamp, DateOnly acceptanceDate, string result, CancellationToken ct = default) =>
        TransitionAsync(id, stamp, ProposalAction.Accept, result, (p, a, now) => p.Accept(a, now, acceptanceDate, result), ct);

    /// <summary>
    /// Records the acceptance and files its minutes as one step: one transaction, so a refused file (too large,
    /// not what its name says) leaves the proposal as it was, with no transition, notice or audit row.
    /// </summary>
    public async Task AcceptWithMinutesAsync(int id, Guid? stamp, DateOnly acceptanceDate, string result, string? minutesFileName, Stream minutes, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await AcceptAsync(id, stamp, acceptanceDate, result, ct);
        await attachments.UploadAsync(id, DocumentType.Minutes, minutesFileName, minutes, "Biên bản nghiệm thu", ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Cancelling closes the ledger, so a proposal with money still out (net of recoveries) cannot be cancelled: the
    /// Support Center recovers it first. Checked under the proposal's write lock, the one every ledger posting takes
    /// (LedgerService), so a payment cannot slip in between the check and the cancellation.
    /// </summary>
    public async Task CancelAsync(int id, Guid? stamp, string reason, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
        if (!await Disbursements.LedgerService.LockProposalAsync(db, id, ct))
        {
            throw new NotFoundException($"Không tìm thấy đề án số {id}.");
        }

        var balance = await Disbursements.LedgerService.BalanceAsync(db, id, ct);
        if (balance.Provincial != 0 || balance.NonProvincial != 0)
        {
            throw new DomainException(
                $"Đề án còn số đã giải ngân chưa thu hồi (ngân sách tỉnh {VnFormat.Dong(balance.Provincial)} đồng; đối ứng và nguồn khác {VnFormat.Dong(balance.NonProvincial)} đồng). "
                + "Trung tâm ghi bút toán thu hồi trên sổ giải ngân trước, rồi mới hủy được đề án.");
        }

        await TransitionAsync(id, stamp, ProposalAction.Cancel, reason, (p, a, now) => p.Cancel(a, now, reason), ct);
        await transaction.CommitAsync(ct);
    }

    public Task ReturnForRevisionAsync(int id, Guid? stamp, string reason, CancellationToken ct = default) =>
        TransitionAsync(id, stamp, ProposalAction.ReturnForRevision, reason, (p, a, now) => p.ReturnForRevision(a, now, reason), ct);

    private async Task TransitionAsync(int id, Guid? stamp, ProposalAction action, string? comment, Action<Proposal, Actor, DateTime> apply, CancellationToken ct)
    {
        var proposal = await LoadAsync(id, ct);
        var from = proposal.Status;
        // The domain first: a step this role may never take, or that the status no longer allows, says so whatever
        // version the page showed (as an edit of a proposal that has left draft does). Nothing is saved before the
        // version check below.
        apply(proposal, user.Actor, UtcNow);
        // A step without the version the user saw (a stale or hand-made form) is refused like a stale one: nothing
        // tells that the page showed the proposal as it is now (ADR 0114).
        if (stamp is not { } seen || db.Entry(proposal).Property(p => p.ConcurrencyStamp).OriginalValue != seen)
        {
            throw await ConflictAsync(id, stamp ?? Guid.Empty, ct);
        }

        // The notices (and queued e-mails) the new status calls for are saved with the step, or not at all.
        await notifications.OnTransitionAsync(proposal, action, comment, ct);
        await SaveAsync(proposal, seen, ct);
        notifications.AfterCommit();
        logger.LogInformation("Proposal {ProposalId}: {Action} ({From} → {To})", id, action, from, proposal.Status);
    }

    private async Task<Proposal> LoadAsync(int id, CancellationToken ct) =>
        await db.Proposals.FirstOrDefaultAsync(p => p.Id == id, ct)
        ?? throw new NotFoundException($"Không tìm thấy đề án số {id}.");

    /// <summary>Saves with the version the user saw as the original stamp, so a change in between is refused by the database.</summary>
    private async Task SaveAsync(Proposal proposal, Guid stamp, CancellationToken ct)
    {
        db.Entry(proposal).Property(p => p.ConcurrencyStamp).OriginalValue = stamp;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw await ConflictAsync(proposal.Id, stamp, ct);
        }
    }

    private async Task<ConcurrencyConflictException> ConflictAsync(int id, Guid stamp, CancellationToken ct)
    {
        var current = await db.Proposals.AsNoTracking().Where(p => p.Id == id).Select(p => p.ConcurrencyStamp).FirstOrDefaultAsync(ct);
        var changes = await audit.DescribeChangesSinceAsync(nameof(Proposal), id, stamp, ct);
        var by = changes.Count > 0 ? $" bởi {changes.MaxBy(c => c.ChangedAt)!.ChangedBy}" : "";
        return new ConcurrencyConflictException(
            $"Đề án vừa được thay đổi{by} sau khi bạn mở trang; thao tác của bạn chưa được lưu. Hãy xem các thay đổi dưới đây rồi thực hiện lại nếu vẫn cần.",
            changes, current);
    }

    private sealed record ItemContext(int Id, int ProgramId, YearRange Period);

    private async Task<ItemContext> ItemAsync(int itemId, CancellationToken ct)
    {
        var item = itemId <= 0
            ? null
            : await db.ContentItems.AsNoTracking()
                .Where(i => i.Id == itemId)
                .Select(i => new { i.Id, i.Group.ProgramId, i.Group.Program.Code, i.Group.Program.Status, i.Group.Program.StartYear, i.Group.Program.EndYear })
                .FirstOrDefaultAsync(ct);
        if (item is null)
        {
            throw new DomainException("Vui lòng chọn nội dung hỗ trợ trong danh mục chương trình.", nameof(Proposal.ContentItemId));
        }

        // A catalog still being set up may change under the proposal; a closed program takes no new work.
        return item.Status switch
        {
            Domain.Catalog.ProgramStatus.Draft => throw new DomainException(
                $"Danh mục Chương trình {item.Code} đang được lập, chưa khóa: đề án được nhập sau khi danh mục được phê duyệt và khóa (Danh mục chương trình → Thiết lập).",
                nameof(Proposal.ContentItemId)),
            Domain.Catalog.ProgramStatus.Closed => throw new DomainException(
                $"Chương trình {item.Code} đã kết thúc: không nhập hoặc sửa đề án của chương trình này.", nameof(Proposal.ContentItemId)),
            _ => new ItemContext(item.Id, item.ProgramId, new YearRange(item.StartYear, item.EndYear)),
        };
    }

    private async Task<int> LeadOrganizationAsync(ProposalInput input, CancellationToken ct)
    {
        if (input.NewOrganization is null)
        {
            if (input.LeadOrganizationId <= 0 || !await db.Organizations.AsNoTracking().AnyAsync(o => o.Id == input.LeadOrganizationId, ct))
            {
                throw new DomainException("Vui lòng chọn đơn vị chủ trì, hoặc nhập đơn vị mới.", nameof(Proposal.LeadOrganizationId));
            }

            return input.LeadOrganizationId;
        }

        try
        {
            var organization = await organizations.AddAsync(input.NewOrganization, ct);
            await db.SaveChangesAsync(ct);
            return organization.Id;
        }
        catch (DomainException ex)
        {
            throw ex.WithFields(f => f is null ? null : NewOrganizationPrefix + f);
        }
    }

    private async Task EnsureCodeFreeAsync(string code, CancellationToken ct)
    {
        if (await db.Proposals.AsNoTracking().AnyAsync(p => p.Code == code, ct))
        {
            throw new DomainException($"Mã đề án {code} đã có; vui lòng chọn mã khác (hoặc để trống để hệ thống tự đánh số).", nameof(Proposal.Code));
        }
    }

    /// <summary>CNHT-YYYY-NN: the next number among the proposals of that start year.</summary>
    internal async Task<string> NextCodeAsync(int startYear, CancellationToken ct)
    {
        var prefix = $"CNHT-{startYear.ToString(CultureInfo.InvariantCulture)}-";
        var codes = await db.Proposals.AsNoTracking().Where(p => p.Code.StartsWith(prefix)).Select(p => p.Code).ToListAsync(ct);
        var last = codes.Select(c => int.TryParse(c.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        return $"{prefix}{last + 1:00}";
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Access;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Estimates;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.Notifications;

/// <summary>Which step asks whom to act next, and what the notice says ({0} = code, {1} = title, {2} = comment or decision).</summary>
public sealed record NoticeRule(ProposalAction After, string Role, bool ToSubmitter, string Message, string Subject);

public sealed record NotificationRow(long Id, string Message, string? Link, int? ProposalId, DateTime CreatedAt, bool IsRead, bool IsResolved);

public sealed record NotificationPage(IReadOnlyList<NotificationRow> Rows, int TotalCount, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

/// <summary>
/// In-portal notices (and, when SMTP is configured, e-mails) that a proposal needs someone's action.
/// <see cref="OnTransitionAsync"/> adds them to the same unit of work as the step, so they are saved with it
/// or not at all; e-mails wait in the outbox and are sent after the commit (docs/decisions/0072-notifications.md).
/// Read state is per user: a notice to a role is unread for each of its members until each opens it.
/// </summary>
public sealed class NotificationService(
    IAppDbContext db,
    ICurrentUser user,
    TimeProvider clock,
    INotificationRecipients recipients,
    IMailOutbox outbox,
    Enterprises.EnterpriseNotices enterprises,
    UnreadNotices kept,
    ILogger<NotificationService> logger)
{
    public const int PageSize = 30;

    public static IReadOnlyList<NoticeRule> Rules { get; } =
    [
        new(ProposalAction.Submit, Roles.SupportCenter, false,
            "Đề án {0} «{1}» đã nộp hồ sơ, chờ Trung tâm ghi kết quả thẩm định.", "Đề án {0} chờ thẩm định"),
        new(ProposalAction.Appraise, Roles.DoitLeader, false,
            "Đề án {0} «{1}» đã có kết quả thẩm định, chờ Lãnh đạo Sở phê duyệt.", "Đề án {0} chờ phê duyệt"),
        new(ProposalAction.Approve, Roles.SupportCenter, false,
            "Đề án {0} «{1}» đã được phê duyệt ({2}); Trung tâm theo dõi thực hiện và ghi giải ngân.", "Đề án {0} đã được phê duyệt"),
        new(ProposalAction.ReturnForRevision, Roles.DoitSpecialist, true,
            "Đề án {0} «{1}» được trả lại để chỉnh sửa, bổ sung: {2}", "Đề án {0} được trả lại để chỉnh sửa"),
    ];

    private bool _mailQueued;

    /// <summary>
    /// Called by a lifecycle step after the domain accepted it and before the save: resolves the proposal's open
    /// notices (whoever was asked to act has acted, or the proposal went elsewhere) and adds the notice, and the
    /// e-mails, the new status calls for. Nothing is saved here.
    /// </summary>
    public async Task OnTransitionAsync(Proposal proposal, ProposalAction action, string? comment, CancellationToken ct = default)
    {
        ForgetUnread();
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Notifications.Where(n => n.ProposalId == proposal.Id && n.ResolvedAt == null).ToListAsync(ct);
        foreach (var notice in open)
        {
            notice.Resolve(now);
        }

        // The lead enterprise's own accounts hear of every step they may see (issue 16).
        await Enterprises.EnterpriseStepNotice.AddAsync(enterprises, proposal, action, ct);

        var rule = Rules.FirstOrDefault(r => r.After == action);
        if (rule is null)
        {
            return;
        }

        var recipient = rule.ToSubmitter ? await SubmitterAsync(proposal, ct) : null;
        var detail = action == ProposalAction.Approve ? $"quyết định số {proposal.DecisionNumber}" : Shorten(comment ?? "", 300);
        var message = string.Format(VnFormat.Culture, rule.Message, proposal.Code, Shorten(proposal.Title, 200), detail);
        var subject = string.Format(VnFormat.Culture, rule.Subject, proposal.Code);
        await AddAsync(rule.Role, recipient, proposal.Id, message, subject, $"/Proposals/Details/{proposal.Id}", now, ct);
    }

    /// <summary>
    /// Called by an annual estimate's step before the save, like <see cref="OnTransitionAsync"/>: the estimate's
    /// open notices are resolved, and the step's notice is added — submitted: to DOIT leadership, who approve
    /// it; returned: to the specialist who submitted it; approved: to DOIT specialists and the Support Center,
    /// who compare it with the year's spending.
    /// </summary>
    public async Task OnEstimateStepAsync(AnnualEstimate estimate, string programCode, EstimateStatus newStatus, CancellationToken ct = default)
    {
        ForgetUnread();
        var now = clock.GetUtcNow().UtcDateTime;
        var link = $"/Estimates/Details/{estimate.Id}";
        // Estimates have no column of their own on a notice: their notices are the ones linking to them.
        var open = await db.Notifications.Where(n => n.ProposalId == null && n.Link == link && n.ResolvedAt == null).ToListAsync(ct);
        foreach (var notice in open)
        {
            notice.Resolve(now);
        }

        var what = $"Dự toán năm {estimate.Year} (lần {estimate.Version}) của Chương trình {programCode}";
        switch (newStatus)
        {
            case EstimateStatus.Submitted:
                await AddAsync(Roles.DoitLeader, null, null, $"{what} đã trình, chờ Lãnh đạo Sở phê duyệt.",
                    $"Dự toán năm {estimate.Year} chờ phê duyệt", link, now, ct);
                break;
            case EstimateStatus.Draft when estimate.SubmittedBy is { } submitter:
                await AddAsync(Roles.DoitSpecialist, submitter, null, $"{what} được Lãnh đạo Sở trả lại để chỉnh sửa.",
                    $"Dự toán năm {estimate.Year} được trả lại", link, now, ct);
                break;
            case EstimateStatus.Approved:
                var approved = $"{what} đã được phê duyệt (quyết định số {estimate.DecisionNumber}).";
                await AddAsync(Roles.DoitSpecialist, null, null, approved, $"Dự toán năm {estimate.Year} đã được phê duyệt", link, now, ct);
                await AddAsync(Roles.SupportCenter, null, null, approved, $"Dự toán năm {estimate.Year} đã được phê duyệt", link, now, ct);
                break;
        }
    }

    /// <summary>One notice, and its e-mails in the outbox when SMTP is configured. Nothing is saved here.</summary>
    private async Task AddAsync(string role, string? recipient, int? proposalId, string message, string subjectText, string link, DateTime now, CancellationToken ct)
    {
        db.Notifications.Add(new Notification(role, recipient, proposalId, Shorten(message, 1000), link, now));
        ForgetUnread();

        if (!outbox.Enabled)
        {
            return;
        }

        var addresses = await recipients.EmailsAsync(role, recipient, ct);
        var actor = user.Actor;
        var subject = "[CNHT Nghệ An] " + subjectText;
        var body = string.Join("\n",
            $"Kính gửi: {(recipient is null ? Roles.DisplayName(role) : recipient)},",
            "",
            Shorten(message, 1200),
            "",
            $"Người thực hiện: {actor.DisplayName} ({actor.UserName}), lúc {VnFormat.DateTime(now)}.",
            $"Xem và xử lý tại: {(outbox.PortalUrl?.TrimEnd('/') ?? "")}{link}",
            "",
            "Thư này được gửi tự động từ Cổng quản lý Chương trình phát triển công nghiệp hỗ trợ tỉnh Nghệ An; vui lòng không trả lời thư này.");
        foreach (var address in addresses)
        {
            db.OutgoingEmails.Add(new OutgoingEmail(address, Shorten(subject, 300), body, now));
        }

        _mailQueued |= addresses.Count > 0;
    }

    /// <summary>After the step's transaction committed: the sender may go (it never runs inside the request).</summary>
    public void AfterCommit()
    {
        enterprises.AfterCommit();
        if (_mailQueued)
        {
            _mailQueued = false;
            outbox.Wake();
        }
    }

    private async Task<string?> SubmitterAsync(Proposal proposal, CancellationToken ct) =>
        await db.ProposalTransitions.AsNoTracking()
            .Where(t => t.ProposalId == proposal.Id && t.Action == ProposalAction.Submit)
            .OrderByDescending(t => t.At).ThenByDescending(t => t.Id)
            .Select(t => t.UserName)
            .FirstOrDefaultAsync(ct)
        ?? proposal.CreatedBy;

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>The notices the current user may see: to one of their roles, or to them by name.</summary>
    private IQueryable<Notification> Mine()
    {
        var actor = user.Actor;
        var name = actor.UserName;
        var roles = actor.Roles.ToList();
        return db.Notifications.AsNoTracking()
            .Where(n => n.RecipientUser == name || (n.RecipientUser == null && roles.Contains(n.RecipientRole)));
    }

    private IQueryable<Notification> Unread()
    {
        var name = user.Actor.UserName;
        return Mine().Where(n => n.ResolvedAt == null && !db.NotificationReceipts.Any(r => r.NotificationId == n.Id && r.UserName == name));
    }

    // Read once per request (this service is scoped): the bell in the layout and the dashboard show the same notices,
    // and a page with nothing unread asks for no list (issue 21 § 4). Forgotten when this scope adds a notice or a receipt.
    // Across requests they are kept per node under the user's name and roles (UnreadNotices, ADR 0217), except inside an
    // open transaction (what it sees may never be committed).
    private int? _unreadCount;
    private (int Take, IReadOnlyList<NotificationRow> Rows)? _latestUnread;

    private void ForgetUnread()
    {
        _unreadCount = null;
        _latestUnread = null;
        kept.Changed();
    }

    private string? KeptKey => !db.InTransaction && user.Actor is { } actor && actor.UserName != Domain.Common.Actor.System.UserName
        ? UnreadNotices.KeyOf(actor.UserName, actor.Roles)
        : null;

    /// <summary>Unread notices that still ask for action: the number on the bell.</summary>
    public async Task<int> UnreadCountAsync(CancellationToken ct = default) =>
        _unreadCount ??= KeptKey is { } key ? await kept.CountAsync(key, () => Unread().CountAsync(ct)) : await Unread().CountAsync(ct);

    /// <summary>The latest unread notices that still ask for action (the bell's list and the dashboard).</summary>
    public async Task<IReadOnlyList<NotificationRow>> LatestUnreadAsync(int take, CancellationToken ct = default)
    {
        if (_unreadCount == 0)
        {
            return [];
        }

        if (_latestUnread is { } known && known.Take == take)
        {
            return known.Rows;
        }

        async Task<IReadOnlyList<NotificationRow>> Read() =>
            await Project(Unread().OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(take)).ToListAsync(ct);

        var rows = KeptKey is { } key ? await kept.LatestAsync(key, take, Read) : await Read();
        _latestUnread = (take, rows);
        return rows;
    }

    public async Task<NotificationPage> PageAsync(int page, bool unreadOnly, CancellationToken ct = default)
    {
        var query = unreadOnly ? Unread() : Mine();
        var count = await query.CountAsync(ct);
        var pages = Math.Max(1, (count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await Project(query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip((page - 1) * PageSize).Take(PageSize)).ToListAsync(ct);
        return new NotificationPage(rows, count, page, PageSize);
    }

    private IQueryable<NotificationRow> Project(IQueryable<Notification> query)
    {
        var name = user.Actor.UserName;
        return query.Select(n => new NotificationRow(n.Id, n.Message, n.Link, n.ProposalId, n.CreatedAt,
            db.NotificationReceipts.Any(r => r.NotificationId == n.Id && r.UserName == name), n.ResolvedAt != null));
    }

    /// <summary>Marks one of the user's notices read and returns where it points (null when it is not theirs).</summary>
    public async Task<string?> MarkReadAsync(long id, CancellationToken ct = default)
    {
        var notice = await Mine().Where(n => n.Id == id).Select(n => new { n.Id, n.Link }).FirstOrDefaultAsync(ct);
        if (notice is null)
        {
            return null;
        }

        await AddReceiptsAsync([notice.Id], ct);
        return notice.Link ?? "/Notifications";
    }

    /// <summary>Marks every unread notice of the user read; returns how many.</summary>
    public async Task<int> MarkAllReadAsync(CancellationToken ct = default)
    {
        var name = user.Actor.UserName;
        var ids = await Mine().Where(n => !db.NotificationReceipts.Any(r => r.NotificationId == n.Id && r.UserName == name))
            .Select(n => n.Id).ToListAsync(ct);
        await AddReceiptsAsync(ids, ct);
        return ids.Count;
    }

    private async Task AddReceiptsAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var name = user.Actor.UserName;
        var now = clock.GetUtcNow().UtcDateTime;
        var already = await db.NotificationReceipts.AsNoTracking().Where(r => r.UserName == name && ids.Contains(r.NotificationId))
            .Select(r => r.NotificationId).ToListAsync(ct);
        var fresh = ids.Except(already).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        db.NotificationReceipts.AddRange(fresh.Select(id => new NotificationReceipt(id, name, now)));
        ForgetUnread();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            // The same user marked it read in another tab at the same moment: it is read either way.
            logger.LogDebug(ex, "Read receipts of {User} already recorded", name);
        }
    }
}

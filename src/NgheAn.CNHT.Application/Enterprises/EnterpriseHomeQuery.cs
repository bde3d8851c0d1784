using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Applications;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.Enterprises;

public sealed record HomeApplicationRow(int Id, string? Code, string Title, string ItemCode, ApplicationStatus Status, decimal TotalCost, decimal RequestedSupport, DateTime? LastSubmittedAt, int? ProposalId);

public sealed record HomeProposalRow(int Id, string Code, string Title, ProposalStatus Status, decimal RequestedTotalCost, decimal? ApprovedTotalCost, decimal? ApprovedProvincialShare, decimal PaidProvincial);

public sealed record HomeView(EnterpriseAccount Account, IReadOnlyList<HomeApplicationRow> Applications, IReadOnlyList<HomeProposalRow> Proposals, int OpenCalls);

public sealed record TimelineStep(DateTime At, string Text, string? Detail);

public sealed record PaymentRow(DateOnly Date, decimal Amount, string Source, string Kind);

public sealed record EnterpriseFileRow(int Id, string FileName, string Type, DateTime UploadedAt, bool ByEnterprise);

public sealed record EnterpriseProposalView(int Id, string Code, string Title, string ItemCode, string ItemName, int StartYear, int EndYear, ProposalStatus Status,
    decimal RequestedTotalCost, decimal RequestedProvincialShare, string? DecisionNumber, DateOnly? DecisionDate, decimal? ApprovedTotalCost, decimal? ApprovedProvincialShare,
    DateOnly? AcceptanceDate, decimal? SettledTotalCost, decimal? SettledProvincialShare, decimal PaidProvincial, decimal PaidOther, string? ApplicationCode, int? ApplicationId,
    IReadOnlyList<TimelineStep> Timeline, IReadOnlyList<PaymentRow> Payments, IReadOnlyList<EnterpriseFileRow> Files)
{
    /// <summary>After approval and before acceptance the enterprise files its implementation report and acceptance dossier.</summary>
    public bool AcceptsReports => Status is ProposalStatus.Approved or ProposalStatus.Implementing;
}

/// <summary>
/// "Hồ sơ của doanh nghiệp": the enterprise's own applications and proposals (by the signed-in account's
/// organization only), each proposal with the steps the enterprise may see and the amounts paid so far.
/// </summary>
public sealed class EnterpriseHomeQuery(IAppDbContext db, EnterpriseContext enterprise, TimeProvider clock)
{
    public async Task<HomeView> HomeAsync(CancellationToken ct = default)
    {
        var account = await enterprise.CurrentAsync(ct);
        var org = account.OrganizationId;
        var applications = await db.Applications.AsNoTracking().Where(a => a.OrganizationId == org)
            .OrderByDescending(a => a.Id).Take(100)
            .Select(a => new HomeApplicationRow(a.Id, a.Code, a.Title, a.ContentItem.Code, a.Status, a.TotalCost, a.RequestedSupport, a.LastSubmittedAt, a.ProposalId))
            .ToListAsync(ct);
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.LeadOrganizationId == org && p.Status != ProposalStatus.Draft)
            .OrderByDescending(p => p.StartYear).ThenByDescending(p => p.Id).Take(100)
            .Select(p => new HomeProposalRow(p.Id, p.Code, p.Title, p.Status, p.RequestedTotalCost, p.ApprovedTotalCost, p.ApprovedProvincialShare,
                db.DisbursementEntries.Where(e => e.ProposalId == p.Id && e.Source == FundingSource.ProvincialBudget).Sum(e => (decimal?)e.Amount) ?? 0m))
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Calls.AsNoTracking().CountAsync(c => c.Status == Domain.Calls.CallStatus.Published && c.OpensAt <= now && c.ClosesAt > now, ct);
        return new HomeView(account, applications, proposals, open);
    }

    /// <summary>One proposal of the enterprise; null for a proposal of another unit (the page answers 404).</summary>
    public async Task<EnterpriseProposalView?> ProposalAsync(int id, CancellationToken ct = default)
    {
        var account = await enterprise.CurrentAsync(ct);
        var p = await db.Proposals.AsNoTracking()
            .Where(x => x.Id == id && x.LeadOrganizationId == account.OrganizationId && x.Status != ProposalStatus.Draft)
            .Select(x => new
            {
                x.Id, x.Code, x.Title, ItemCode = x.ContentItem.Code, ItemName = x.ContentItem.Name, x.StartYear, x.EndYear, x.Status, x.RequestedTotalCost, x.RequestedProvincialShare,
                x.DecisionNumber, x.DecisionDate, x.ApprovedTotalCost, x.ApprovedProvincialShare, x.AcceptanceDate, x.SettledTotalCost, x.SettledProvincialShare, x.ClosingReason,
                x.AppraisalDate,
            })
            .FirstOrDefaultAsync(ct);
        if (p is null)
        {
            return null;
        }

        var application = await db.Applications.AsNoTracking().Where(a => a.ProposalId == id).Select(a => new { a.Id, a.Code }).FirstOrDefaultAsync(ct);
        var transitions = await db.ProposalTransitions.AsNoTracking().Where(t => t.ProposalId == id && t.Action != null)
            .OrderBy(t => t.At).ThenBy(t => t.Id).Select(t => new { t.Action, t.ToStatus, t.At }).ToListAsync(ct);
        var entries = await db.DisbursementEntries.AsNoTracking().Where(e => e.ProposalId == id).OrderBy(e => e.EntryDate).ThenBy(e => e.Id)
            .Select(e => new { e.EntryDate, e.Amount, e.Source, e.Kind }).ToListAsync(ct);
        var files = await db.Attachments.AsNoTracking().Where(a => a.ProposalId == id && !a.IsDeleted).OrderBy(a => a.UploadedAt)
            .Select(a => new { a.Id, a.FileName, a.DocumentType, a.UploadedAt, a.UploadedBy }).ToListAsync(ct);
        var members = await db.EnterpriseMembers.AsNoTracking().Where(m => m.OrganizationId == account.OrganizationId).Select(m => m.UserName).ToListAsync(ct);

        var timeline = new List<TimelineStep>();
        if (application is not null)
        {
            var applicationEvents = await db.ApplicationEvents.AsNoTracking().Where(e => e.ApplicationId == application.Id && e.Action != ApplicationAction.Create)
                .OrderBy(e => e.At).Select(e => new { e.Action, e.At }).ToListAsync(ct);
            timeline.AddRange(applicationEvents.Select(e => new TimelineStep(e.At, e.Action switch
            {
                ApplicationAction.Submit => $"Nộp hồ sơ trực tuyến {application.Code}",
                ApplicationAction.RequestSupplement => "Trung tâm yêu cầu bổ sung hồ sơ",
                ApplicationAction.Resubmit => "Doanh nghiệp nộp bổ sung",
                ApplicationAction.Accept => "Trung tâm tiếp nhận hồ sơ thành đề án",
                _ => e.Action.DisplayName(),
            }, null)));
        }

        foreach (var t in transitions)
        {
            var (text, detail) = t.Action switch
            {
                ProposalAction.Submit => ("Hồ sơ đã nộp, chờ thẩm định", (string?)null),
                ProposalAction.Appraise => ("Đã thẩm định", p.AppraisalDate is { } d ? $"Ngày thẩm định {Domain.Common.VnFormat.Date(d)}" : null),
                ProposalAction.Approve => ("Đã phê duyệt", $"Quyết định số {p.DecisionNumber} ngày {Domain.Common.VnFormat.Date(p.DecisionDate)}; tổng kinh phí {Domain.Common.VnFormat.Dong(p.ApprovedTotalCost ?? 0)} đồng, ngân sách tỉnh hỗ trợ {Domain.Common.VnFormat.Dong(p.ApprovedProvincialShare ?? 0)} đồng"),
                ProposalAction.Reject => ("Không được phê duyệt", p.ClosingReason),
                ProposalAction.StartImplementation => ("Đang thực hiện", null),
                ProposalAction.Accept => ("Đã nghiệm thu", p.AcceptanceDate is { } a ? $"Ngày nghiệm thu {Domain.Common.VnFormat.Date(a)}" : null),
                ProposalAction.Settle => ("Đã quyết toán", $"Ngân sách tỉnh quyết toán {Domain.Common.VnFormat.Dong(p.SettledProvincialShare ?? 0)} đồng"),
                ProposalAction.Cancel => ("Đã hủy", p.ClosingReason),
                ProposalAction.ReturnForRevision => ("Trả lại để chỉnh sửa, bổ sung", null),
                _ => (t.ToStatus.DisplayName(), null),
            };
            timeline.Add(new TimelineStep(t.At, text, detail));
        }

        foreach (var e in entries.Where(e => e.Source == FundingSource.ProvincialBudget))
        {
            timeline.Add(new TimelineStep(e.EntryDate.ToDateTime(new TimeOnly(5, 0), DateTimeKind.Utc),
                e.Amount >= 0 ? "Giải ngân ngân sách tỉnh" : "Thu hồi ngân sách tỉnh", $"{Domain.Common.VnFormat.Dong(e.Amount)} đồng ({DisbursementEntry.KindDisplayName(e.Kind)})"));
        }

        return new EnterpriseProposalView(p.Id, p.Code, p.Title, p.ItemCode, p.ItemName, p.StartYear, p.EndYear, p.Status, p.RequestedTotalCost, p.RequestedProvincialShare,
            p.DecisionNumber, p.DecisionDate, p.ApprovedTotalCost, p.ApprovedProvincialShare, p.AcceptanceDate, p.SettledTotalCost, p.SettledProvincialShare,
            entries.Where(e => e.Source == FundingSource.ProvincialBudget).Sum(e => e.Amount), entries.Where(e => e.Source != FundingSource.ProvincialBudget).Sum(e => e.Amount),
            application?.Code, application?.Id,
            timeline.OrderBy(s => s.At).ToList(),
            entries.Select(e => new PaymentRow(e.EntryDate, e.Amount, DisbursementEntry.SourceDisplayName(e.Source), DisbursementEntry.KindDisplayName(e.Kind))).ToList(),
            files.Select(f => new EnterpriseFileRow(f.Id, f.FileName, Attachment.DocumentTypeDisplayName(f.DocumentType), f.UploadedAt, members.Contains(f.UploadedBy))).ToList());
    }
}

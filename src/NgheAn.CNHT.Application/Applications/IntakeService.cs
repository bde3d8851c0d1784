using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Enterprises;
using NgheAn.CNHT.Application.Notifications;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Applications;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.Applications;

/// <summary>
/// The Support Center's intake of online applications: ask for supplements (each round kept), decline with a reason,
/// or accept, which creates the proposal in status Submitted with the application's fields, its documents as dossier
/// files and its cost lines as the "Dự toán" file, so today's workflow runs on unchanged (ADR 0152).
/// </summary>
public sealed class IntakeService(
    IAppDbContext db,
    ICurrentUser user,
    TimeProvider clock,
    ApplicationQueries queries,
    ProposalService proposals,
    NotificationService staffNotices,
    EnterpriseNotices notices,
    IApplicationReceiptWriter receipts,
    ILogger<IntakeService> logger)
{
    private DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public async Task RequestSupplementAsync(int id, Guid? stamp, string? message, DateOnly? deadline, CancellationToken ct = default)
    {
        var application = await LoadAsync(id, stamp, ct);
        if (deadline is null)
        {
            throw new DomainException("Vui lòng chọn hạn bổ sung hồ sơ.", "Deadline");
        }

        var round = application.RequestSupplement(message ?? "", deadline.Value, user.Actor, UtcNow);
        await notices.ToOrganizationAsync(application.OrganizationId, null,
            $"Trung tâm yêu cầu bổ sung hồ sơ {application.Code} (lần {round.Round}, hạn {VnFormat.Date(round.Deadline)}): {round.Message}",
            $"Yêu cầu bổ sung hồ sơ {application.Code}", $"/Applications/Details/{application.Id}", ct);
        await SaveAsync(application, ct);
        notices.AfterCommit();
        logger.LogInformation("Application {ApplicationId}: supplement round {Round} requested", id, round.Round);
    }

    public async Task DeclineAsync(int id, Guid? stamp, string? reason, CancellationToken ct = default)
    {
        var application = await LoadAsync(id, stamp, ct);
        application.Decline(reason ?? "", user.Actor, UtcNow);
        await notices.ToOrganizationAsync(application.OrganizationId, null,
            $"Hồ sơ {application.Code} không được tiếp nhận: {application.DeclineReason}",
            $"Hồ sơ {application.Code} không được tiếp nhận", $"/Applications/Details/{application.Id}", ct);
        await SaveAsync(application, ct);
        notices.AfterCommit();
        logger.LogInformation("Application {ApplicationId} declined", id);
    }

    /// <summary>Creates the proposal (status Submitted) and links it; everything in one transaction. Returns the proposal's id.</summary>
    public async Task<int> AcceptAsync(int id, Guid? stamp, CancellationToken ct = default)
    {
        var application = await LoadAsync(id, stamp, ct);
        var actor = user.Actor;
        application.EnsureAcceptable(actor);
        var view = await queries.ViewAsync(id, ct) ?? throw new NotFoundException($"Không tìm thấy hồ sơ số {id}.");
        var program = await db.Programs.AsNoTracking().Where(p => p.Code == view.ProgramCode)
            .Select(p => new { p.Id, p.StartYear, p.EndYear, p.Status }).FirstAsync(ct);
        if (program.Status != Domain.Catalog.ProgramStatus.Active)
        {
            throw new DomainException($"Chương trình {view.ProgramCode} chưa khóa danh mục hoặc đã kết thúc: chưa lập được đề án.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var code = await proposals.NextCodeAsync(application.StartYear, ct);
        var proposal = new Proposal(
            new ProposalDraft(code, application.Title, application.Objectives, application.ExpectedOutputs, application.StartYear, application.EndYear,
                application.TotalCost, application.RequestedSupport),
            new ProposalContext(program.Id, new YearRange(program.StartYear, program.EndYear), application.ContentItemId, application.OrganizationId),
            actor, UtcNow);
        proposal.ReceiveFromApplication(application.Code!, actor, UtcNow);
        db.Proposals.Add(proposal);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            throw new DomainException($"Mã đề án {code} vừa được dùng cho đề án khác; vui lòng bấm tiếp nhận lại.", ex);
        }

        // The expected outputs stated against the item's indicators become the proposal's (ADR 0178).
        foreach (var output in application.Outputs)
        {
            db.ProposalOutputs.Add(new Domain.Indicators.ProposalOutput(proposal.Id, output.OutputIndicatorId, output.Expected));
        }

        // The application's documents become the proposal's dossier files; its cost lines travel as the summary PDF.
        var fileIds = view.Documents.Select(d => d.FileId).ToList();
        var contents = await db.DossierFileContents.AsNoTracking().Where(c => fileIds.Contains(c.DossierFileId)).ToDictionaryAsync(c => c.DossierFileId, c => c.Data, ct);
        var types = await db.DossierFiles.AsNoTracking().Where(f => fileIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.ContentType, ct);
        foreach (var document in view.Documents)
        {
            db.Attachments.Add(new Attachment(proposal.Id, DocumentTypeFor(document.Requirement), document.FileName, types[document.FileId], contents[document.FileId],
                Shorten($"{document.Requirement} — hồ sơ trực tuyến {view.Code}", 500), actor, UtcNow));
        }

        db.Attachments.Add(new Attachment(proposal.Id, DocumentType.CostEstimate, $"{view.Code}-ho-so-truc-tuyen.pdf", "application/pdf",
            receipts.Receipt(view, UtcNow), $"Hồ sơ trực tuyến {view.Code}: thông tin, dự toán kinh phí theo dòng, danh mục tài liệu", actor, UtcNow));

        application.Accept(proposal.Id, proposal.Code, actor, UtcNow);
        await staffNotices.OnTransitionAsync(proposal, ProposalAction.Submit, null, ct);
        await notices.ToOrganizationAsync(application.OrganizationId, proposal.Id,
            $"Hồ sơ {application.Code} đã được Trung tâm tiếp nhận thành đề án {proposal.Code}; đề án chờ thẩm định.",
            $"Hồ sơ {application.Code} đã được tiếp nhận", $"/DoanhNghiep/DeAn/{proposal.Id}", ct);
        await SaveAsync(application, ct);
        await transaction.CommitAsync(ct);
        staffNotices.AfterCommit();
        notices.AfterCommit();
        logger.LogInformation("Application {ApplicationId} accepted as proposal {ProposalId} ({Code})", id, proposal.Id, proposal.Code);
        return proposal.Id;
    }

    private static DocumentType DocumentTypeFor(string requirement)
    {
        var r = requirement.ToLower(VnFormat.Culture);
        return r.Contains("đơn", StringComparison.Ordinal) ? DocumentType.Application
            : r.Contains("thuyết minh", StringComparison.Ordinal) ? DocumentType.Description
            : r.Contains("dự toán", StringComparison.Ordinal) || r.Contains("báo giá", StringComparison.Ordinal) ? DocumentType.CostEstimate
            : DocumentType.Other;
    }

    private async Task<GrantApplication> LoadAsync(int id, Guid? stamp, CancellationToken ct)
    {
        if (!user.Actor.IsIn(Roles.SupportCenter))
        {
            throw new DomainException("Chỉ Trung tâm Hỗ trợ và Tư vấn phát triển Công Thương tiếp nhận hồ sơ.");
        }

        var application = await db.Applications.Include(a => a.Supplements)
            .FirstOrDefaultAsync(a => a.Id == id && a.Status != ApplicationStatus.Draft, ct)
            ?? throw new NotFoundException($"Không tìm thấy hồ sơ số {id}.");
        if (stamp is null || stamp == Guid.Empty || stamp != application.ConcurrencyStamp)
        {
            throw new ConcurrencyConflictException("Hồ sơ vừa được thay đổi (doanh nghiệp nộp bổ sung hoặc đồng nghiệp đã xử lý) sau khi bạn mở trang, hoặc biểu mẫu thiếu dấu phiên bản; chưa có gì được lưu. Vui lòng tải lại trang.", [], application.ConcurrencyStamp);
        }

        db.Entry(application).Property(a => a.ConcurrencyStamp).OriginalValue = stamp.Value;
        return application;
    }

    private async Task SaveAsync(GrantApplication application, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Hồ sơ vừa được thay đổi sau khi bạn mở trang; chưa có gì được lưu. Vui lòng tải lại trang.", [], application.ConcurrencyStamp);
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Enterprises;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Applications;
using NgheAn.CNHT.Domain.Calls;
using NgheAn.CNHT.Domain.Indicators;

namespace NgheAn.CNHT.Application.Applications;

public sealed record CostLineView(int LineNo, string Description, string Unit, decimal Quantity, decimal UnitPrice, decimal Amount);

public sealed record DocumentView(int Id, string Requirement, int FileId, string FileName, long Size, int Round, DateTime UploadedAt, string UploadedBy);

public sealed record SupplementView(int Round, string Message, DateOnly Deadline, DateTime RequestedAt, DateTime? AnsweredAt, string? AnswerNote);

/// <summary>An expected output of the application against one indicator of its item (ADR 0178).</summary>
public sealed record ApplicationOutputView(int IndicatorId, string Label, string Unit, decimal Expected);

public sealed record EventView(ApplicationAction Action, ApplicationStatus ToStatus, DateTime At, string By, string? Comment);

public sealed record ApplicationView(
    int Id, string? Code, int OrganizationId, string OrganizationName, string? TaxCode, int CallId, string CallTitle, DateTime CallClosesAt, int CallYear, string ProgramCode,
    int CallItemId, string ItemCode, string ItemName, string Title, string? Objectives, string? ExpectedOutputs, int StartYear, int EndYear,
    decimal TotalCost, decimal RequestedSupport, decimal Counterpart, ApplicationStatus Status, DateTime? SubmittedAt, DateTime? LastSubmittedAt,
    string? DeclineReason, int? ProposalId, Guid Stamp, IReadOnlyList<CostLineView> Lines, IReadOnlyList<DocumentView> Documents,
    IReadOnlyList<SupplementView> Supplements, IReadOnlyList<EventView> Events, IReadOnlyList<string> Required)
{
    /// <summary>The expected outputs stated against the item's indicators (empty when none).</summary>
    public IReadOnlyList<ApplicationOutputView> Outputs { get; init; } = [];

    public IReadOnlyList<string> Missing => Required.Where(r => !Documents.Any(d => string.Equals(d.Requirement, r, StringComparison.OrdinalIgnoreCase))).ToList();
    public bool IsEditable => ApplicationWorkflow.Editable.Contains(Status);
    public SupplementView? OpenSupplement => Status == ApplicationStatus.SupplementRequested ? Supplements.OrderByDescending(s => s.Round).FirstOrDefault() : null;
}

public sealed record QueueRow(int Id, string? Code, string OrganizationName, string? TaxCode, string ItemCode, string Title, decimal TotalCost, decimal RequestedSupport,
    ApplicationStatus Status, DateTime? LastSubmittedAt, int Required, int Filed);

public sealed record QueuePage(IReadOnlyList<QueueRow> Rows, int TotalCount, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

/// <summary>Reads of applications: the enterprise's own (by its organization) and the Support Center's intake queue.</summary>
public sealed class ApplicationQueries(IAppDbContext db, ICurrentUser user, EnterpriseContext enterprise)
{
    public const int PageSize = 30;

    /// <summary>
    /// One application: for an enterprise only its own (another's id is null, the page answers 404); for the Support
    /// Center any submitted one (never a draft, which is the enterprise's own work in progress).
    /// </summary>
    public async Task<ApplicationView?> ViewAsync(int id, CancellationToken ct = default)
    {
        var query = db.Applications.AsNoTracking().Where(a => a.Id == id);
        var actor = user.Actor;
        if (actor.IsIn(Roles.Enterprise))
        {
            var account = await enterprise.CurrentAsync(ct);
            query = query.Where(a => a.OrganizationId == account.OrganizationId);
        }
        else if (actor.IsIn(Roles.SupportCenter))
        {
            query = query.Where(a => a.Status != ApplicationStatus.Draft);
        }
        else
        {
            return null;
        }

        var a = await query.Select(a => new
        {
            a.Id, a.Code, a.OrganizationId, OrganizationName = a.Organization.Name, a.Organization.TaxCode, a.CallId, CallTitle = a.Call.Title, a.Call.ClosesAt, a.Call.Year,
            ProgramCode = db.Programs.Where(p => p.Id == a.Call.ProgramId).Select(p => p.Code).First(),
            a.CallItemId, ItemCode = a.ContentItem.Code, ItemName = a.ContentItem.Name, a.Title, a.Objectives, a.ExpectedOutputs, a.StartYear, a.EndYear,
            a.TotalCost, a.RequestedSupport, a.Counterpart, a.Status, a.SubmittedAt, a.LastSubmittedAt, a.DeclineReason, a.ProposalId, a.ConcurrencyStamp,
            Checklist = db.CallItems.Where(i => i.Id == a.CallItemId).Select(i => i.Checklist).First(),
        }).FirstOrDefaultAsync(ct);
        if (a is null)
        {
            return null;
        }

        var lines = await db.Applications.AsNoTracking().Where(x => x.Id == id).SelectMany(x => x.Lines).OrderBy(l => l.LineNo)
            .Select(l => new CostLineView(l.LineNo, l.Description, l.Unit, l.Quantity, l.UnitPrice, l.Amount)).ToListAsync(ct);
        var documents = await db.ApplicationDocuments.AsNoTracking().Where(d => d.ApplicationId == id && !d.IsWithdrawn).OrderBy(d => d.Id)
            .Select(d => new DocumentView(d.Id, d.Requirement, d.DossierFileId, d.DossierFile.FileName, d.DossierFile.Size, d.Round, d.UploadedAt, d.UploadedBy)).ToListAsync(ct);
        var supplements = await db.SupplementRequests.AsNoTracking().Where(s => s.ApplicationId == id).OrderBy(s => s.Round)
            .Select(s => new SupplementView(s.Round, s.Message, s.Deadline, s.RequestedAt, s.AnsweredAt, s.AnswerNote)).ToListAsync(ct);
        var events = await db.ApplicationEvents.AsNoTracking().Where(e => e.ApplicationId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new EventView(e.Action, e.ToStatus, e.At, e.UserDisplayName, e.Comment)).ToListAsync(ct);
        var outputs = (await db.Applications.AsNoTracking().Where(x => x.Id == id).SelectMany(x => x.Outputs)
                .Join(db.OutputIndicators, o => o.OutputIndicatorId, i => i.Id, (o, i) => new { o.OutputIndicatorId, i.Kind, o.Expected }).ToListAsync(ct))
            .OrderBy(o => o.Kind).Select(o => new ApplicationOutputView(o.OutputIndicatorId, o.Kind.DisplayName(), o.Kind.Unit(), o.Expected)).ToList();
        return new ApplicationView(a.Id, a.Code, a.OrganizationId, a.OrganizationName, a.TaxCode, a.CallId, a.CallTitle, a.ClosesAt, a.Year, a.ProgramCode,
            a.CallItemId, a.ItemCode, a.ItemName, a.Title, a.Objectives, a.ExpectedOutputs, a.StartYear, a.EndYear, a.TotalCost, a.RequestedSupport, a.Counterpart,
            a.Status, a.SubmittedAt, a.LastSubmittedAt, a.DeclineReason, a.ProposalId, a.ConcurrencyStamp, lines, documents, supplements, events, CallItem.ParseChecklist(a.Checklist)) { Outputs = outputs };
    }

    /// <summary>The intake queue: submitted and waiting first (oldest first), then the rest; drafts never.</summary>
    public async Task<QueuePage> QueueAsync(ApplicationStatus? status, int page, CancellationToken ct = default)
    {
        var query = db.Applications.AsNoTracking().Where(a => a.Status != ApplicationStatus.Draft);
        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }

        var count = await query.CountAsync(ct);
        var pages = Math.Max(1, (count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await query
            .OrderBy(a => a.Status == ApplicationStatus.Submitted ? 0 : a.Status == ApplicationStatus.SupplementRequested ? 1 : 2)
            .ThenBy(a => a.LastSubmittedAt).ThenBy(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new
            {
                a.Id, a.Code, a.Organization.Name, a.Organization.TaxCode, ItemCode = a.ContentItem.Code, a.Title, a.TotalCost, a.RequestedSupport, a.Status, a.LastSubmittedAt,
                Checklist = db.CallItems.Where(i => i.Id == a.CallItemId).Select(i => i.Checklist).First(),
            })
            .ToListAsync(ct);
        // The documents of the page's applications in one query (a nested collection would need APPLY, which SQLite lacks).
        var ids = rows.Select(r => r.Id).ToList();
        var filed = (await db.ApplicationDocuments.AsNoTracking().Where(d => ids.Contains(d.ApplicationId) && !d.IsWithdrawn)
                .Select(d => new { d.ApplicationId, d.Requirement }).ToListAsync(ct))
            .ToLookup(d => d.ApplicationId, d => d.Requirement);
        return new QueuePage(rows.Select(r =>
        {
            var required = CallItem.ParseChecklist(r.Checklist);
            var done = required.Count(q => filed[r.Id].Any(f => string.Equals(f, q, StringComparison.OrdinalIgnoreCase)));
            return new QueueRow(r.Id, r.Code, r.Name, r.TaxCode, r.ItemCode, r.Title, r.TotalCost, r.RequestedSupport, r.Status, r.LastSubmittedAt, required.Count, done);
        }).ToList(), count, page, PageSize);
    }

    /// <summary>A document's file: the enterprise's own, or any submitted application's for the Support Center.</summary>
    public async Task<Proposals.AttachmentFile?> DocumentFileAsync(int applicationId, int documentId, DossierFileStore files, CancellationToken ct = default)
    {
        var view = await ViewAsync(applicationId, ct);
        var document = view?.Documents.FirstOrDefault(d => d.Id == documentId);
        return document is null ? null : await files.ReadAsync(document.FileId, view!.OrganizationId, ct);
    }
}

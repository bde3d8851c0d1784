using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Enterprises;
using NgheAn.CNHT.Domain.Applications;
using NgheAn.CNHT.Domain.Calls;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Indicators;

namespace NgheAn.CNHT.Application.Applications;

/// <summary>What an enterprise types for an application: the call item, the fields and the cost lines.</summary>
public sealed record ApplicationInput(int CallItemId, string Title, string? Objectives, string? ExpectedOutputs, int StartYear, int EndYear,
    decimal RequestedSupport, decimal Counterpart, IReadOnlyList<CostLineInput> Lines, IReadOnlyList<ExpectedOutputInput>? Outputs = null);

/// <summary>
/// The enterprise's side of an application: draft, edit, documents against the checklist, submit (while the call is
/// open, server clock), answer a supplement request. Every read and write goes through the signed-in account's
/// organization (<see cref="EnterpriseContext"/>): another enterprise's id is not found. A stale form (missing or old
/// concurrency stamp) is refused with nothing saved.
/// </summary>
public sealed class ApplicationService(
    IAppDbContext db,
    ICurrentUser user,
    TimeProvider clock,
    EnterpriseContext enterprise,
    DossierFileStore files,
    EnterpriseNotices notices,
    ILogger<ApplicationService> logger)
{
    private DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public async Task<int> CreateAsync(ApplicationInput input, CancellationToken ct = default)
    {
        var account = await enterprise.CurrentAsync(ct);
        var item = await OpenCallItemAsync(input.CallItemId, ct);
        var indicators = await IndicatorsAsync(item.ContentItemId, ct);
        // The fields and the expected outputs are checked in one pass: every mistake at once (ADR 0120).
        var check = new RuleCheck();
        var outputs = check.Run(() => ApplicationOutput.Check(input.Outputs ?? [], indicators), []);
        var application = check.Run(() => new GrantApplication(account.OrganizationId, item.CallId, item.Id, item.ContentItemId, item.Period, Draft(input), input.Lines, user.Actor, UtcNow), null!);
        check.ThrowIfBroken();
        application.StateOutputs(outputs, user.Actor);
        db.Applications.Add(application);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Application {ApplicationId} drafted by organization {OrganizationId}", application.Id, account.OrganizationId);
        return application.Id;
    }

    public async Task UpdateAsync(int id, Guid? stamp, ApplicationInput input, CancellationToken ct = default)
    {
        var application = await LoadAsync(id, stamp, ct);
        application.EnsureEditable();
        var period = await PeriodAsync(application.CallId, ct);
        var indicators = await IndicatorsAsync(application.ContentItemId, ct);
        var check = new RuleCheck();
        var outputs = check.Run(() => ApplicationOutput.Check(input.Outputs ?? [], indicators), []);
        check.Run(() => application.Edit(period, Draft(input), input.Lines, user.Actor));
        check.ThrowIfBroken();
        application.StateOutputs(outputs, user.Actor);
        await SaveAsync(application, ct);
    }

    public async Task AddDocumentAsync(int id, Guid? stamp, string? requirement, string? fileName, Stream content, CancellationToken ct = default)
    {
        var application = await LoadAsync(id, stamp, ct);
        application.EnsureEditable();
        var required = await RequiredAsync(application.CallItemId, ct);
        var name = required.FirstOrDefault(r => string.Equals(r, requirement?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? (string.Equals(requirement?.Trim(), OtherDocument, StringComparison.OrdinalIgnoreCase) ? OtherDocument : null)
            ?? throw new DomainException("Vui lòng chọn loại giấy tờ trong danh mục hồ sơ của thông báo.", "Requirement");
        var file = await files.AddAsync(application.OrganizationId, fileName, content, user.Actor, UtcNow, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        application.AddDocument(name, file.Id, user.Actor, UtcNow);
        application.RenewConcurrencyStamp();
        await SaveAsync(application, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Files that are not on the checklist (a price quote, a drawing) still have a place.</summary>
    public const string OtherDocument = "Tài liệu khác";

    public async Task WithdrawDocumentAsync(int id, Guid? stamp, int documentId, CancellationToken ct = default)
    {
        var application = await LoadAsync(id, stamp, ct);
        application.WithdrawDocument(documentId, user.Actor, UtcNow);
        application.RenewConcurrencyStamp();
        await SaveAsync(application, ct);
    }

    /// <summary>Submits (first time) or resubmits (answering a supplement request).</summary>
    public async Task<string> SubmitAsync(int id, Guid? stamp, string? note, CancellationToken ct = default)
    {
        var account = await enterprise.CurrentAsync(ct);
        var application = await LoadAsync(id, stamp, ct);
        var required = await RequiredAsync(application.CallItemId, ct);
        application.EnsureOutputsStated(await IndicatorsAsync(application.ContentItemId, ct));
        if (application.Status == ApplicationStatus.SupplementRequested)
        {
            application.Resubmit(required, note, user.Actor, UtcNow);
            notices.ToSupportCenter(null, $"Hồ sơ {application.Code} «{Shorten(application.Title)}» của {account.OrganizationName} đã được nộp bổ sung, chờ Trung tâm xem xét.", $"/Intake/Details/{application.Id}");
        }
        else
        {
            var call = await db.Calls.Include(c => c.Items).FirstAsync(c => c.Id == application.CallId, ct);
            var code = await NextCodeAsync(call.Year, ct);
            application.Submit(call, required, account.IsVerified, code, user.Actor, UtcNow);
            notices.ToSupportCenter(null, $"Hồ sơ {code} «{Shorten(application.Title)}» của {account.OrganizationName} đã nộp trực tuyến, chờ Trung tâm tiếp nhận.", $"/Intake/Details/{application.Id}");
            await notices.ToOrganizationAsync(account.OrganizationId, null,
                $"Hồ sơ «{Shorten(application.Title)}» đã được nộp, mã hồ sơ {code}. Giấy biên nhận có trên trang hồ sơ.", $"Đã nhận hồ sơ {code}", $"/Applications/Details/{application.Id}", ct);
        }

        try
        {
            await SaveAsync(application, ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // Two submissions took the same reference number at the same moment: the unique index refused this one.
            throw new DomainException("Hệ thống vừa cấp mã hồ sơ này cho hồ sơ khác cùng lúc; vui lòng bấm nộp lại.", ex);
        }

        notices.AfterCommit();
        logger.LogInformation("Application {ApplicationId} submitted as {Code}", id, application.Code);
        return application.Code!;
    }

    /// <summary>HS-YYYY-NNNN: the next number among the applications of the call's year.</summary>
    private async Task<string> NextCodeAsync(int year, CancellationToken ct)
    {
        var prefix = $"HS-{year.ToString(CultureInfo.InvariantCulture)}-";
        var codes = await db.Applications.AsNoTracking().Where(a => a.Code != null && a.Code.StartsWith(prefix)).Select(a => a.Code!).ToListAsync(ct);
        var last = codes.Select(c => int.TryParse(c.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max();
        return $"{prefix}{last + 1:0000}";
    }

    public async Task<IReadOnlyList<string>> RequiredAsync(int callItemId, CancellationToken ct)
    {
        var checklist = await db.CallItems.AsNoTracking().Where(i => i.Id == callItemId).Select(i => i.Checklist).FirstOrDefaultAsync(ct);
        return CallItem.ParseChecklist(checklist);
    }

    /// <summary>The output indicators of the content item a call item opens (what the application form offers).</summary>
    public async Task<IReadOnlyList<ItemIndicatorChoice>> IndicatorsOfCallItemAsync(int callItemId, CancellationToken ct = default)
    {
        var itemId = await db.CallItems.AsNoTracking().Where(i => i.Id == callItemId).Select(i => (int?)i.ContentItemId).FirstOrDefaultAsync(ct);
        return itemId is null ? [] : await IndicatorsAsync(itemId.Value, ct);
    }

    /// <summary>The output indicators of a content item, in the order of their kinds (what the form offers).</summary>
    public async Task<IReadOnlyList<ItemIndicatorChoice>> IndicatorsAsync(int contentItemId, CancellationToken ct)
    {
        var kinds = await db.OutputIndicators.AsNoTracking().Where(i => i.ContentItemId == contentItemId)
            .Select(i => new { i.Id, i.Kind }).ToListAsync(ct);
        return kinds.OrderBy(k => k.Kind).Select(k => new ItemIndicatorChoice(k.Id, k.Kind.DisplayName(), k.Kind.Unit())).ToList();
    }

    private sealed record OpenItem(int Id, int CallId, int ContentItemId, YearRange Period);

    private async Task<OpenItem> OpenCallItemAsync(int callItemId, CancellationToken ct)
    {
        var item = await db.CallItems.AsNoTracking().Where(i => i.Id == callItemId)
            .Select(i => new { i.Id, i.CallId, i.ContentItemId, i.Call.Status, i.Call.OpensAt, i.Call.ClosesAt, i.Call.ProgramId })
            .FirstOrDefaultAsync(ct);
        if (item is null || item.Status != CallStatus.Published)
        {
            throw new DomainException("Vui lòng chọn một nội dung đang mở của thông báo tiếp nhận hồ sơ.", "CallItemId");
        }

        if (item.ClosesAt <= UtcNow)
        {
            throw new DomainException($"Thông báo đã hết thời gian nhận hồ sơ ({VnFormat.DateTime(item.ClosesAt)}); không lập hồ sơ mới được.", "CallItemId");
        }

        var program = await db.Programs.AsNoTracking().Where(p => p.Id == item.ProgramId).Select(p => new { p.StartYear, p.EndYear }).FirstAsync(ct);
        return new OpenItem(item.Id, item.CallId, item.ContentItemId, new YearRange(program.StartYear, program.EndYear));
    }

    private async Task<YearRange> PeriodAsync(int callId, CancellationToken ct)
    {
        var program = await db.Calls.AsNoTracking().Where(c => c.Id == callId)
            .Select(c => db.Programs.Where(p => p.Id == c.ProgramId).Select(p => new { p.StartYear, p.EndYear }).First()).FirstAsync(ct);
        return new YearRange(program.StartYear, program.EndYear);
    }

    private static ApplicationDraft Draft(ApplicationInput input) =>
        new(input.Title, input.Objectives, input.ExpectedOutputs, input.StartYear, input.EndYear, input.RequestedSupport, input.Counterpart);

    /// <summary>The application of the signed-in enterprise, with its lines, documents and rounds; refuses a missing stamp.</summary>
    private async Task<GrantApplication> LoadAsync(int id, Guid? stamp, CancellationToken ct)
    {
        var account = await enterprise.CurrentAsync(ct);
        var application = await db.Applications
            .Include(a => a.Lines).Include(a => a.Outputs).Include(a => a.Documents).Include(a => a.Supplements)
            .FirstOrDefaultAsync(a => a.Id == id && a.OrganizationId == account.OrganizationId, ct)
            ?? throw new NotFoundException($"Không tìm thấy hồ sơ số {id}.");
        if (stamp is null || stamp == Guid.Empty)
        {
            throw new ConcurrencyConflictException("Biểu mẫu thiếu dấu phiên bản (có thể là trang cũ); vui lòng tải lại trang rồi thực hiện lại. Chưa có gì được lưu.", [], application.ConcurrencyStamp);
        }

        if (stamp != application.ConcurrencyStamp)
        {
            throw new ConcurrencyConflictException("Hồ sơ vừa được thay đổi (ở thẻ khác hoặc bởi đồng nghiệp) sau khi bạn mở trang; thay đổi của bạn chưa được lưu. Vui lòng tải lại trang.", [], application.ConcurrencyStamp);
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
            throw new ConcurrencyConflictException("Hồ sơ vừa được thay đổi sau khi bạn mở trang; thay đổi của bạn chưa được lưu. Vui lòng tải lại trang.", [], application.ConcurrencyStamp);
        }
    }

    private static string Shorten(string text) => text.Length <= 150 ? text : text[..149] + "…";
}

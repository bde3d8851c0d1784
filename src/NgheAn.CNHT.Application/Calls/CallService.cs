using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Calls;
using NgheAn.CNHT.Domain.Catalog;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Application.Calls;

/// <summary>What the Support Center types for a call; times in Vietnam time as typed.</summary>
public sealed record CallInput(string ProgramCode, int Year, string Title, DateTime OpensAtVietnam, DateTime ClosesAtVietnam, string? Guidance, string Contact);

public sealed record CallItemView(int Id, int ContentItemId, string ItemCode, string ItemName, IReadOnlyList<string> Checklist);

public sealed record CallView(int Id, string ProgramCode, string ProgramName, int Year, string Title, DateTime OpensAt, DateTime ClosesAt, string? Guidance, string Contact,
    CallStatus Status, Guid Stamp, IReadOnlyList<CallItemView> Items)
{
    public bool IsOpenAt(DateTime utcNow) => Status == CallStatus.Published && OpensAt <= utcNow && utcNow < ClosesAt;
}

public sealed record CallRow(int Id, string ProgramCode, int Year, string Title, DateTime OpensAt, DateTime ClosesAt, CallStatus Status, int ItemCount, int ApplicationCount);

/// <summary>
/// Calls for applications (Thông báo tiếp nhận hồ sơ): the Support Center drafts, opens items with checklists and
/// publishes; anyone reads published calls. Vietnam has no daylight saving: Vietnam time = UTC + 7 (ADR 0151).
/// </summary>
public sealed class CallService(IAppDbContext db, ICurrentUser user, TimeProvider clock, ILogger<CallService> logger)
{
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static DateTime ToUtc(DateTime vietnamTime) => DateTime.SpecifyKind(DateTime.SpecifyKind(vietnamTime, DateTimeKind.Unspecified) - VietnamOffset, DateTimeKind.Utc);

    private DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    private void EnsureCenter()
    {
        if (!user.Actor.IsIn(Roles.SupportCenter))
        {
            throw new DomainException("Chỉ Trung tâm Hỗ trợ và Tư vấn phát triển Công Thương lập thông báo tiếp nhận hồ sơ.");
        }
    }

    public async Task<int> CreateAsync(CallInput input, CancellationToken ct = default)
    {
        EnsureCenter();
        var program = await ProgramAsync(input.ProgramCode, ct);
        var call = new CallForApplications(program.Id, program.Period, Details(input));
        db.Calls.Add(call);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Call {CallId} drafted for program {Program} year {Year}", call.Id, program.Code, call.Year);
        return call.Id;
    }

    public async Task UpdateAsync(int id, Guid? stamp, CallInput input, CancellationToken ct = default)
    {
        EnsureCenter();
        var call = await LoadAsync(id, stamp, ct);
        var program = await db.Programs.AsNoTracking().FirstAsync(p => p.Id == call.ProgramId, ct);
        call.Edit(program.Period, Details(input));
        await SaveAsync(ct);
    }

    public async Task AddItemAsync(int id, Guid? stamp, int contentItemId, string? checklist, CancellationToken ct = default)
    {
        EnsureCenter();
        var call = await LoadAsync(id, stamp, ct);
        var belongs = await db.ContentItems.AsNoTracking().AnyAsync(i => i.Id == contentItemId && i.Group.ProgramId == call.ProgramId, ct);
        if (!belongs)
        {
            throw new DomainException("Vui lòng chọn một nội dung của chương trình của thông báo.", "ContentItemId");
        }

        call.OpenItem(contentItemId, checklist ?? "");
        call.RenewConcurrencyStamp();
        await SaveAsync(ct);
    }

    public async Task RemoveItemAsync(int id, Guid? stamp, int callItemId, CancellationToken ct = default)
    {
        EnsureCenter();
        var call = await LoadAsync(id, stamp, ct);
        call.RemoveItem(callItemId);
        call.RenewConcurrencyStamp();
        await SaveAsync(ct);
    }

    public async Task PublishAsync(int id, Guid? stamp, CancellationToken ct = default)
    {
        var call = await LoadAsync(id, stamp, ct);
        call.Publish(user.Actor, UtcNow);
        await SaveAsync(ct);
        logger.LogInformation("Call {CallId} published", id);
    }

    /// <summary>A call with its items; drafts only for the Support Center.</summary>
    public async Task<CallView?> ViewAsync(int id, CancellationToken ct = default)
    {
        var draftsVisible = user.Actor.IsIn(Roles.SupportCenter);
        var call = await db.Calls.AsNoTracking()
            .Where(c => c.Id == id && (draftsVisible || c.Status == CallStatus.Published))
            .Select(c => new
            {
                c.Id, c.Year, c.Title, c.OpensAt, c.ClosesAt, c.Guidance, c.Contact, c.Status, c.ConcurrencyStamp,
                Program = db.Programs.Where(p => p.Id == c.ProgramId).Select(p => new { p.Code, p.Name }).First(),
                Items = c.Items.OrderBy(i => i.ContentItem.Group.SortOrder).ThenBy(i => i.ContentItem.SortOrder)
                    .Select(i => new { i.Id, i.ContentItemId, i.ContentItem.Code, i.ContentItem.Name, i.Checklist }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        return call is null
            ? null
            : new CallView(call.Id, call.Program.Code, call.Program.Name, call.Year, call.Title, call.OpensAt, call.ClosesAt, call.Guidance, call.Contact, call.Status, call.ConcurrencyStamp,
                call.Items.Select(i => new CallItemView(i.Id, i.ContentItemId, i.Code, i.Name, CallItem.ParseChecklist(i.Checklist))).ToList());
    }

    /// <summary>The call an item belongs to (published calls only, unless the user is the Support Center).</summary>
    public async Task<int?> CallOfItemAsync(int callItemId, CancellationToken ct = default) =>
        await db.CallItems.AsNoTracking().Where(i => i.Id == callItemId).Select(i => (int?)i.CallId).FirstOrDefaultAsync(ct);

    /// <summary>Published calls still open or opening later (the public list), soonest closing first.</summary>
    public async Task<IReadOnlyList<CallRow>> OpenCallsAsync(CancellationToken ct = default)
    {
        var now = UtcNow;
        return await Rows(db.Calls.AsNoTracking().Where(c => c.Status == CallStatus.Published && c.ClosesAt > now).OrderBy(c => c.ClosesAt).Take(200))
            .ToListAsync(ct);
    }

    /// <summary>Every call, newest first (the Support Center's list), a page at a time.</summary>
    public async Task<IReadOnlyList<CallRow>> AllCallsAsync(int take, CancellationToken ct = default) =>
        await Rows(db.Calls.AsNoTracking().OrderByDescending(c => c.Id).Take(take)).ToListAsync(ct);

    private IQueryable<CallRow> Rows(IQueryable<CallForApplications> calls) =>
        calls.Select(c => new CallRow(c.Id, db.Programs.Where(p => p.Id == c.ProgramId).Select(p => p.Code).First(), c.Year, c.Title, c.OpensAt, c.ClosesAt, c.Status,
            c.Items.Count, db.Applications.Count(a => a.CallId == c.Id && a.Status != Domain.Applications.ApplicationStatus.Draft)));

    private static CallDetails Details(CallInput input) =>
        new(input.Title, input.Year, ToUtc(input.OpensAtVietnam), ToUtc(input.ClosesAtVietnam), input.Guidance, input.Contact);

    private sealed record ProgramRef(int Id, string Code, YearRange Period);

    private async Task<ProgramRef> ProgramAsync(string code, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().Where(p => p.Code == code)
            .Select(p => new { p.Id, p.Code, p.StartYear, p.EndYear, p.Status }).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("Vui lòng chọn chương trình.", "ProgramCode");
        if (program.Status != ProgramStatus.Active)
        {
            throw new DomainException($"Chương trình {program.Code} chưa khóa danh mục hoặc đã kết thúc: chưa lập được thông báo tiếp nhận hồ sơ.", "ProgramCode");
        }

        return new ProgramRef(program.Id, program.Code, new YearRange(program.StartYear, program.EndYear));
    }

    private async Task<CallForApplications> LoadAsync(int id, Guid? stamp, CancellationToken ct)
    {
        var call = await db.Calls.Include(c => c.Items).FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException($"Không tìm thấy thông báo số {id}.");
        if (stamp is null || stamp == Guid.Empty)
        {
            throw new ConcurrencyConflictException("Biểu mẫu thiếu dấu phiên bản; vui lòng tải lại trang rồi thực hiện lại.", [], call.ConcurrencyStamp);
        }

        db.Entry(call).Property(c => c.ConcurrencyStamp).OriginalValue = stamp.Value;
        return call;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Thông báo vừa được người khác thay đổi sau khi bạn mở trang; thay đổi của bạn chưa được lưu. Vui lòng tải lại trang.");
        }
    }
}

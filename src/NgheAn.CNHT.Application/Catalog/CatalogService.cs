using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Catalog;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Application.Catalog;

public sealed record PlanRevisionView(int Id, string ItemCode, decimal OldAmount, decimal NewAmount, string? DecisionReference, string? Reason, string ChangedBy, DateTime ChangedAt);

/// <summary>
/// Changes to the catalog: program set-up while in draft (groups, items, order), locking on approval,
/// and period plan targets with their revision history. Group and program plans stay sums.
/// </summary>
public sealed class CatalogService(IAppDbContext db, ICurrentUser user, TimeProvider clock, ILogger<CatalogService> logger)
{
    public async Task<string> CreateProgramAsync(string code, string name, int startYear, int endYear, CancellationToken ct = default)
    {
        RequireSpecialist();
        var program = new CnhtProgram(code, name, startYear, endYear, null);
        if (await db.Programs.AnyAsync(p => p.Code == program.Code, ct))
        {
            throw new DomainException($"Đã có chương trình mã {program.Code}.", nameof(CnhtProgram.Code));
        }

        db.Programs.Add(program);
        await db.SaveChangesAsync(ct);
        return program.Code;
    }

    public async Task AddGroupAsync(string programCode, string code, string name, CancellationToken ct = default)
    {
        RequireSpecialist();
        var program = await LoadProgramAsync(programCode, ct);
        program.AddGroup(code, name);
        await db.SaveChangesAsync(ct);
    }

    public async Task AddItemAsync(string programCode, int groupId, string code, string name, decimal planAmount, CancellationToken ct = default)
    {
        RequireSpecialist();
        var program = await LoadProgramAsync(programCode, ct);
        var group = program.Groups.FirstOrDefault(g => g.Id == groupId) ?? throw new NotFoundException("Không tìm thấy nhóm nội dung.");
        group.AddItem(code, name, planAmount);
        await db.SaveChangesAsync(ct);
    }

    public async Task RenameGroupAsync(string programCode, int groupId, string name, CancellationToken ct = default)
    {
        RequireSpecialist();
        var program = await LoadProgramAsync(programCode, ct);
        (program.Groups.FirstOrDefault(g => g.Id == groupId) ?? throw new NotFoundException("Không tìm thấy nhóm nội dung.")).Rename(name);
        await db.SaveChangesAsync(ct);
    }

    public async Task RenameItemAsync(string programCode, int itemId, string name, CancellationToken ct = default)
    {
        RequireSpecialist();
        var program = await LoadProgramAsync(programCode, ct);
        FindItem(program, itemId).Rename(name);
        await db.SaveChangesAsync(ct);
    }

    public async Task MoveGroupAsync(string programCode, int groupId, int direction, CancellationToken ct = default)
    {
        RequireSpecialist();
        var program = await LoadProgramAsync(programCode, ct);
        program.MoveGroup(program.Groups.FirstOrDefault(g => g.Id == groupId) ?? throw new NotFoundException("Không tìm thấy nhóm nội dung."), direction);
        await db.SaveChangesAsync(ct);
    }

    public async Task MoveItemAsync(string programCode, int itemId, int direction, CancellationToken ct = default)
    {
        RequireSpecialist();
        var program = await LoadProgramAsync(programCode, ct);
        var item = FindItem(program, itemId);
        item.Group.MoveItem(item, direction);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Corrects a draft program's name and period; the period only while nothing is planned in it yet.</summary>
    public async Task DescribeProgramAsync(string programCode, string name, int startYear, int endYear, CancellationToken ct = default)
    {
        RequireSpecialist();
        var program = await LoadProgramAsync(programCode, ct);
        if ((startYear != program.StartYear || endYear != program.EndYear)
            && (await db.Proposals.AnyAsync(p => p.ProgramId == program.Id, ct) || await db.AnnualEstimates.AnyAsync(e => e.ProgramId == program.Id, ct)))
        {
            throw new DomainException("Chương trình đã có đề án hoặc dự toán: không đổi được giai đoạn.", "StartYear");
        }

        program.Describe(name, startYear, endYear);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Program {Program} described as {Name} {From}-{To} by {User}", programCode, name, startYear, endYear, user.UserName);
    }

    /// <summary>Removes a group (without items) added by mistake during set-up.</summary>
    public async Task RemoveGroupAsync(string programCode, int groupId, CancellationToken ct = default)
    {
        RequireSpecialist();
        var program = await LoadProgramAsync(programCode, ct);
        var group = program.Groups.FirstOrDefault(g => g.Id == groupId) ?? throw new NotFoundException("Không tìm thấy nhóm nội dung.");
        program.RemoveGroup(group);
        // The catalog's relationships never cascade: the row is deleted explicitly (and audited as a deletion).
        db.ContentGroups.Remove(group);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Content group {GroupId} of program {Program} removed by {User}", groupId, programCode, user.UserName);
    }

    /// <summary>Removes an item added by mistake during set-up, unless something already refers to it.</summary>
    public async Task RemoveItemAsync(string programCode, int itemId, CancellationToken ct = default)
    {
        RequireSpecialist();
        var program = await LoadProgramAsync(programCode, ct);
        var item = FindItem(program, itemId);
        if (await db.Proposals.AnyAsync(p => p.ContentItemId == itemId, ct)
            || await db.AnnualEstimateLines.AnyAsync(l => l.ContentItemId == itemId, ct)
            || await db.PlanRevisions.AnyAsync(r => r.ContentItemId == itemId, ct))
        {
            throw new DomainException($"Nội dung {item.Code} đã có đề án, dự toán hoặc lịch sử điều chỉnh kế hoạch: không xóa được; hãy đổi tên nếu cần.");
        }

        item.Group.RemoveItem(item);
        db.ContentItems.Remove(item);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Content item {ItemId} of program {Program} removed by {User}", itemId, programCode, user.UserName);
    }

    /// <summary>Records the approval decision and locks the catalog.</summary>
    public async Task LockAsync(string programCode, string legalBasis, CancellationToken ct = default)
    {
        RequireSpecialist();
        var program = await LoadProgramAsync(programCode, ct);
        program.Activate(legalBasis);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Catalog of program {Program} locked by {User}", programCode, user.UserName);
    }

    /// <summary>The plan of an item as a form saw it: its amount and its last revision (revisions only grow).</summary>
    public async Task<string?> PlanVersionAsync(int itemId, CancellationToken ct = default)
    {
        var amount = await db.ContentItems.AsNoTracking().Where(i => i.Id == itemId).Select(i => (decimal?)i.PlanAmount).FirstOrDefaultAsync(ct);
        if (amount is null)
        {
            return null;
        }

        var last = await db.PlanRevisions.Where(r => r.ContentItemId == itemId).MaxAsync(r => (int?)r.Id, ct) ?? 0;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{amount.Value:0}-{last}");
    }

    public const string PlanConflictMessage =
        "Kế hoạch của nội dung vừa được điều chỉnh sau khi bạn mở trang; thao tác của bạn chưa được lưu. Hãy xem kế hoạch hiện tại và lịch sử điều chỉnh dưới đây rồi thực hiện lại nếu vẫn cần.";

    /// <summary>Revises an item's plan. <paramref name="version"/> is the plan the user saw (<see cref="PlanVersionAsync"/>); a newer one, or none, refuses the change.</summary>
    public async Task RevisePlanAsync(int itemId, decimal newAmount, string? decisionReference, string? reason, string? version, CancellationToken ct = default)
    {
        RequireSpecialist();
        var item = await db.ContentItems.Include(i => i.Group).ThenInclude(g => g.Program)
            .FirstOrDefaultAsync(i => i.Id == itemId, ct) ?? throw new NotFoundException("Không tìm thấy nội dung.");
        if (string.IsNullOrEmpty(version) || !string.Equals(version, await PlanVersionAsync(itemId, ct), StringComparison.Ordinal))
        {
            throw new ConcurrencyConflictException(PlanConflictMessage);
        }
        if (item.Group.Program.Status != ProgramStatus.Draft && string.IsNullOrWhiteSpace(decisionReference))
        {
            throw new DomainException("Chương trình đã phê duyệt: điều chỉnh kế hoạch phải ghi số quyết định điều chỉnh.", "DecisionReference");
        }

        item.RevisePlan(newAmount, decisionReference, reason, user.Actor, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Plan of content item {ItemId} revised by {User}", itemId, user.UserName);
    }

    public async Task<IReadOnlyList<PlanRevisionView>> PlanHistoryAsync(string programCode, CancellationToken ct = default) =>
        await db.PlanRevisions.AsNoTracking()
            .Where(r => r.ContentItem.Group.Program.Code == programCode)
            .OrderByDescending(r => r.ChangedAt).ThenByDescending(r => r.Id)
            .Select(r => new PlanRevisionView(r.Id, r.ContentItem.Code, r.OldAmount, r.NewAmount, r.DecisionReference, r.Reason, r.ChangedBy, r.ChangedAt))
            .ToListAsync(ct);

    private async Task<CnhtProgram> LoadProgramAsync(string code, CancellationToken ct) =>
        await db.Programs.Include(p => p.Groups).ThenInclude(g => g.Items).FirstOrDefaultAsync(p => p.Code == code, ct)
        ?? throw new NotFoundException($"Không có chương trình mã {code}.");

    private static ContentItem FindItem(CnhtProgram program, int itemId) =>
        program.Groups.SelectMany(g => g.Items).FirstOrDefault(i => i.Id == itemId) ?? throw new NotFoundException("Không tìm thấy nội dung.");

    private void RequireSpecialist()
    {
        if (!user.Actor.IsIn(Roles.DoitSpecialist))
        {
            throw new DomainException("Chỉ Chuyên viên Sở được sửa danh mục chương trình.");
        }
    }
}

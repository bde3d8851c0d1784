using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.FundingRequests;

namespace NgheAn.CNHT.Application.FundingRequests;

/// <summary>What DOIT types for a department-run line of a year's funding request.</summary>
public sealed record ActivityInput(DepartmentActivityKind Kind, string? Description, decimal Amount, string? Justification);

/// <summary>
/// Department-run lines of the funding request (ADR 0179): added, changed (with the version the form saw) and removed by
/// Chuyên viên Sở; every change audited by the interceptor. The request's total and its document include them.
/// </summary>
public sealed class DepartmentActivityService(IAppDbContext db, ICurrentUser user, ILogger<DepartmentActivityService> logger)
{
    private const string Stale = "Dòng này vừa được người khác sửa hoặc xóa sau khi bạn mở trang (hoặc biểu mẫu thiếu mã phiên bản); thay đổi của bạn chưa được lưu. Vui lòng tải lại trang.";

    public async Task<int> AddAsync(string programCode, int year, ActivityInput input, CancellationToken ct = default)
    {
        RequireSpecialist();
        var program = await db.Programs.AsNoTracking().Where(p => p.Code == programCode).Select(p => new { p.Id, p.StartYear, p.EndYear }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Không có chương trình mã {programCode}.");
        var row = new DepartmentActivity(program.Id, new YearRange(program.StartYear, program.EndYear), year, input.Kind, input.Description, input.Amount, input.Justification);
        db.DepartmentActivities.Add(row);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Department activity {ActivityId} ({Kind}) added to the {Year} funding request of {Program} by {User}", row.Id, row.Kind, year, programCode, user.UserName);
        return row.Id;
    }

    public async Task UpdateAsync(int id, Guid? stamp, ActivityInput input, CancellationToken ct = default)
    {
        var row = await LoadAsync(id, stamp, ct);
        row.Change(input.Kind, input.Description, input.Amount, input.Justification);
        await SaveAsync(ct);
        logger.LogInformation("Department activity {ActivityId} changed by {User}", id, user.UserName);
    }

    public async Task DeleteAsync(int id, Guid? stamp, CancellationToken ct = default)
    {
        var row = await LoadAsync(id, stamp, ct);
        db.DepartmentActivities.Remove(row);
        await SaveAsync(ct);
        logger.LogInformation("Department activity {ActivityId} removed by {User}", id, user.UserName);
    }

    private async Task<DepartmentActivity> LoadAsync(int id, Guid? stamp, CancellationToken ct)
    {
        RequireSpecialist();
        var row = await db.DepartmentActivities.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Không tìm thấy dòng hoạt động.");
        if (stamp is null || stamp == Guid.Empty || stamp != row.ConcurrencyStamp)
        {
            throw new ConcurrencyConflictException(Stale, [], row.ConcurrencyStamp);
        }

        db.Entry(row).Property(a => a.ConcurrencyStamp).OriginalValue = stamp.Value;
        return row;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(Stale);
        }
    }

    private void RequireSpecialist()
    {
        if (!user.Actor.IsIn(Roles.DoitSpecialist))
        {
            throw new DomainException("Chỉ Chuyên viên Sở nhập hoạt động do Sở thực hiện.");
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Outcomes;

namespace NgheAn.CNHT.Application.Outcomes;

/// <summary>Records outcome values with their source and sets targets (Chuyên viên Sở; audited).</summary>
public sealed class OutcomeService(IAppDbContext db, ICurrentUser user, ILogger<OutcomeService> logger)
{
    /// <summary>Values may go back to the previous program's years (a baseline), and up to the program's end.</summary>
    public async Task<int> AddValueAsync(int indicatorId, int year, decimal value, string source, string? note, CancellationToken ct = default)
    {
        RequireSpecialist();
        var program = await db.OutcomeIndicators.AsNoTracking().Where(i => i.Id == indicatorId)
            .Join(db.Programs, i => i.ProgramId, p => p.Id, (i, p) => new { p.StartYear, p.EndYear }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Không tìm thấy chỉ tiêu.");
        var row = new OutcomeValue(indicatorId, new YearRange(program.StartYear - 10, program.EndYear), year, value, source, note);
        db.OutcomeValues.Add(row);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Outcome value of indicator {IndicatorId} for {Year} recorded by {User}", indicatorId, year, user.UserName);
        return row.Id;
    }

    public async Task SetTargetAsync(int indicatorId, Guid? stamp, decimal? target, CancellationToken ct = default)
    {
        RequireSpecialist();
        var indicator = await db.OutcomeIndicators.FirstOrDefaultAsync(i => i.Id == indicatorId, ct) ?? throw new NotFoundException("Không tìm thấy chỉ tiêu.");
        if (stamp is null || stamp != indicator.ConcurrencyStamp)
        {
            throw new ConcurrencyConflictException("Mục tiêu vừa được người khác sửa; thay đổi của bạn chưa được lưu.", [], indicator.ConcurrencyStamp);
        }

        db.Entry(indicator).Property(i => i.ConcurrencyStamp).OriginalValue = stamp.Value;
        indicator.SetTarget(target, illustrative: false);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Mục tiêu vừa được người khác sửa; thay đổi của bạn chưa được lưu.");
        }
    }

    private void RequireSpecialist()
    {
        if (!user.Actor.IsIn(Roles.DoitSpecialist))
        {
            throw new DomainException("Chỉ Chuyên viên Sở được ghi chỉ tiêu của chương trình.");
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Plans;

namespace NgheAn.CNHT.Application.Plans;

/// <summary>Saves an item's yearly plans (ADR 0170): Chuyên viên Sở only, with the stamp the form was opened with; audited.</summary>
public sealed class YearlyPlanService(IAppDbContext db, ICurrentUser user, ILogger<YearlyPlanService> logger)
{
    public const string ConflictMessage = "Kế hoạch năm của nội dung này vừa được người khác sửa trong khi bạn đang sửa; thay đổi của bạn chưa được lưu. Hãy xem số hiện tại rồi nhập lại nếu vẫn cần.";

    /// <param name="stamp">The plan's stamp when the form was opened; null or empty only when the item had no yearly plan yet.</param>
    public async Task SaveAsync(int itemId, Guid? stamp, IReadOnlyDictionary<int, decimal> amounts, bool approved, string? decisionReference, CancellationToken ct = default)
    {
        if (!user.Actor.IsIn(Roles.DoitSpecialist))
        {
            throw new DomainException("Chỉ Chuyên viên Sở được lập kế hoạch năm.");
        }

        var item = await db.ContentItems.AsNoTracking().Where(i => i.Id == itemId)
            .Select(i => new { i.Id, i.Code, i.Group.Program.StartYear, i.Group.Program.EndYear }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Không tìm thấy nội dung.");
        var plan = await db.ItemPlans.Include(p => p.Years).FirstOrDefaultAsync(p => p.ContentItemId == itemId, ct);
        if (plan is null)
        {
            if (stamp is { } s && s != Guid.Empty)
            {
                throw new ConcurrencyConflictException(ConflictMessage);
            }

            // Checked before it is tracked: a refused plan leaves nothing behind in the unit of work.
            var created = new ItemPlan(itemId, isIllustrative: false);
            created.SetYears(new YearRange(item.StartYear, item.EndYear), amounts, approved, decisionReference);
            db.ItemPlans.Add(created);
            plan = created;
        }
        else
        {
            if (stamp is null || stamp == Guid.Empty || stamp != plan.ConcurrencyStamp)
            {
                throw new ConcurrencyConflictException(ConflictMessage, [], plan.ConcurrencyStamp);
            }

            // A change of a year row alone must still renew the plan's stamp (and be refused if someone saved in between).
            db.Entry(plan).Property(p => p.ConcurrencyStamp).OriginalValue = stamp.Value;
            plan.RenewConcurrencyStamp();
            plan.SetYears(new YearRange(item.StartYear, item.EndYear), amounts, approved, decisionReference);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(ConflictMessage);
        }

        logger.LogInformation("Yearly plan of content item {ItemId} saved by {User}", itemId, user.UserName);
    }
}

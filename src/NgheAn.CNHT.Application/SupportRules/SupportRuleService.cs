using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.SupportRules;

namespace NgheAn.CNHT.Application.SupportRules;

public sealed record RuleSetHeaderInput(string ProgramCode, string Title, string DocumentNumber, DateOnly DocumentDate, string Issuer, string? DocumentLink,
    DateOnly EffectiveFrom, DateOnly? EffectiveTo);

public sealed record RuleLineInput(
    string ItemCode,
    string Citation,
    string? Scope,
    decimal? MaxProvincialSharePercent,
    decimal? MinCounterpartPercent,
    decimal? MaxAmountPerProposal,
    decimal? MaxPerEnterprisePerYear,
    decimal? MaxPerEnterprisePerPeriod,
    IReadOnlyList<OrganizationKind>? EligibleKinds,
    IReadOnlyList<EnterpriseSize>? EligibleSizes,
    bool RequireInProvince,
    bool IsIllustrative);

public sealed record UnitNormInput(int RuleId, string Name, string Unit, decimal MaxUnitPrice, string? Citation, bool IsIllustrative);

/// <summary>Every change to rule sets: drafts by a specialist, approval by a leader, new versions of a set in force. The domain decides.</summary>
public sealed class SupportRuleService(IAppDbContext db, ICurrentUser user, TimeProvider clock, ILogger<SupportRuleService> logger)
{
    public async Task<int> CreateAsync(RuleSetHeaderInput input, CancellationToken ct = default)
    {
        var programId = await ProgramIdAsync(input.ProgramCode, ct);
        var version = await NextVersionAsync(programId, ct);
        var set = new SupportRuleSet(programId, version, input.Title, Basis(input), input.EffectiveFrom, input.EffectiveTo, user.Actor);
        db.SupportRuleSets.Add(set);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Support rule set {RuleSetId} (version {Version}) drafted by {User}", set.Id, version, user.UserName);
        return set.Id;
    }

    public async Task EditHeaderAsync(int id, Guid stamp, RuleSetHeaderInput input, CancellationToken ct = default)
    {
        var set = await LoadAsync(id, ct);
        set.EditHeader(input.Title, Basis(input), input.EffectiveFrom, input.EffectiveTo, user.Actor);
        await SaveAsync(set, stamp, ct);
    }

    public async Task AddRuleAsync(int id, Guid stamp, RuleLineInput input, CancellationToken ct = default)
    {
        var set = await LoadAsync(id, ct);
        var itemId = await db.ContentItems.AsNoTracking()
            .Where(i => i.Group.ProgramId == set.ProgramId && i.Code == input.ItemCode.Trim())
            .Select(i => (int?)i.Id).FirstOrDefaultAsync(ct)
            ?? throw new DomainException($"Nội dung {input.ItemCode} không có trong danh mục của chương trình.", "ItemCode");
        set.AddRule(new SupportRuleValues(itemId, input.Citation, input.Scope, input.MaxProvincialSharePercent, input.MinCounterpartPercent,
            input.MaxAmountPerProposal, input.MaxPerEnterprisePerYear, input.MaxPerEnterprisePerPeriod, input.EligibleKinds, input.EligibleSizes,
            input.RequireInProvince, input.IsIllustrative), user.Actor);
        await SaveAsync(set, stamp, ct);
    }

    public async Task RemoveRuleAsync(int id, Guid stamp, int ruleId, CancellationToken ct = default)
    {
        var set = await LoadAsync(id, ct);
        set.RemoveRule(ruleId, user.Actor);
        await SaveAsync(set, stamp, ct);
    }

    public async Task AddUnitNormAsync(int id, Guid stamp, UnitNormInput input, CancellationToken ct = default)
    {
        var set = await LoadAsync(id, ct);
        set.AddUnitNorm(input.RuleId, input.Name, input.Unit, input.MaxUnitPrice, input.Citation, input.IsIllustrative, user.Actor);
        await SaveAsync(set, stamp, ct);
    }

    public async Task RemoveUnitNormAsync(int id, Guid stamp, int ruleId, int normId, CancellationToken ct = default)
    {
        var set = await LoadAsync(id, ct);
        set.RemoveUnitNorm(ruleId, normId, user.Actor);
        await SaveAsync(set, stamp, ct);
    }

    public async Task ApproveAsync(int id, Guid stamp, CancellationToken ct = default)
    {
        var set = await LoadAsync(id, ct);
        set.Approve(user.Actor, clock.GetUtcNow().UtcDateTime);
        await SaveAsync(set, stamp, ct);
        logger.LogInformation("Support rule set {RuleSetId} put in force by {User}", id, user.UserName);
    }

    /// <summary>A change to a set in force: a new draft version carrying its rules; the set in force stays as it is.</summary>
    public async Task<int> NewVersionAsync(int id, CancellationToken ct = default)
    {
        var set = await LoadAsync(id, ct);
        for (var attempt = 1; ; attempt++)
        {
            var next = set.NewVersion(await NextVersionAsync(set.ProgramId, ct), user.Actor);
            db.SupportRuleSets.Add(next);
            try
            {
                await db.SaveChangesAsync(ct);
                return next.Id;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Two specialists took the same version number at once: the unique index refused this one; number it again.
                db.ChangeTracker.Clear();
                set = await LoadAsync(id, ct);
            }
        }
    }

    private async Task<SupportRuleSet> LoadAsync(int id, CancellationToken ct) =>
        await db.SupportRuleSets.Include(s => s.Rules).ThenInclude(r => r.UnitNorms).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, ct)
        ?? throw new NotFoundException($"Không tìm thấy quy định mức hỗ trợ số {id}.");

    private async Task SaveAsync(SupportRuleSet set, Guid stamp, CancellationToken ct)
    {
        db.Entry(set).Property(s => s.ConcurrencyStamp).OriginalValue = stamp;
        set.RenewConcurrencyStamp();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Quy định vừa được người khác thay đổi sau khi bạn mở trang; thao tác chưa được lưu. Hãy tải lại trang rồi thực hiện lại.");
        }
    }

    private async Task<int> ProgramIdAsync(string code, CancellationToken ct) =>
        await db.Programs.AsNoTracking().Where(p => p.Code == code).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct)
        ?? throw new DomainException($"Không có chương trình mã {code}.", "ProgramCode");

    private async Task<int> NextVersionAsync(int programId, CancellationToken ct) =>
        (await db.SupportRuleSets.Where(s => s.ProgramId == programId).MaxAsync(s => (int?)s.Version, ct) ?? 0) + 1;

    private static LegalBasis Basis(RuleSetHeaderInput input) => new(input.DocumentNumber, input.DocumentDate, input.Issuer, input.DocumentLink);
}

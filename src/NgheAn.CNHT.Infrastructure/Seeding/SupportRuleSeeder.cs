using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.SupportRules;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.Infrastructure.Seeding;

/// <summary>
/// The sample rule set of program 2018-2025 (ADR 0144): Decision 41/QĐ-UBND of 22/8/2022, in force from that date to the
/// end of the program. Only the publicity split comes from the province's report (budget 70 %, other sources 30 %); it is
/// scoped to publicity, because item 1.4 also covers brand registration, which that split does not govern. Every other value
/// is marked illustrative (giá trị minh họa, cần đối chiếu văn bản gốc) and chosen so that no sample proposal is outside it:
/// the seed's figures and the appendix stay exactly as they were. Idempotent.
/// </summary>
public sealed class SupportRuleSeeder(AppDbContext db, ILogger<SupportRuleSeeder> logger)
{
    public const string SampleTitle = "Quy định mức hỗ trợ, mức chi các hoạt động phát triển công nghiệp hỗ trợ (mẫu)";
    public static readonly LegalBasis Decision41 = new("41/QĐ-UBND", new DateOnly(2022, 8, 22), "UBND tỉnh Nghệ An", null);
    public const string PublicityScope = "hoạt động tuyên truyền, quảng bá trên các phương tiện thông tin đại chúng";

    public async Task<bool> EnsureAsync(CancellationToken ct = default)
    {
        var program = await db.Programs.AsNoTracking().Where(p => p.Code == CatalogSeeder.Program2018Code).Select(p => new { p.Id }).FirstOrDefaultAsync(ct);
        if (program is null || await db.SupportRuleSets.AnyAsync(s => s.ProgramId == program.Id, ct))
        {
            return false;
        }

        var items = await db.ContentItems.AsNoTracking().Where(i => i.Group.ProgramId == program.Id).ToDictionaryAsync(i => i.Code, i => i.Id, ct);
        var set = new SupportRuleSet(program.Id, 1, SampleTitle, Decision41, Decision41.DocumentDate, new DateOnly(2025, 12, 31), Actor.System, isSample: true);
        // From the province's report (seed, section on item 1.4): publicity is 70 % provincial budget, 30 % other sources.
        set.AddRule(new SupportRuleValues(items["1.4"], "Mức hỗ trợ hoạt động tuyên truyền", PublicityScope, 70m, 30m, null, null, null, null, null, false, false), Specialist);
        // Illustrative values (not in the report): an enterprise-only item with caps above every sample proposal.
        set.AddRule(new SupportRuleValues(items["3.3"], "Mức hỗ trợ đổi mới công nghệ", null, 30m, null, 1_000_000_000m, 1_000_000_000m, 2_000_000_000m,
            [OrganizationKind.SupportingIndustryEnterprise, OrganizationKind.ForeignInvestedEnterprise, OrganizationKind.OtherEnterprise], null, false, true), Specialist);
        var training = set.AddRule(new SupportRuleValues(items["2.2"], "Mức chi tổ chức đào tạo, tập huấn", null, null, null, null, null, null, null, null, false, true), Specialist);
        set.AddUnitNorm(training, "Thuê hội trường", "ngày", 5_000_000m, "Mức chi tổ chức đào tạo, tập huấn", true, Specialist);
        set.AddUnitNorm(training, "Thù lao giảng viên", "buổi", 2_000_000m, "Mức chi tổ chức đào tạo, tập huấn", true, Specialist);
        set.ApproveAsSample(DateTime.UtcNow);
        db.SupportRuleSets.Add(set);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded the sample support rule set of program {Program}", CatalogSeeder.Program2018Code);
        return true;
    }

    /// <summary>Drafting is a specialist's act in the domain; the seeder drafts as one (the set itself is marked sample).</summary>
    private static readonly Actor Specialist = new("demo.chuyenvien", "Chuyên viên Sở (mẫu)", new HashSet<string> { Domain.Roles.DoitSpecialist });
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.SupportRules;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.SupportRules;

/// <summary>Rule sets put in force through the real services (specialist drafts, leader approves), and proposals to check against them.</summary>
internal static class SupportRuleArrange
{
    /// <summary>
    /// A rule set for item 3.3 of 2018-2025 in force from 01/01/2026 (today's submissions fall under it): 70 % budget share at
    /// most, and per enterprise and year at most <paramref name="perEnterpriseYear"/>.
    /// </summary>
    public static async Task<int> InForceAsync(CnhtFactory portal, decimal perEnterpriseYear = 500_000_000m, decimal? perProposal = null)
    {
        var id = await portal.AsAsync("DoitSpecialist", async sp =>
        {
            var service = sp.GetRequiredService<SupportRuleService>();
            var setId = await service.CreateAsync(new RuleSetHeaderInput("2018-2025", "Quy định mức hỗ trợ kiểm thử", "41/QĐ-UBND", new DateOnly(2022, 8, 22),
                "UBND tỉnh Nghệ An", null, new DateOnly(2026, 1, 1), null));
            await service.AddRuleAsync(setId, await StampAsync(sp, setId), new RuleLineInput("3.3", "Điều 5", null, 70m, null, perProposal, perEnterpriseYear, null,
                null, null, false, false));
            return setId;
        });
        await portal.AsAsync("DoitLeader", async sp => await sp.GetRequiredService<SupportRuleService>().ApproveAsync(id, await StampAsync(sp, id)));
        return id;
    }

    public static Task<Guid> StampAsync(IServiceProvider sp, int setId) =>
        sp.GetRequiredService<AppDbContext>().SupportRuleSets.AsNoTracking().Where(s => s.Id == setId).Select(s => s.ConcurrencyStamp).SingleAsync();

    /// <summary>An appraised proposal of item 3.3, started in 2025, led by the given (or a new) enterprise, submitted now.</summary>
    public static async Task<int> AppraisedAsync(CnhtFactory portal, int? organizationId = null, decimal total = 1_000_000_000m, decimal share = 300_000_000m)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var item = await db.ContentItems.Where(i => i.Code == "3.3" && i.Group.Program.Code == "2018-2025").Select(i => new { i.Id, i.Group.ProgramId }).SingleAsync();
        var orgId = organizationId ?? await EnterpriseAsync(db);
        var now = DateTime.UtcNow;
        var p = new Proposal(
            new ProposalDraft($"QD-{Guid.NewGuid():N}"[..13], "Đề án kiểm thử định mức", null, null, 2025, 2025, total, share),
            new ProposalContext(item.ProgramId, new YearRange(2018, 2025), item.Id, orgId), ProposalArrange.Specialist, now.AddMinutes(-60));
        p.Submit(ProposalArrange.Specialist, now.AddMinutes(-50), null);
        p.Appraise(ProposalArrange.Center, now.AddMinutes(-40), DateOnly.FromDateTime(now), "Đồng ý", total, share);
        db.Proposals.Add(p);
        await db.SaveChangesAsync();
        return p.Id;
    }

    public static async Task<int> EnterpriseAsync(AppDbContext db)
    {
        var stem = Random.Shared.Next(100_000_000, 199_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var org = new Organization($"Công ty kiểm thử {stem}", OrganizationKind.SupportingIndustryEnterprise,
            NgheAn.CNHT.Infrastructure.Seeding.DemoDataSeeder.WithCheckDigit(stem));
        db.Organizations.Add(org);
        await db.SaveChangesAsync();
        return org.Id;
    }

    /// <summary>Approves as a leader who has the current page open (its concurrency stamp; a missing one is refused).</summary>
    public static async Task ApproveAsync(CnhtFactory portal, int proposalId, decimal total, decimal share, string? overrideReason = null)
    {
        var stamp = await StampAsync(portal, proposalId);
        await portal.AsAsync("DoitLeader", sp => sp.GetRequiredService<NgheAn.CNHT.Application.Proposals.ProposalService>()
            .ApproveAsync(proposalId, stamp, "15/QĐ-SCT", DateOnly.FromDateTime(DateTime.UtcNow), total, share, null, overrideReason));
    }

    public static Task<Guid> StampAsync(CnhtFactory portal, int proposalId) =>
        ProposalArrange.ReadAsync(portal, db => db.Proposals.Where(p => p.Id == proposalId).Select(p => p.ConcurrencyStamp).SingleAsync());
}

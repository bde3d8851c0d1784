using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Startup;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Performance;

/// <summary>
/// Issue 21 (ADR 0236): after a start, a proposal page's reads run once in the background, after the kept sums, so that
/// their queries are compiled before the first visit, and the register's title order is kept (ADR 0238); they write
/// nothing, and a database without proposals is no error.
/// </summary>
public sealed class ProposalPageWarmUpTests
{
    private static Task<long> VersionAsync(AppDbContext db) =>
        db.Database.SqlQueryRaw<long>("SELECT \"Version\" AS \"Value\" FROM \"DataVersions\" WHERE \"Id\" = 1").SingleAsync();

    [Fact]
    public async Task After_a_start_the_newest_enterprise_proposal_s_page_is_read_once_and_nothing_is_written()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var warmUp = portal.Services.GetRequiredService<ProposalPageWarmUp>();
        await warmUp.Done.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(portal.Services.GetRequiredService<KeptSumsWarmUp>().Done.IsCompleted);

        var (expected, version, audited) = await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var id = await db.Proposals.AsNoTracking()
                .Where(p => p.LeadOrganization.Kind == OrganizationKind.SupportingIndustryEnterprise
                            || p.LeadOrganization.Kind == OrganizationKind.ForeignInvestedEnterprise
                            || p.LeadOrganization.Kind == OrganizationKind.OtherEnterprise)
                .MaxAsync(p => (int?)p.Id);
            return (id, await VersionAsync(db), await db.AuditEntries.CountAsync());
        });
        Assert.NotNull(expected);
        Assert.Equal(expected, warmUp.ProposalId);

        // The register's title order is kept too (ADR 0238), built once.
        var titles = portal.Services.GetRequiredService<NgheAn.CNHT.Application.Proposals.KeptTitleOrder>();
        Assert.True(titles.IsBuilt);
        Assert.Equal(1, titles.Builds);

        // The page itself answers as before; the warm-up left the data version and the audit trail as they were.
        var client = await portal.SignInAsAsync("DoitSpecialist");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Proposals/Details/{expected}")).StatusCode);
        var (versionAfter, auditedAfter) = await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (await VersionAsync(db), await db.AuditEntries.CountAsync(a => a.EntityType != "AppUser"));
        });
        Assert.Equal(version, versionAfter);
        Assert.True(auditedAfter <= audited);
    }

    [Fact]
    public async Task A_database_without_proposals_ends_the_warm_up_without_reading_a_page()
    {
        await using var portal = new CnhtFactory(seedDemoData: false);
        await portal.EnsureDemoUsersAsync();
        var warmUp = portal.Services.GetRequiredService<ProposalPageWarmUp>();
        await warmUp.Done.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Null(warmUp.ProposalId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Applications;
using NgheAn.CNHT.Domain.Enterprises;
using NgheAn.CNHT.Infrastructure.Enterprises;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Enterprises;

/// <summary>The Development demo of the enterprise portal: three accounts, applications in different states, one open call, and the 2018-2025 appendix untouched.</summary>
public sealed class EnterpriseDemoTests(EnterprisePortal portal) : IClassFixture<EnterprisePortal>
{
    [Fact]
    public async Task The_enterprise_demo_adds_accounts_states_and_an_open_call_and_leaves_the_seed_appendix_unchanged()
    {
        var before = await portal.ScopedAsync(async sp => ReportJson.Serialize((await sp.GetRequiredService<AppendixQuery>().BuildAsync("2018-2025", null, null))! with { GeneratedAtUtc = default }));
        await portal.ScopedAsync(async sp =>
        {
            await sp.GetRequiredService<EnterpriseDemoSeeder>().SeedAsync();
            // Idempotent: a second start changes nothing.
            await sp.GetRequiredService<EnterpriseDemoSeeder>().SeedAsync();
            return true;
        });
        var after = await portal.ScopedAsync(async sp =>
        {
            sp.GetRequiredService<Microsoft.Extensions.Caching.Memory.IMemoryCache>();
            return ReportJson.Serialize((await sp.GetRequiredService<AppendixQuery>().BuildAsync("2018-2025", null, null))! with { GeneratedAtUtc = default });
        });
        Assert.Equal(before, after);

        var members = await portal.ReadAsync(db => db.EnterpriseMembers.Where(m => m.UserName.EndsWith("@cnht.demo")).OrderBy(m => m.UserName).Select(m => new { m.UserName, m.Status }).ToListAsync());
        Assert.Equal(["doanhnghiep1@cnht.demo", "doanhnghiep2@cnht.demo", "doanhnghiep3@cnht.demo"], members.Select(m => m.UserName));
        Assert.Equal([MemberStatus.Verified, MemberStatus.Verified, MemberStatus.Pending], members.Select(m => m.Status));
        var states = await portal.ReadAsync(db => db.Applications.Where(a => a.Title.Contains("(minh họa)")).Select(a => a.Status).ToListAsync());
        Assert.Equal(5, states.Count);
        Assert.Contains(ApplicationStatus.Accepted, states);
        Assert.Contains(ApplicationStatus.SupplementRequested, states);
        Assert.Contains(ApplicationStatus.Submitted, states);
        Assert.Contains(ApplicationStatus.Draft, states);

        var client = portal.NewClient();
        var calls = await client.GetStringAsync("/Calls");
        Assert.Contains($"năm {DateTime.UtcNow.AddHours(7).Year}", calls, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await client.SignInAsync("doanhnghiep1@cnht.demo", UserSeeder.DemoPassword)).StatusCode);
        Assert.Contains("Đổi mới dây chuyền gia công CNC", await client.GetStringAsync("/DoanhNghiep"), StringComparison.Ordinal);
    }
}

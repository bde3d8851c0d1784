using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.SupportRules;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Domain.SupportRules;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.SupportRules;

/// <summary>Approval is checked against the rules in force: blocked above a cap, possible with a leader's audited override, and the per-enterprise cap holds under racing approvals.</summary>
public sealed class ApprovalRulesTests
{
    private static Task<T> Read<T>(CnhtFactory portal, Func<AppDbContext, Task<T>> read) => ProposalArrange.ReadAsync(portal, read);

    [Fact]
    public async Task Approval_above_a_cap_is_refused_with_the_rule_cited_and_nothing_saved()
    {
        await using var portal = new CnhtFactory();
        await SupportRuleArrange.InForceAsync(portal);
        var id = await SupportRuleArrange.AppraisedAsync(portal);

        var ex = await Assert.ThrowsAsync<DomainException>(() => SupportRuleArrange.ApproveAsync(portal, id, 400_000_000m, 280_000_001m));
        Assert.Contains("vượt mức tối đa 70% (Điều 5, QĐ 41/QĐ-UBND ngày 22/8/2022)", ex.Message);
        Assert.Equal(ProposalStatus.Appraised, await ProposalArrange.StatusAsync(portal, id));
        Assert.Equal(0, await Read(portal, db => db.ProposalRuleFlags.CountAsync(f => f.ProposalId == id)));

        // Exactly at the cap (70 %) the same approval passes, with nothing recorded as outside the norms.
        await SupportRuleArrange.ApproveAsync(portal, id, 400_000_000m, 280_000_000m);
        Assert.Equal(ProposalStatus.Approved, await ProposalArrange.StatusAsync(portal, id));
        Assert.Equal(0, await Read(portal, db => db.ProposalRuleFlags.CountAsync(f => f.ProposalId == id)));
    }

    [Fact]
    public async Task A_leader_override_with_a_reason_approves_and_is_audited_and_shown()
    {
        await using var portal = new CnhtFactory();
        await SupportRuleArrange.InForceAsync(portal);
        var id = await SupportRuleArrange.AppraisedAsync(portal);

        await SupportRuleArrange.ApproveAsync(portal, id, 400_000_000m, 312_000_000m, "Đề án trọng điểm, UBND tỉnh đồng ý tại văn bản 99/UBND-KT");

        Assert.Equal(ProposalStatus.Approved, await ProposalArrange.StatusAsync(portal, id));
        var flag = await Read(portal, db => db.ProposalRuleFlags.AsNoTracking().SingleAsync(f => f.ProposalId == id));
        Assert.Equal(RuleFlagKind.Override, flag.Kind);
        Assert.Equal("Đề án trọng điểm, UBND tỉnh đồng ý tại văn bản 99/UBND-KT", flag.Reason);
        Assert.Contains("Ngân sách tỉnh hỗ trợ 78% chi phí, vượt mức tối đa 70% (Điều 5, QĐ 41/QĐ-UBND ngày 22/8/2022)", flag.Violations);
        var audited = await Read(portal, db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(ProposalRuleFlag) && a.EntityKey == flag.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(a => new { a.Action, a.UserName, a.Changes }).SingleAsync());
        Assert.Equal("Insert", audited.Action);
        Assert.Equal("test.doitleader", audited.UserName);
        Assert.Contains("99/UBND-KT", audited.Changes);

        var panel = await portal.AsAsync("Viewer", sp => sp.GetRequiredService<SupportRuleChecks>().PanelAsync(id));
        Assert.NotNull(panel);
        Assert.True(panel.Result.HasViolations);
        Assert.Equal("Đề án trọng điểm, UBND tỉnh đồng ý tại văn bản 99/UBND-KT", Assert.Single(panel.Flags).Reason);
    }

    [Fact]
    public async Task Only_a_leader_may_override_and_never_without_a_reason()
    {
        await using var portal = new CnhtFactory();
        await SupportRuleArrange.InForceAsync(portal);
        var id = await SupportRuleArrange.AppraisedAsync(portal);
        var blank = await Assert.ThrowsAsync<DomainException>(() => SupportRuleArrange.ApproveAsync(portal, id, 400_000_000m, 312_000_000m, "   "));
        Assert.Contains("vượt định mức", blank.Message);
        var stamp = await SupportRuleArrange.StampAsync(portal, id);
        var center = await Assert.ThrowsAsync<DomainException>(() => portal.AsAsync("SupportCenter", sp => sp.GetRequiredService<NgheAn.CNHT.Application.Proposals.ProposalService>()
            .ApproveAsync(id, stamp, "1/QĐ", DateOnly.FromDateTime(DateTime.UtcNow), 400_000_000m, 312_000_000m, null, "Lý do")));
        Assert.Contains("Lãnh đạo Sở", center.Message);
        Assert.Equal(ProposalStatus.Appraised, await ProposalArrange.StatusAsync(portal, id));
    }

    [Fact]
    public async Task The_per_enterprise_year_cap_counts_earlier_approvals()
    {
        await using var portal = new CnhtFactory();
        await SupportRuleArrange.InForceAsync(portal, perEnterpriseYear: 500_000_000m);
        var first = await SupportRuleArrange.AppraisedAsync(portal);
        var org = await Read(portal, db => db.Proposals.Where(p => p.Id == first).Select(p => p.LeadOrganizationId).SingleAsync());
        var second = await SupportRuleArrange.AppraisedAsync(portal, org);
        await SupportRuleArrange.ApproveAsync(portal, first, 1_000_000_000m, 300_000_000m);

        var ex = await Assert.ThrowsAsync<DomainException>(() => SupportRuleArrange.ApproveAsync(portal, second, 1_000_000_000m, 200_000_001m));
        Assert.Contains("tổng 500.000.001 đồng (các đề án đã duyệt 300.000.000 đồng + đề án này 200.000.001 đồng), vượt mức tối đa 500.000.000 đồng mỗi doanh nghiệp mỗi năm", ex.Message);
        await SupportRuleArrange.ApproveAsync(portal, second, 1_000_000_000m, 200_000_000m);
        Assert.Equal(ProposalStatus.Approved, await ProposalArrange.StatusAsync(portal, second));
    }

    [Fact]
    public async Task Racing_approvals_on_SQLite_for_one_enterprise_cannot_together_pass_its_yearly_cap()
    {
        await using var portal = new CnhtFactory();
        await SupportRuleArrange.InForceAsync(portal, perEnterpriseYear: 500_000_000m);
        var ids = new List<int> { await SupportRuleArrange.AppraisedAsync(portal) };
        var org = await Read(portal, db => db.Proposals.Where(p => p.Id == ids[0]).Select(p => p.LeadOrganizationId).SingleAsync());
        for (var i = 1; i < 6; i++)
        {
            ids.Add(await SupportRuleArrange.AppraisedAsync(portal, org));
        }

        // Six approvals of 200.000.000 each, released together: each alone is within 500.000.000, only two fit together.
        using var start = new SemaphoreSlim(0);
        var approvals = ids.Select(async id =>
        {
            await start.WaitAsync();
            try
            {
                await SupportRuleArrange.ApproveAsync(portal, id, 1_000_000_000m, 200_000_000m);
                return true;
            }
            catch (DomainException ex) when (ex.Message.Contains("mỗi doanh nghiệp mỗi năm", StringComparison.Ordinal))
            {
                return false;
            }
        }).ToList();
        start.Release(ids.Count);
        var results = await Task.WhenAll(approvals);

        Assert.Equal(2, results.Count(ok => ok));
        var approvedSum = await Read(portal, db => db.Proposals.Where(p => p.LeadOrganizationId == org && p.Status == ProposalStatus.Approved)
            .SumAsync(p => p.ApprovedProvincialShare ?? 0m));
        Assert.Equal(400_000_000m, approvedSum);
        Assert.Equal(0, await Read(portal, db => db.ProposalRuleFlags.CountAsync()));
    }

    [Fact]
    public async Task The_sample_rule_set_leaves_the_sample_proposals_unblocked_and_unflagged()
    {
        await using var portal = new CnhtFactory();
        var set = await Read(portal, db => db.SupportRuleSets.AsNoTracking().Include(s => s.Rules).SingleAsync(s => s.IsSample));
        Assert.Equal(RuleSetStatus.InForce, set.Status);
        Assert.Equal("41/QĐ-UBND", set.DocumentNumber);
        Assert.Equal(new DateOnly(2022, 8, 22), set.DocumentDate);
        var publicity = set.Rules.Single(r => !r.IsIllustrative);
        Assert.Equal((70m, 30m), (publicity.MaxProvincialSharePercent, publicity.MinCounterpartPercent));
        Assert.All(set.Rules.Where(r => r != publicity), r => Assert.True(r.IsIllustrative));

        var ids = await Read(portal, db => db.Proposals.Where(p => p.IsSample).Select(p => p.Id).ToListAsync());
        Assert.Equal(23, ids.Count);
        foreach (var id in ids)
        {
            var panel = await portal.AsAsync("Viewer", sp => sp.GetRequiredService<SupportRuleChecks>().PanelAsync(id));
            Assert.False(panel!.Result.HasViolations, $"Đề án mẫu {id}: {panel.Result.ViolationText}");
        }

        Assert.Equal(0, await Read(portal, db => db.ProposalRuleFlags.CountAsync()));
    }
}

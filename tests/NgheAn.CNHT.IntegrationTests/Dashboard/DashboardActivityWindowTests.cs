using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Dashboard;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;
using static NgheAn.CNHT.IntegrationTests.Support.ProposalArrange;

namespace NgheAn.CNHT.IntegrationTests.Dashboard;

/// <summary>
/// Issue 21: the dashboard's recent activity keeps each program's newest steps incrementally (NewestSteps) and walks the
/// newest ledger entries in widening windows instead of sorting one program's whole history; when another program's steps
/// crowd the newest ones, and after new steps are added, it shows the same rows as the program's own history sorted.
/// </summary>
public sealed class DashboardActivityWindowTests
{
    /// <summary>The program's own steps and entries sorted newest first, merged as the dashboard merges them.</summary>
    private static Task<List<(ActivityKind Kind, DateTime At, int ProposalId)>> SortedAsync(CnhtFactory portal, string programCode) =>
        portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var programId = await db.Programs.Where(p => p.Code == programCode).Select(p => p.Id).SingleAsync();
            var steps = await db.ProposalTransitions.AsNoTracking().Where(t => t.Proposal.ProgramId == programId)
                .OrderByDescending(t => t.At).ThenByDescending(t => t.Id).Take(DashboardQuery.ActivityShown)
                .Select(t => new { t.At, t.ProposalId }).ToListAsync();
            var entries = await db.DisbursementEntries.AsNoTracking().Where(e => e.ProgramId == programId)
                .OrderByDescending(e => e.Id).Take(DashboardQuery.ActivityShown)
                .Select(e => new { At = e.RecordedAt, e.ProposalId }).ToListAsync();
            return steps.Select(s => (ActivityKind.Step, s.At, s.ProposalId))
                .Concat(entries.Select(e => (ActivityKind.Ledger, e.At, e.ProposalId)))
                .OrderByDescending(a => a.Item2).ThenByDescending(a => a.Item1)
                .Take(DashboardQuery.ActivityShown)
                .ToList();
        });

    private static Task<List<(ActivityKind Kind, DateTime At, int ProposalId)>> ShownAsync(CnhtFactory portal, int programId) =>
        portal.ScopedAsync(async sp => (await sp.GetRequiredService<DashboardQuery>().ActivityAsync(programId))
            .Select(a => (a.Kind, a.At, a.ProposalId)).ToList());

    [Fact]
    public async Task Another_programs_many_newer_steps_do_not_change_which_rows_a_program_shows()
    {
        await using var portal = new CnhtFactory();
        var programs = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Programs.AsNoTracking()
            .ToDictionaryAsync(p => p.Code, p => p.Id));
        Assert.Equal(await SortedAsync(portal, "2018-2025"), await ShownAsync(portal, programs["2018-2025"]));

        // 240 steps of a 2026-2030 proposal, all newer than anything of 2018-2025, added to the kept steps above the watermark.
        await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var other = await db.Programs.Include(p => p.Groups).ThenInclude(g => g.Items).SingleAsync(p => p.Code == "2026-2030");
            if (!other.Groups.SelectMany(g => g.Items).Any())
            {
                other.AddGroup("T", "Nhóm kiểm thử").AddItem("T.1", "Nội dung kiểm thử");
                await db.SaveChangesAsync();
            }

            var item = await db.ContentItems.Where(i => i.Group.Program.Code == "2026-2030").OrderBy(i => i.Id)
                .Select(i => new { i.Id, i.Group.ProgramId, i.Group.Program.StartYear, i.Group.Program.EndYear }).FirstAsync();
            var orgId = await db.Organizations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
            var at = DateTime.UtcNow.AddDays(1);
            var p = new Proposal(
                new ProposalDraft($"WIN-{Guid.NewGuid():N}"[..13], "Đề án nhiều bước", "Mục tiêu kiểm thử", null, item.StartYear, item.StartYear, 1_000_000_000m, 300_000_000m),
                new ProposalContext(item.ProgramId, new YearRange(item.StartYear, item.EndYear), item.Id, orgId), Specialist, at);
            for (var i = 0; i < 120; i++)
            {
                p.Submit(Specialist, at.AddMinutes(2 * i + 1), null);
                p.ReturnForRevision(Center, at.AddMinutes(2 * i + 2), "Bổ sung hồ sơ");
            }

            db.Proposals.Add(p);
            await db.SaveChangesAsync();
            return true;
        });

        var shown = await ShownAsync(portal, programs["2018-2025"]);
        Assert.Equal(DashboardQuery.ActivityShown, shown.Count);
        Assert.Equal(await SortedAsync(portal, "2018-2025"), shown);
        Assert.Equal(await SortedAsync(portal, "2026-2030"), await ShownAsync(portal, programs["2026-2030"]));
    }
}

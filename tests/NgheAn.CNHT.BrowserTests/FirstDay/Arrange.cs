using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.BrowserTests.Support;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.BrowserTests.FirstDay;

/// <summary>A proposal of item 3.3 already appraised (1.000.000.000 total, 300.000.000 provincial), saved straight through the domain.</summary>
public static class Arrange
{
    private static readonly Actor Specialist = new("chuyenvien@cnht.demo", "Chuyên viên Sở", new HashSet<string> { Roles.DoitSpecialist });
    private static readonly Actor Center = new("trungtam@cnht.demo", "Trung tâm", new HashSet<string> { Roles.SupportCenter });

    public static Task<int> DraftAsync(BrowserPortal portal, string title) => SaveAsync(portal, title, appraised: false);

    public static Task<int> AppraisedAsync(BrowserPortal portal, string title) => SaveAsync(portal, title, appraised: true);

    private static async Task<int> SaveAsync(BrowserPortal portal, string title, bool appraised)
    {
        using var scope = portal.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var item = await db.ContentItems.Where(i => i.Code == "3.3" && i.Group.Program.Code == "2018-2025").Select(i => new { i.Id, i.Group.ProgramId }).SingleAsync();
        var orgId = await db.Organizations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        var now = DateTime.UtcNow;
        var p = new Proposal(
            new ProposalDraft($"UX-{Guid.NewGuid():N}"[..12], title, "Mục tiêu kiểm thử", null, 2025, 2025, 1_000_000_000m, 300_000_000m),
            new ProposalContext(item.ProgramId, new YearRange(2018, 2025), item.Id, orgId), Specialist, now.AddMinutes(-60));
        if (appraised)
        {
            p.Submit(Specialist, now.AddMinutes(-50), null);
            p.Appraise(Center, now.AddMinutes(-40), DateOnly.FromDateTime(now), "Đồng ý", 1_000_000_000m, 300_000_000m);
        }

        db.Proposals.Add(p);
        await db.SaveChangesAsync();
        return p.Id;
    }

    public static async Task<ProposalStatus> StatusAsync(BrowserPortal portal, int id)
    {
        using var scope = portal.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Proposals.Where(p => p.Id == id).Select(p => p.Status).SingleAsync();
    }
}

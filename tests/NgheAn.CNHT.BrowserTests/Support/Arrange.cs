using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.BrowserTests.Support;

/// <summary>
/// A journey's own proposal, saved straight through the domain with a code no other journey uses (item 3.3 of
/// 2018-2025, 2025). The journeys share one portal: each writes only on what it arranged (or created through the app)
/// and never on the sample data, whose figures other journeys pin (group 1's 5,34 % of plan).
/// </summary>
public static class Arrange
{
    private static readonly Actor Specialist = new("chuyenvien@cnht.demo", "Chuyên viên Sở", new HashSet<string> { Roles.DoitSpecialist });
    private static readonly Actor Center = new("trungtam@cnht.demo", "Trung tâm", new HashSet<string> { Roles.SupportCenter });
    private static readonly Actor Leader = new("lanhdao@cnht.demo", "Lãnh đạo Sở", new HashSet<string> { Roles.DoitLeader });

    private enum Stage
    {
        Draft,
        Appraised,
        Approved,
    }

    /// <summary>A draft of 1.000.000.000 total, 300.000.000 provincial.</summary>
    public static async Task<int> DraftAsync(BrowserPortal portal, string title) =>
        (await SaveAsync(portal, title, Stage.Draft, 1_000_000_000m, 300_000_000m)).Id;

    /// <summary>Appraised at 1.000.000.000 total, 300.000.000 provincial (waiting for leadership).</summary>
    public static async Task<int> AppraisedAsync(BrowserPortal portal, string title) =>
        (await SaveAsync(portal, title, Stage.Appraised, 1_000_000_000m, 300_000_000m)).Id;

    /// <summary>Approved yesterday with these figures, nothing paid yet.</summary>
    public static Task<(int Id, string Code)> ApprovedAsync(BrowserPortal portal, string title, decimal total, decimal share) =>
        SaveAsync(portal, title, Stage.Approved, total, share);

    private static async Task<(int Id, string Code)> SaveAsync(BrowserPortal portal, string title, Stage stage, decimal total, decimal share)
    {
        using var scope = portal.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var item = await db.ContentItems.Where(i => i.Code == "3.3" && i.Group.Program.Code == "2018-2025").Select(i => new { i.Id, i.Group.ProgramId }).SingleAsync();
        var orgId = await db.Organizations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        var now = DateTime.UtcNow;
        var yesterday = DateOnly.FromDateTime(now).AddDays(-1);
        var p = new Proposal(
            new ProposalDraft($"UX-{Guid.NewGuid():N}"[..12], title, "Mục tiêu kiểm thử", null, 2025, 2025, total, share),
            new ProposalContext(item.ProgramId, new YearRange(2018, 2025), item.Id, orgId), Specialist, now.AddMinutes(-60));
        if (stage >= Stage.Appraised)
        {
            p.Submit(Specialist, now.AddMinutes(-50), null);
            p.Appraise(Center, now.AddMinutes(-40), yesterday, "Đồng ý", total, share);
        }

        if (stage >= Stage.Approved)
        {
            p.Approve(Leader, now.AddMinutes(-30), $"{Random.Shared.Next(100, 999)}/QĐ-SCT", yesterday, total, share, null);
        }

        db.Proposals.Add(p);
        await db.SaveChangesAsync();
        return (p.Id, p.Code);
    }

    public static async Task<ProposalStatus> StatusAsync(BrowserPortal portal, int id)
    {
        using var scope = portal.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Proposals.Where(p => p.Id == id).Select(p => p.Status).SingleAsync();
    }
}

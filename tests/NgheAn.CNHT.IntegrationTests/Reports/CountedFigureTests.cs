using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Estimates;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;
using static NgheAn.CNHT.IntegrationTests.Support.ProposalArrange;

namespace NgheAn.CNHT.IntegrationTests.Reports;

/// <summary>
/// Four proposals of item 3.3 starting in 2024 whose requested, recommended, approved and settled amounts all
/// differ, so every query that counts them shows which figure it took. The expected numbers are written out
/// here (ADR 0003, ADR 0160), never computed by another copy of the rule.
/// </summary>
public sealed class CountedFigureTests(EmptyPortal portal) : IClassFixture<EmptyPortal>, IAsyncLifetime
{
    private const decimal M = 1_000_000m;

    public async Task InitializeAsync()
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Proposals.AnyAsync(p => p.Code.StartsWith("FIG-")))
        {
            return;
        }

        var item = await db.ContentItems.Where(i => i.Code == "3.3" && i.Group.Program.Code == "2018-2025")
            .Select(i => new { i.Id, i.Group.ProgramId }).SingleAsync();
        var org = new Organization("Trung tâm kiểm thử số liệu", OrganizationKind.StateAgency, null);
        db.Organizations.Add(org);
        await db.SaveChangesAsync();
        var now = DateTime.UtcNow;
        var day = DateOnly.FromDateTime(now);
        Proposal New(string code, decimal total, decimal share)
        {
            var p = new Proposal(new ProposalDraft(code, "Đề án số liệu " + code, "Mục tiêu", null, 2024, 2024, total, share),
                new ProposalContext(item.ProgramId, new YearRange(2018, 2025), item.Id, org.Id), Specialist, now.AddMinutes(-60));
            p.Submit(Specialist, now.AddMinutes(-50), null);
            db.Proposals.Add(p);
            return p;
        }

        New("FIG-SUBMITTED", 1_000 * M, 300 * M);
        New("FIG-APPRAISED", 800 * M, 200 * M).Appraise(Center, now.AddMinutes(-40), day, "Đồng ý", 700 * M, 150 * M);
        var approved = New("FIG-APPROVED", 600 * M, 300 * M);
        approved.Appraise(Center, now.AddMinutes(-40), day, "Đồng ý", 600 * M, 300 * M);
        approved.Approve(Leader, now.AddMinutes(-30), "1/QĐ-SCT", day, 500 * M, 250 * M, null);
        var settled = New("FIG-SETTLED", 400 * M, 200 * M);
        settled.Appraise(Center, now.AddMinutes(-40), day, "Đồng ý", 400 * M, 200 * M);
        settled.Approve(Leader, now.AddMinutes(-30), "2/QĐ-SCT", day, 380 * M, 190 * M, null);
        settled.StartImplementation(Center, now.AddMinutes(-20), null);
        settled.Accept(Center, now.AddMinutes(-10), day, "Đạt");
        settled.Settle(Center, now.AddMinutes(-5), "3/QĐ-TT", day, 350 * M, 180 * M, 0m, null);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_appendix_counts_the_settled_figure_else_the_approved_one()
    {
        var appendix = await portal.ScopedAsync(sp => sp.GetRequiredService<AppendixQuery>().BuildAsync("2018-2025", 2024, 2024));
        var item = appendix.Groups.SelectMany(g => g.Items).Single(i => i.Code == "3.3");
        Assert.Equal(2, item.Figures.ProposalCount);
        Assert.Equal(850 * M, item.Figures.TotalCost);
        Assert.Equal(430 * M, item.Figures.ProvincialShare);
    }

    [Fact]
    public async Task The_year_matrix_and_the_printed_register_count_the_same_figures()
    {
        var matrix = await portal.ScopedAsync(sp => sp.GetRequiredService<YearMatrixQuery>().BuildAsync("2018-2025", 2024, 2024));
        Assert.Equal(430 * M, matrix.GrandTotal);
        var register = await portal.ScopedAsync(sp => sp.GetRequiredService<RegisterQuery>().BuildAsync("2018-2025", 2024, 2024));
        Assert.Equal(850 * M, register.Total.TotalCost);
        Assert.Equal(430 * M, register.Total.ProvincialShare);
    }

    [Fact]
    public async Task The_register_page_shows_each_proposal_at_its_current_figure()
    {
        var page = await portal.ScopedAsync(sp => sp.GetRequiredService<ProposalQueries>().RegisterAsync(new RegisterFilter(ProgramCode: "2018-2025", Year: 2024)));
        Assert.Equal(4, page.TotalCount);
        Assert.Equal(2_650 * M, page.TotalCost); // 1.000 requested + 800 requested + 500 approved + 350 settled
        Assert.Equal(930 * M, page.ProvincialShare); // 300 + 200 + 250 + 180
    }

    [Fact]
    public async Task The_estimate_plans_the_latest_figure_recommendation_included()
    {
        var programId = await ReadAsync(portal, db => db.Programs.Where(p => p.Code == "2018-2025").Select(p => p.Id).SingleAsync());
        var planned = await portal.ScopedAsync(sp => sp.GetRequiredService<EstimateService>().PlannedByItemAsync(programId, 2024));
        Assert.Equal(880 * M, planned.Values.Single()); // 300 requested + 150 recommended + 250 approved + 180 settled
    }

    [Fact]
    public async Task The_domain_reads_the_same_figures_in_memory()
    {
        var proposals = await ReadAsync(portal, db => db.Proposals.AsNoTracking().Where(p => p.Code.StartsWith("FIG-")).ToDictionaryAsync(p => p.Code));
        Assert.Equal((0m, 0m, 1_000 * M, 300 * M, 300 * M), Figures(proposals["FIG-SUBMITTED"]));
        Assert.Equal((0m, 0m, 800 * M, 200 * M, 150 * M), Figures(proposals["FIG-APPRAISED"]));
        Assert.Equal((500 * M, 250 * M, 500 * M, 250 * M, 250 * M), Figures(proposals["FIG-APPROVED"]));
        Assert.Equal((350 * M, 180 * M, 350 * M, 180 * M, 180 * M), Figures(proposals["FIG-SETTLED"]));

        static (decimal, decimal, decimal, decimal, decimal) Figures(Proposal p) =>
            (p.CountedTotalCost(), p.CountedProvincialShare(), p.EffectiveTotalCost(), p.EffectiveProvincialShare(), p.PlannedProvincialShare());
    }
}

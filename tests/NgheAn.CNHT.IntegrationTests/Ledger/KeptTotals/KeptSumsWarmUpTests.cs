using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Disbursements;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Startup;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Ledger.KeptTotals;

/// <summary>
/// Issue 21 (ADR 0104 addendum 2): the kept ledger sums are built once per start, in the background as soon as the
/// database is ready, so the first dashboard and ledger page find them built; requests that arrive while they are built
/// wait for that one build instead of starting another.
/// </summary>
public sealed class KeptSumsWarmUpTests
{
    private static Task<int> ProgramCountAsync(CnhtFactory portal) =>
        portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Programs.CountAsync());

    [Fact]
    public async Task The_first_dashboard_and_ledger_page_after_a_start_find_the_sums_already_built()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        await portal.Services.GetRequiredService<KeptSumsWarmUp>().Done.WaitAsync(TimeSpan.FromMinutes(2));
        var sums = portal.Services.GetRequiredService<LedgerItemSums>();
        var programs = await ProgramCountAsync(portal);
        Assert.True(programs >= 2);
        // Built by the warm-up: once per program, before any request.
        Assert.Equal(programs, sums.Builds);

        var leader = await portal.SignInAsAsync("DoitLeader");
        foreach (var page in new[] { "/", "/Disbursements", "/Disbursements?program=2026-2030", "/Reports/View/annual?year=2024" })
        {
            Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync(page)).StatusCode);
        }

        Assert.Equal(programs, sums.Builds);
    }

    [Fact]
    public async Task Requests_arriving_while_the_database_is_prepared_in_the_background_share_the_one_build()
    {
        await using var portal = new CnhtFactory
        {
            Settings = { ["Portal:InitializeInBackground"] = "true" },
        };
        // The accounts are made once the database is prepared; the pages below race the warm-up, which starts as the gate opens.
        await portal.Services.GetRequiredService<DatabaseGate>().WaitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        await portal.EnsureDemoUsersAsync();
        var leaders = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => portal.SignInAsAsync("DoitLeader")));
        var pages = new[] { "/", "/Disbursements", "/Disbursements?kind=Advance", "/Reports/Reconciliation" };
        var answers = await Task.WhenAll(leaders.SelectMany(l => pages.Select(p => l.GetAsync(p))));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));

        await portal.Services.GetRequiredService<KeptSumsWarmUp>().Done.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(await ProgramCountAsync(portal), portal.Services.GetRequiredService<LedgerItemSums>().Builds);
    }

    [Fact]
    public async Task Concurrent_first_reads_build_a_program_once_and_agree_with_a_full_regrouping()
    {
        await using var portal = new CnhtFactory();
        var programId = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Programs.Where(p => p.Code == "2018-2025").Select(p => p.Id).SingleAsync());
        using var sums = new LedgerItemSums();
        // A caller that gives up while it waits does not disturb the build the others share.
        using var impatient = new CancellationTokenSource();
        await impatient.CancelAsync();
        var reads = Enumerable.Range(0, 8).Select(i => portal.ScopedAsync(async sp =>
        {
            try
            {
                return await sums.RowsAsync(sp.GetRequiredService<AppDbContext>(), programId, i == 3 ? impatient.Token : default);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        })).ToList();
        var results = await Task.WhenAll(reads);
        Assert.Equal(1, sums.Builds);

        var expected = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().DisbursementEntries.AsNoTracking()
            .Where(e => e.ProgramId == programId)
            .Select(e => new { e.Proposal.ContentItemId, e.EntryDate, e.Source, e.Kind, e.Amount })
            .ToListAsync());
        var grouped = expected.GroupBy(e => (e.ContentItemId, e.EntryDate.Year, e.Source, e.Kind))
            .ToDictionary(g => g.Key, g => (g.Count(), g.Sum(e => e.Amount)));
        Assert.NotEmpty(grouped);
        foreach (var rows in results.Where(r => r is not null))
        {
            Assert.Equal(grouped, rows!.ToDictionary(r => (r.ContentItemId, r.Year, r.Source, r.Kind), r => (r.Count, r.Amount)));
        }
    }
}

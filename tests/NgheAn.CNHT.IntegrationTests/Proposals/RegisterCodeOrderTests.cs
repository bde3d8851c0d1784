using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Startup;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Proposals;

/// <summary>
/// Issue 21, item 3 (ADR 0244): once a search's parts are kept, its pages in code order are its matches picked out of the
/// kept code order (every code's UTF-8 bytes, built off the request), not the match set sorted by code again in SQL after
/// every write to a proposal. Every page, in both directions, with and without a program, holds exactly the rows in
/// exactly the order of the plain <c>ORDER BY Code</c> (SQLite's BINARY collation: capitals before small letters, '-'
/// before '.' before digits before '_', Đ after every ASCII letter), and still after raw writes give a match a new code,
/// delete one and add one (taken in per proposal, no rebuild).
/// </summary>
public sealed class RegisterCodeOrderTests : IAsyncLifetime, IDisposable
{
    private const string Word = "thunghiemma";

    private readonly CnhtFactory _portal = new();
    private HttpClient _client = null!;
    private int _programId;

    public async Task InitializeAsync()
    {
        await _portal.EnsureDemoUsersAsync();
        _client = await _portal.SignInAsAsync("DoitSpecialist");
        _programId = await ReadAsync(db => db.Programs.Where(p => p.Code == "2018-2025").Select(p => p.Id).SingleAsync());
        await RawAsync(await CopyProposalsSqlAsync(0, 180));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _client?.Dispose();
        _portal.Dispose();
    }

    private Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read) => _portal.ScopedAsync(sp => read(sp.GetRequiredService<AppDbContext>()));

    private Task<int> RawAsync(string sql) => RawWrites.RunAsync(_portal, sql);

    /// <summary>A code per copy from five shapes that SQLite's BINARY order and an ordinal of the characters both put apart.</summary>
    private static string CodeOf(int i) => (i % 5) switch
    {
        0 => $"tc-{i:D4}",
        1 => $"TC-{(i * 37) % 1000:D4}-{i}",
        2 => $"TC_{i:D4}",
        3 => $"TC.{i:D4}",
        _ => $"ĐA-{i:D4}",
    };

    /// <summary>Copies of every program's demo proposals, each findable by <see cref="Word"/>, with codes of <see cref="CodeOf"/>.</summary>
    private async Task<string> CopyProposalsSqlAsync(int from, int count)
    {
        var columns = await RegisterPages.ColumnsAsync(_portal, "Proposals");
        var sources = await ReadAsync(db => db.Proposals.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        return RegisterPages.CopyProposalsSql(columns, Enumerable.Range(from, count).Select(i => (sources[i % sources.Count], (Func<string, string?>)(c => c switch
        {
            "Code" => $"'{CodeOf(i)}'",
            "SearchText" => $"\"SearchText\" || ' {Word}'",
            _ => null,
        }))));
    }

    /// <summary>The order the register's search had: one SQL ORDER BY Code over the matches.</summary>
    private Task<List<string>> PlainOrderAsync(bool descending, bool program) =>
        ReadAsync(async db =>
        {
            var q = db.Proposals.AsNoTracking();
            if (program)
            {
                q = q.Where(p => p.ProgramId == _programId);
            }

            q = NgheAn.CNHT.Application.Search.ProposalSearch.Matching(q, db, Word);
            return await (descending ? q.OrderByDescending(p => p.Code) : q.OrderBy(p => p.Code)).Select(p => p.Code).ToListAsync();
        });

    private async Task<List<string>> EveryPageAsync(bool descending, bool program) =>
        (await RegisterPages.EveryPageAsync(_client, Query(descending, program))).ConvertAll(c => WebUtility.HtmlDecode(c) ?? "");

    private static string Query(bool descending, bool program) =>
        string.Join("&", new[] { program ? "program=2018-2025" : null, "q=" + Word, "sort=Code", descending ? "desc=true" : null }.OfType<string>());

    [Fact]
    public async Task A_kept_search_s_pages_in_code_order_come_from_the_kept_code_order_and_hold_the_plain_order_after_raw_writes()
    {
        var kept = _portal.Services.GetRequiredService<KeptRegisterFigures>();
        var codes = _portal.Services.GetRequiredService<KeptCodeOrder>();
        await _portal.Services.GetRequiredService<ProposalPageWarmUp>().Done.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(codes.IsBuilt, "the start's warm-up keeps the code order");

        foreach (var program in new[] { false, true })
        {
            var ascending = await PlainOrderAsync(false, program);
            Assert.True(ascending.Count > 2 * ProposalQueries.PageSize, $"only {ascending.Count} matches: the arranged data must span pages");
            Assert.Contains(ascending, c => c.StartsWith("tc-", StringComparison.Ordinal));
            Assert.Contains(ascending, c => c.StartsWith("ĐA-", StringComparison.Ordinal));

            // The first visit answers from SQL (the parts are read off the request); once kept, after a write to another
            // proposal (the pages kept per version are then gone), every page of both directions comes from the kept
            // code order, equally right.
            Assert.Equal(ascending, await EveryPageAsync(false, program));
            await kept.WhenIdleAsync();
            foreach (var descending in new[] { false, true })
            {
                await RawAsync($"UPDATE \"Proposals\" SET \"ConcurrencyStamp\" = '{Guid.NewGuid():N}' WHERE \"Id\" = 1;");
                var pages = kept.CodePages;
                var expected = descending ? await PlainOrderAsync(true, program) : ascending;
                Assert.Equal(expected, await EveryPageAsync(descending, program));
                var count = (expected.Count / ProposalQueries.PageSize) + 1;
                Assert.True(kept.CodePages - pages >= count, $"{kept.CodePages - pages} pages from the kept code order of {count}");
            }
        }

        // A write to a match that leaves its code and its membership as they were (an edit: its stamp renewed) is taken in
        // without a new version of the code order and without picking the search's matches again (ADR 0244).
        var stamped = await ReadAsync(db => db.Proposals.Where(p => p.Code.StartsWith("TC-")).Select(p => p.Id).FirstAsync());
        var (versions, picks, stampTakeIns) = (codes.Versions, kept.Picks, codes.TakeIns);
        await RawAsync($"UPDATE \"Proposals\" SET \"ConcurrencyStamp\" = '{Guid.NewGuid():N}' WHERE \"Id\" = {stamped};");
        var pagesBefore = kept.CodePages;
        Assert.Equal(await PlainOrderAsync(false, false), await EveryPageAsync(false, false));
        Assert.True(kept.CodePages > pagesBefore, "the kept code order did not answer after the edit");
        Assert.True(codes.TakeIns > stampTakeIns, "the edit was not taken in");
        Assert.Equal(versions, codes.Versions);
        Assert.Equal(picks, kept.Picks);

        // Raw writes, as any writer makes them: a match's code moves from the middle to the end, one is deleted, one added.
        var builds = codes.Builds;
        var takeIns = codes.TakeIns;
        versions = codes.Versions;
        var ids = await ReadAsync(db => db.Proposals.Where(p => p.Code.StartsWith("TC_")).OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync());
        await RawAsync($"""
            UPDATE "Proposals" SET "Code" = 'zz-moved' WHERE "Id" = {ids[0]};
            DELETE FROM "Proposals" WHERE "Id" = {ids[1]};
            """);
        await RawAsync(await CopyProposalsSqlAsync(1000, 1));
        foreach (var descending in new[] { false, true })
        {
            var pages = kept.CodePages;
            var expected = await PlainOrderAsync(descending, false);
            Assert.Contains("zz-moved", expected);
            Assert.Equal(expected, await EveryPageAsync(descending, false));
            Assert.True(kept.CodePages > pages, "the kept code order did not answer");
        }

        Assert.Equal(builds, codes.Builds);
        Assert.True(codes.TakeIns > takeIns, "the writes were not taken in per proposal");
        Assert.True(codes.Versions > versions, "a new code made no new version of the order");
    }
}

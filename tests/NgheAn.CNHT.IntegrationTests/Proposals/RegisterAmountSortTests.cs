using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Proposals;

/// <summary>
/// Issue 21, item 2 (ADR 0238): once a filter's parts are kept, the register sorted by total cost or provincial share
/// reads only the proposals whose amounts the page spans (found in the kept parts, ordered in memory) and lets SQL order
/// those by amount and code. Every page, in both directions, with and without a program and a search, holds exactly the
/// rows in exactly the order of the plain SQL ORDER BY over the whole filtered set, amounts shared by many proposals
/// across page boundaries included, and still after raw writes move a proposal's amount, take one out of the filter
/// and delete one.
/// </summary>
public sealed class RegisterAmountSortTests : IAsyncLifetime, IDisposable
{
    private readonly CnhtFactory _portal = new();
    private HttpClient _client = null!;
    private int _programId;

    public async Task InitializeAsync()
    {
        await _portal.EnsureDemoUsersAsync();
        _client = await _portal.SignInAsAsync("DoitLeader");
        _programId = await ReadAsync(db => db.Programs.Where(p => p.Code == "2018-2025").Select(p => p.Id).SingleAsync());
        await RawAsync(await CopyProposalsSqlAsync(170));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _client?.Dispose();
        _portal.Dispose();
    }

    private Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read) => _portal.ScopedAsync(sp => read(sp.GetRequiredService<AppDbContext>()));

    private Task<int> RawAsync(string sql) => RawWrites.RunAsync(_portal, sql);

    /// <summary>
    /// Copies of the program's demo proposals with new codes (not in amount order) and approved amounts that only seven
    /// values take (so about 24 proposals share each, across the pages of 50), shares only five.
    /// </summary>
    private async Task<string> CopyProposalsSqlAsync(int count)
    {
        var columns = await RegisterPages.ColumnsAsync(_portal, "Proposals");
        var sources = await ReadAsync(db => db.Proposals.Where(p => p.ProgramId == _programId).Select(p => p.Id).ToListAsync());
        return RegisterPages.CopyProposalsSql(columns, Enumerable.Range(0, count).Select(i => (sources[i % sources.Count], (Func<string, string?>)(c => c switch
        {
            "Code" => $"'TA-{(i * 37) % count:D4}'",
            "SettledTotalCost" or "SettledProvincialShare" => "NULL",
            "ApprovedTotalCost" => (((i * 3) % 7) * 250_000_000L).ToString(CultureInfo.InvariantCulture),
            "ApprovedProvincialShare" => (((i * 2) % 5) * 90_000_000L).ToString(CultureInfo.InvariantCulture),
            _ => null,
        }))));
    }

    /// <summary>The order the register had before: one SQL ORDER BY over the filtered set.</summary>
    private Task<List<string>> PlainOrderAsync(RegisterSort sort, bool descending, bool program, string? search) =>
        ReadAsync(async db =>
        {
            var q = db.Proposals.AsNoTracking();
            if (program)
            {
                q = q.Where(p => p.ProgramId == _programId);
            }

            q = NgheAn.CNHT.Application.Search.ProposalSearch.Matching(q, db, search);
            var ordered = sort == RegisterSort.TotalCost
                ? descending ? q.OrderByDescending(p => p.EffectiveTotalCost()).ThenBy(p => p.Code) : q.OrderBy(p => p.EffectiveTotalCost()).ThenBy(p => p.Code)
                : descending ? q.OrderByDescending(p => p.EffectiveProvincialShare()).ThenBy(p => p.Code) : q.OrderBy(p => p.EffectiveProvincialShare()).ThenBy(p => p.Code);
            return await ordered.Select(p => p.Code).ToListAsync();
        });

    private Task<List<string>> EveryPageAsync(string query) => RegisterPages.EveryPageAsync(_client, query);

    private static string Filter(bool program, string? search) =>
        string.Join("&", new[] { program ? "program=2018-2025" : null, search is null ? null : "q=" + Uri.EscapeDataString(search) }.OfType<string>());

    private static string Query(RegisterSort sort, bool descending, bool program, string? search) =>
        string.Join("&", new[] { Filter(program, search), $"sort={sort}", descending ? "desc=true" : null }.Where(p => !string.IsNullOrEmpty(p)));

    /// <summary>Visits the filter (its first visit answers from the aggregate) and waits for its parts to be kept.</summary>
    private async Task KeepAsync(bool program, string? search)
    {
        await _client.GetStringAsync($"/Proposals?{Filter(program, search)}");
        await _portal.Services.GetRequiredService<KeptRegisterFigures>().WhenIdleAsync();
    }

    public static TheoryData<RegisterSort, bool, bool, string?> Orders()
    {
        var data = new TheoryData<RegisterSort, bool, bool, string?>();
        foreach (var sort in new[] { RegisterSort.TotalCost, RegisterSort.ProvincialShare })
        {
            foreach (var descending in new[] { false, true })
            {
                data.Add(sort, descending, false, null);
                data.Add(sort, descending, true, null);
                data.Add(sort, descending, true, "cong ty");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Every_page_of_a_kept_filter_holds_the_rows_of_the_plain_order(RegisterSort sort, bool descending, bool program, string? search)
    {
        var kept = _portal.Services.GetRequiredService<KeptRegisterFigures>();
        var expected = await PlainOrderAsync(sort, descending, program, search);
        Assert.True(expected.Count > (search is null ? 3 : 1) * ProposalQueries.PageSize, $"only {expected.Count} rows: the arranged data must span pages");

        // Not kept yet: the first page answers from the plain sort (and is right); its visit has the parts read off the request.
        Assert.Equal(expected, await EveryPageAsync(Query(sort, descending, program, search)));
        await kept.WhenIdleAsync();

        // Kept: the other direction (no page of it kept yet) answers every page from the kept order, equally right.
        var slices = kept.AmountSlices;
        var reversed = await PlainOrderAsync(sort, !descending, program, search);
        Assert.Equal(reversed, await EveryPageAsync(Query(sort, !descending, program, search)));
        var pages = (reversed.Count + ProposalQueries.PageSize - 1) / ProposalQueries.PageSize;
        Assert.True(kept.AmountSlices - slices >= pages, $"{kept.AmountSlices - slices} pages from the kept order of {pages}");
    }

    [Fact]
    public async Task Raw_writes_are_taken_in_and_the_pages_still_hold_the_plain_order()
    {
        var kept = _portal.Services.GetRequiredService<KeptRegisterFigures>();
        await KeepAsync(true, null);
        var query = Query(RegisterSort.TotalCost, true, true, null);
        Assert.Equal(await PlainOrderAsync(RegisterSort.TotalCost, true, true, null), await EveryPageAsync(query));
        var builds = kept.Builds;
        var slices = kept.AmountSlices;

        // One proposal to the top, one to a tie in the middle, one out of the program, one deleted.
        var ids = await ReadAsync(db => db.Proposals.Where(p => p.ProgramId == _programId && p.Code.StartsWith("TA-")).OrderBy(p => p.Id).Select(p => p.Id).Take(4).ToListAsync());
        var other = await ReadAsync(db => db.Programs.Where(p => p.Id != _programId).Select(p => p.Id).FirstAsync());
        await RawAsync($"""
            UPDATE "Proposals" SET "SettledTotalCost" = 999999999000 WHERE "Id" = {ids[0]};
            UPDATE "Proposals" SET "ApprovedTotalCost" = 750000000, "SettledTotalCost" = NULL WHERE "Id" = {ids[1]};
            UPDATE "Proposals" SET "ProgramId" = {other} WHERE "Id" = {ids[2]};
            DELETE FROM "Proposals" WHERE "Id" = {ids[3]};
            """);
        var expected = await PlainOrderAsync(RegisterSort.TotalCost, true, true, null);
        Assert.Equal(expected, await EveryPageAsync(query));
        Assert.Equal(await ReadAsync(db => db.Proposals.Where(p => p.Id == ids[0]).Select(p => p.Code).SingleAsync()), expected[0]);
        Assert.DoesNotContain(await ReadAsync(db => db.Proposals.Where(p => p.Id == ids[2]).Select(p => p.Code).SingleAsync()), expected);
        Assert.Equal(builds, kept.Builds);
        Assert.True(kept.AmountSlices > slices);
        Assert.Equal(await PlainOrderAsync(RegisterSort.ProvincialShare, false, true, null), await EveryPageAsync(Query(RegisterSort.ProvincialShare, false, true, null)));
    }

}

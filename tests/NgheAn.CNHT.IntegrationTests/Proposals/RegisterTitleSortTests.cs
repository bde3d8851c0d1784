using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Proposals;

/// <summary>
/// Issue 21, item 2 (ADR 0238): once the title order is kept (every title's Vietnamese sort key, built off the request)
/// and a filter's parts are kept, the register sorted by title picks the filter's proposals out of that order and reads
/// the page's 50 by id. Every page, in both directions, with and without a program and a search, holds exactly the rows
/// in exactly the order of the plain <c>ORDER BY Title COLLATE Vietnamese_CI_AS, Id</c> over the whole filtered set
/// (titles equal but for case, Đ after D, Ă and Â after A), and still after raw writes give a proposal a new title,
/// add one and delete one (taken in per proposal, no rebuild).
/// </summary>
public sealed class RegisterTitleSortTests : IAsyncLifetime, IDisposable
{
    private static readonly string[] Titles =
    [
        "Đào tạo nguồn nhân lực (minh họa)", "ĐÀO TẠO NGUỒN NHÂN LỰC (MINH HỌA)", "Dao tao nguon nhan luc (minh họa)",
        "Ăn khớp chuỗi cung ứng (minh họa)", "Ân cần hỗ trợ (minh họa)", "An toàn lao động (minh họa)", "Zeta cơ khí (minh họa)",
        "Khảo sát thị trường (minh họa)", "khảo sát thị trường (minh họa)", "Ứng dụng công nghệ (minh họa)", "Úng dụng (minh họa)",
    ];

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

    private Task<List<string>> ColumnsAsync() => RegisterPages.ColumnsAsync(_portal, "Proposals");

    /// <summary>Copies of the program's demo proposals with new codes and titles from a short list (about 15 share each).</summary>
    private async Task<string> CopyProposalsSqlAsync(int count, int from = 0)
    {
        var columns = await ColumnsAsync();
        var sources = await ReadAsync(db => db.Proposals.Where(p => p.ProgramId == _programId).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        return RegisterPages.CopyProposalsSql(columns, Enumerable.Range(from, count).Select(i => (sources[i % sources.Count], (Func<string, string?>)(c => c switch
        {
            "Code" => $"'TT-{(i * 37) % 1000:D4}'",
            "Title" => $"'{Titles[(i * 5) % Titles.Length]}'",
            _ => null,
        }))));
    }

    /// <summary>The order the register had before: one SQL ORDER BY over the filtered set, through the collation.</summary>
    private Task<List<string>> PlainOrderAsync(bool descending, bool program, string? search) =>
        ReadAsync(async db =>
        {
            var q = db.Proposals.AsNoTracking();
            if (program)
            {
                q = q.Where(p => p.ProgramId == _programId);
            }

            q = NgheAn.CNHT.Application.Search.ProposalSearch.Matching(q, db, search);
            return await q.OrderByVietnamese(p => p.Title, descending).ThenBy(p => p.Id).Select(p => p.Code).ToListAsync();
        });

    private Task<List<string>> EveryPageAsync(string query) => RegisterPages.EveryPageAsync(_client, query);

    private static string Filter(bool program, string? search) =>
        string.Join("&", new[] { program ? "program=2018-2025" : null, search is null ? null : "q=" + Uri.EscapeDataString(search) }.OfType<string>());

    private static string Query(bool descending, bool program, string? search) =>
        string.Join("&", new[] { Filter(program, search), "sort=Title", descending ? "desc=true" : null }.Where(p => !string.IsNullOrEmpty(p)));

    /// <summary>Visits the filter sorted by title (its parts and the title order are then read off the request) and waits for both.</summary>
    private async Task KeepAsync(bool descending, bool program, string? search)
    {
        await _client.GetStringAsync($"/Proposals?{Query(descending, program, search)}");
        await _portal.Services.GetRequiredService<KeptRegisterFigures>().WhenIdleAsync();
        await _client.GetStringAsync($"/Proposals?{string.Join("&", new[] { Filter(program, search), "sort=Code" }.Where(p => p.Length > 0))}");
        await _portal.Services.GetRequiredService<KeptRegisterFigures>().WhenIdleAsync();
    }

    [Theory]
    [InlineData(false, false, null)]
    [InlineData(true, false, null)]
    [InlineData(false, true, null)]
    [InlineData(true, true, null)]
    [InlineData(false, true, "cong ty")]
    [InlineData(true, true, "cong ty")]
    public async Task Every_page_from_the_kept_title_order_holds_the_rows_of_the_plain_order(bool descending, bool program, string? search)
    {
        var kept = _portal.Services.GetRequiredService<KeptRegisterFigures>();
        var expected = await PlainOrderAsync(descending, program, search);
        Assert.True(expected.Count > (search is null ? 3 : 1) * ProposalQueries.PageSize, $"only {expected.Count} rows: the arranged data must span pages");

        // The first visit: the filter's parts are not kept; with the title order kept by the start's warm-up, a filter
        // without a search walks the order asking SQL which proposals it holds; a search sorts in SQL. Every page is right.
        var titles = _portal.Services.GetRequiredService<KeptTitleOrder>();
        await _portal.Services.GetRequiredService<NgheAn.CNHT.Infrastructure.Startup.ProposalPageWarmUp>().Done.WaitAsync(TimeSpan.FromMinutes(2));
        var walks = titles.Walks;
        Assert.Equal(expected, await EveryPageAsync(Query(descending, program, search)));
        Assert.True(search is null ? titles.Walks > walks : titles.Walks == walks, $"{titles.Walks - walks} walks");
        await KeepAsync(descending, program, search);
        Assert.True(_portal.Services.GetRequiredService<KeptTitleOrder>().Builds >= 1);

        // Kept: the other direction (no page of it kept yet) answers every page from the kept orders, equally right.
        var pages = kept.TitlePages;
        var reversed = await PlainOrderAsync(!descending, program, search);
        Assert.Equal(reversed, await EveryPageAsync(Query(!descending, program, search)));
        var count = (reversed.Count + ProposalQueries.PageSize - 1) / ProposalQueries.PageSize;
        Assert.True(kept.TitlePages - pages >= count, $"{kept.TitlePages - pages} pages from the kept order of {count}");
    }

    [Fact]
    public async Task Raw_writes_to_titles_are_taken_in_per_proposal_and_the_pages_still_hold_the_plain_order()
    {
        var kept = _portal.Services.GetRequiredService<KeptRegisterFigures>();
        var titles = _portal.Services.GetRequiredService<KeptTitleOrder>();
        await KeepAsync(false, true, null);
        Assert.Equal(await PlainOrderAsync(false, true, null), await EveryPageAsync(Query(false, true, null)));
        var builds = titles.Builds;
        var takeIns = titles.TakeIns;

        // A new title between two of the list, one equal to another but for case, a new proposal, one deleted.
        var ids = await ReadAsync(db => db.Proposals.Where(p => p.ProgramId == _programId && p.Code.StartsWith("TT-")).OrderBy(p => p.Id).Select(p => p.Id).Take(3).ToListAsync());
        await RawAsync($"""
            UPDATE "Proposals" SET "Title" = 'Đầu tư máy móc (minh họa)' WHERE "Id" = {ids[0]};
            UPDATE "Proposals" SET "Title" = 'ZETA CƠ KHÍ (MINH HỌA)' WHERE "Id" = {ids[1]};
            DELETE FROM "Proposals" WHERE "Id" = {ids[2]};
            """);
        await RawAsync(await CopyProposalsSqlAsync(1, from: 500));

        foreach (var descending in new[] { false, true })
        {
            var pages = kept.TitlePages;
            var expected = await PlainOrderAsync(descending, true, null);
            Assert.Equal(expected, await EveryPageAsync(Query(descending, true, null)));
            Assert.True(kept.TitlePages > pages, "the kept order did not answer");
        }

        Assert.Equal(builds, titles.Builds);
        Assert.True(titles.TakeIns > takeIns);
    }

}

using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Proposals;

/// <summary>
/// Issue 21, item 2 (ADR 0237): the register sorted by lead unit or by item is read by buckets (the filtered set's count
/// per lead unit or item, kept with its totals, walked to the page) instead of a sort of the whole set by a joined name.
/// Every page, in both directions, with and without filters, holds exactly the rows in exactly the order of the plain
/// SQL ORDER BY (the Vietnamese collation, then the code) it replaced; after raw writes to proposals the kept totals and
/// counts are taken in per proposal (no rebuild) and still equal a reading of every row; a lead unit's new name rebuilds
/// a search's figures, not a plain filter's.
/// </summary>
public sealed partial class RegisterBucketSortTests : IAsyncLifetime, IDisposable
{
    private readonly CnhtFactory _portal = new();
    private HttpClient _client = null!;
    private int _programId;

    public async Task InitializeAsync()
    {
        await _portal.EnsureDemoUsersAsync();
        _client = await _portal.SignInAsAsync("DoitLeader");
        _programId = await ReadAsync(db => db.Programs.Where(p => p.Code == "2018-2025").Select(p => p.Id).SingleAsync());

        // Lead units whose names tie in Vietnamese order (case only) or sort by their letters (Đ after D, Á after A), and
        // 160 more proposals copied from the demo ones, spread over them, the demo lead units and the program's items.
        await RawAsync(await CopyOrganizationsSqlAsync(["Công ty Ánh Dương (minh họa)", "CÔNG TY ÁNH DƯƠNG (MINH HỌA)", "Công ty Đông Á (minh họa)", "Công ty Dệt Zeta (minh họa)", "công ty anh dương (minh họa)"]));
        await RawAsync(await CopyProposalsSqlAsync(160));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _client?.Dispose();
        _portal.Dispose();
    }

    private Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read) => _portal.ScopedAsync(sp => read(sp.GetRequiredService<AppDbContext>()));

    private Task<int> RawAsync(string sql) => RawWrites.RunAsync(_portal, sql);

    private async Task<string> CopyOrganizationsSqlAsync(IReadOnlyList<string> names)
    {
        var copied = (await ColumnsAsync("Organizations")).Where(c => c is not "Id").ToList();
        return string.Join("\n", names.Select((name, i) =>
        {
            var values = copied.Select(c => c switch
            {
                "Name" => $"'{name}'",
                "SearchText" => $"'{name.ToLowerInvariant()}'",
                "TaxCode" => $"'29{i:D8}'",
                "ConcurrencyStamp" => $"'{Guid.NewGuid():N}'",
                _ => $"\"{c}\"",
            });
            return $"INSERT INTO \"Organizations\" ({string.Join(", ", copied.Select(c => $"\"{c}\""))}) SELECT {string.Join(", ", values)} FROM \"Organizations\" ORDER BY \"Id\" LIMIT 1;";
        }));
    }

    private Task<List<string>> ColumnsAsync(string table) => RegisterPages.ColumnsAsync(_portal, table);

    /// <summary>Copies of the demo proposals with new codes, each given a lead unit and an item in turn (raw SQL: every column copied).</summary>
    private async Task<string> CopyProposalsSqlAsync(int count)
    {
        var columns = await ColumnsAsync("Proposals");
        var organizations = await ReadAsync(db => db.Organizations.Select(o => o.Id).ToListAsync());
        var items = await ReadAsync(db => db.ContentItems.Where(i => i.Group.ProgramId == _programId).Select(i => i.Id).ToListAsync());
        var sources = await ReadAsync(db => db.Proposals.Where(p => p.ProgramId == _programId).Select(p => p.Id).ToListAsync());
        // Codes not in the order of their lead units or items, so a sort by code alone would not pass.
        return RegisterPages.CopyProposalsSql(columns, Enumerable.Range(0, count).Select(i => (sources[i % sources.Count], (Func<string, string?>)(c => c switch
        {
            "Code" => $"'TS-{(i * 37) % count:D4}'",
            "LeadOrganizationId" => organizations[(i * 7) % organizations.Count].ToString(CultureInfo.InvariantCulture),
            "ContentItemId" => items[(i * 5) % items.Count].ToString(CultureInfo.InvariantCulture),
            _ => null,
        }))));
    }

    /// <summary>The order the register had before ADR 0237: one SQL ORDER BY over the filtered set.</summary>
    private Task<List<string>> PlainOrderAsync(RegisterSort sort, bool descending, int? programId, string? search) =>
        ReadAsync(async db =>
        {
            var q = db.Proposals.AsNoTracking();
            if (programId is { } id)
            {
                q = q.Where(p => p.ProgramId == id);
            }

            q = NgheAn.CNHT.Application.Search.ProposalSearch.Matching(q, db, search);
            var ordered = sort == RegisterSort.Organization
                ? q.OrderByVietnamese(p => p.LeadOrganization.Name, descending).ThenBy(p => p.Code)
                : descending
                    ? q.OrderByDescending(p => p.ContentItem.Group.SortOrder).ThenByDescending(p => p.ContentItem.SortOrder).ThenByDescending(p => p.Code)
                    : q.OrderBy(p => p.ContentItem.Group.SortOrder).ThenBy(p => p.ContentItem.SortOrder).ThenBy(p => p.Code);
            return await ordered.Select(p => p.Code).ToListAsync();
        });

    private Task<List<string>> EveryPageAsync(string query) => RegisterPages.EveryPageAsync(_client, query);

    private static string Query(RegisterSort sort, bool descending, bool program, string? search) =>
        $"sort={sort}{(descending ? "&desc=true" : "")}{(program ? "&program=2018-2025" : "")}{(search is null ? "" : "&q=" + Uri.EscapeDataString(search))}";

    public static TheoryData<RegisterSort, bool, bool, string?> Orders()
    {
        var data = new TheoryData<RegisterSort, bool, bool, string?>();
        foreach (var sort in new[] { RegisterSort.Organization, RegisterSort.Item })
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
    public async Task Every_page_holds_the_rows_of_the_plain_order(RegisterSort sort, bool descending, bool program, string? search)
    {
        var expected = await PlainOrderAsync(sort, descending, program ? _programId : null, search);
        Assert.True(expected.Count > 2 * ProposalQueries.PageSize, $"only {expected.Count} rows: the arranged data must span pages");
        Assert.Equal(expected, await EveryPageAsync(Query(sort, descending, program, search)));
    }

    [Fact]
    public async Task Raw_writes_to_proposals_are_taken_in_per_proposal_and_a_lead_unit_s_name_rebuilds_only_a_search()
    {
        var kept = _portal.Services.GetRequiredService<KeptRegisterFigures>();
        var plain = Query(RegisterSort.Organization, false, true, null);
        var search = Query(RegisterSort.Item, true, true, "dao tao");
        Assert.Equal(await PlainOrderAsync(RegisterSort.Organization, false, _programId, null), await EveryPageAsync(plain));
        Assert.Equal(await PlainOrderAsync(RegisterSort.Item, true, _programId, "dao tao"), await EveryPageAsync(search));
        var builds = kept.Builds;
        var takeIns = kept.TakeIns;

        // A proposal moved to another lead unit and item, one given a new approved figure, one out of the program's search
        // (new title), one deleted: each filter takes them in by id, no rebuild, and every page and total is right.
        var ids = await ReadAsync(db => db.Proposals.Where(p => p.ProgramId == _programId && p.Code.StartsWith("TS-")).OrderBy(p => p.Id).Select(p => p.Id).Take(4).ToListAsync());
        var (otherOrg, otherItem) = await ReadAsync(async db => (
            await db.Organizations.Where(o => o.Name == "Công ty Dệt Zeta (minh họa)").Select(o => o.Id).SingleAsync(),
            await db.ContentItems.Where(i => i.Group.ProgramId == _programId).OrderByDescending(i => i.Id).Select(i => i.Id).FirstAsync()));
        await RawAsync($"""
            UPDATE "Proposals" SET "LeadOrganizationId" = {otherOrg}, "ContentItemId" = {otherItem} WHERE "Id" = {ids[0]};
            UPDATE "Proposals" SET "ApprovedTotalCost" = 123456789000, "SettledTotalCost" = NULL WHERE "Id" = {ids[1]};
            UPDATE "Proposals" SET "Title" = 'Khảo sát thị trường (minh họa)' WHERE "Id" = {ids[2]};
            DELETE FROM "Proposals" WHERE "Id" = {ids[3]};
            """);
        await AssertAgreesAsync(plain, RegisterSort.Organization, false, null);
        await AssertAgreesAsync(search, RegisterSort.Item, true, "dao tao");
        Assert.Equal(builds, kept.Builds);
        Assert.True(kept.TakeIns > takeIns);

        // A lead unit's new name: the plain filter keeps its figures (no name is read), the search builds again (a name
        // is searched); both still agree with the plain order.
        builds = kept.Builds;
        await RawAsync($"UPDATE \"Organizations\" SET \"Name\" = 'Công ty An Bình đào tạo (minh họa)' WHERE \"Id\" = {otherOrg}");
        await AssertAgreesAsync(plain, RegisterSort.Organization, false, null);
        Assert.Equal(builds, kept.Builds);
        await AssertAgreesAsync(search, RegisterSort.Item, true, "dao tao");
        Assert.Equal(builds + 1, kept.Builds);
    }

    [Fact]
    public async Task A_filter_s_first_visit_answers_from_the_aggregate_and_keeps_its_parts_for_the_next_write()
    {
        var kept = _portal.Services.GetRequiredService<KeptRegisterFigures>();
        const string query = "program=2018-2025&q=cong+ty&status=Implementing";
        var first = await _client.GetStringAsync($"/Proposals?{query}");
        await kept.WhenIdleAsync();
        var builds = kept.Builds;
        var takeIns = kept.TakeIns;
        Assert.Equal(await ExpectedCountAsync(ProposalStatus.Implementing, "cong ty"), Figure(first, "total-count"));

        // A write to a proposal the filter holds: the kept parts take it in (no build), the figures are right.
        var id = await ReadAsync(db => db.Proposals.Where(p => p.ProgramId == _programId && p.Status == ProposalStatus.Implementing).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        await RawAsync($"UPDATE \"Proposals\" SET \"Status\" = 'Accepted' WHERE \"Id\" = {id}");
        var html = await _client.GetStringAsync($"/Proposals?{query}");
        Assert.Equal(await ExpectedCountAsync(ProposalStatus.Implementing, "cong ty"), Figure(html, "total-count"));
        Assert.NotEqual(Figure(first, "total-count"), Figure(html, "total-count"));
        Assert.Equal(builds, kept.Builds);
        Assert.Equal(takeIns + 1, kept.TakeIns);
    }

    private Task<string> ExpectedCountAsync(ProposalStatus status, string search) =>
        ReadAsync(async db => (await NgheAn.CNHT.Application.Search.ProposalSearch.Matching(
            db.Proposals.Where(p => p.ProgramId == _programId && p.Status == status), db, search).CountAsync()).ToString(CultureInfo.InvariantCulture));

    private async Task AssertAgreesAsync(string query, RegisterSort sort, bool descending, string? search)
    {
        Assert.Equal(await PlainOrderAsync(sort, descending, _programId, search), await EveryPageAsync(query));
        var html = await _client.GetStringAsync($"/Proposals?{query}");
        var expected = await ReadAsync(async db => await ProposalQueries.Totals(
            NgheAn.CNHT.Application.Search.ProposalSearch.Matching(db.Proposals.Where(p => p.ProgramId == _programId), db, search)).SingleAsync());
        Assert.Equal(expected.Count.ToString(CultureInfo.InvariantCulture), Figure(html, "total-count"));
        Assert.Equal(VnFormat.Million(expected.TotalCost), Figure(html, "total-cost"));
        Assert.Equal(VnFormat.Million(expected.ProvincialShare), Figure(html, "provincial-share"));
    }

    private static string Figure(string html, string name) =>
        Regex.Match(html, $"data-figure=\"{name}\">([^<]*)<").Groups[1].Value.Trim();

}

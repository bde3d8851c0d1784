using NgheAn.CNHT.Application.Disbursements;
using NgheAn.CNHT.Application.Proposals;

namespace NgheAn.CNHT.UnitTests.Application;

/// <summary>
/// ADR 0238: the slice of a kept filter's parts a page sorted by an amount falls in. Whatever the page, the direction and
/// the ties, ordering the slice's proposals by amount then code (here the id stands for the code) and skipping as told
/// gives exactly the page of the whole set's order.
/// </summary>
public sealed class AmountSliceTests
{
    /// <summary>A log with nothing after the build: the parts stay as read.</summary>
    private sealed class QuietLog : IBalanceInputChanges
    {
        public Task<long> TopAsync(CancellationToken ct = default) => Task.FromResult(0L);

        public Task<IReadOnlyList<BalanceInputChange>> AfterAsync(long afterId, int take, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<BalanceInputChange>>([]);
    }

    private static async Task<(KeptRegisterFigures Kept, List<(int Id, RegisterPart Part)> Parts)> KeptAsync(int count, int distinctCosts, int seed)
    {
        var random = new Random(seed);
        var parts = Enumerable.Range(1, count)
            .Select(id => (Id: id * 3 + 7, Part: new RegisterPart(random.Next(distinctCosts) * 1_000_000m, random.Next(distinctCosts / 2 + 1) * 500_000m, 1, 1)))
            .ToList();
        var kept = new KeptRegisterFigures();
        await kept.ViewAsync("f", false, new QuietLog(), _ => Task.FromResult(parts.ToList()), CancellationToken.None);
        return (kept, parts);
    }

    private static List<int> Page(IEnumerable<(int Id, decimal Amount)> rows, bool descending, int skip, int take) =>
        (descending ? rows.OrderByDescending(r => r.Amount).ThenBy(r => r.Id) : rows.OrderBy(r => r.Amount).ThenBy(r => r.Id))
            .Skip(skip).Take(take).Select(r => r.Id).ToList();

    [Theory]
    [InlineData(237, 9, 1)]
    [InlineData(500, 400, 2)]
    [InlineData(120, 1, 3)]
    [InlineData(1, 5, 4)]
    public async Task Every_page_read_from_its_slice_is_the_page_of_the_whole_order(int count, int distinct, int seed)
    {
        var (kept, parts) = await KeptAsync(count, distinct, seed);
        foreach (var share in new[] { false, true })
        {
            var rows = parts.Select(p => (p.Id, Amount: share ? p.Part.Share : p.Part.Cost)).ToList();
            var byId = rows.ToDictionary(r => r.Id, r => r.Amount);
            foreach (var descending in new[] { false, true })
            {
                foreach (var take in new[] { 50, 7 })
                {
                    for (var skip = 0; skip <= count + take; skip += take)
                    {
                        var slice = await kept.AmountSliceAsync("f", share, descending, skip, take, int.MaxValue, CancellationToken.None);
                        Assert.NotNull(slice);
                        var fromSlice = Page(slice.Ids.Select(id => (id, byId[id])), descending, slice.Skip, take);
                        Assert.Equal(Page(rows, descending, skip, take), fromSlice);
                        Assert.True(slice.Skip >= 0 || slice.Ids.Length == 0);
                    }
                }
            }
        }
    }

    [Fact]
    public async Task Too_many_proposals_sharing_the_page_s_amounts_leave_the_page_to_the_plain_sort()
    {
        var (kept, _) = await KeptAsync(300, 1, 5);
        Assert.Null(await kept.AmountSliceAsync("f", false, false, 0, 50, 299, CancellationToken.None));
        Assert.Equal(300, (await kept.AmountSliceAsync("f", false, false, 0, 50, 300, CancellationToken.None))!.Ids.Length);
        Assert.Null(await kept.AmountSliceAsync("unknown", false, false, 0, 50, 300, CancellationToken.None));
    }
}

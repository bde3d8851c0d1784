using NgheAn.CNHT.Application.Proposals;

namespace NgheAn.CNHT.UnitTests.Application;

/// <summary>ADR 0237: the walk from a page's first row to the buckets (lead units, items) it falls in.</summary>
public sealed class RegisterBucketsTests
{
    private static readonly int[][] Buckets = [[1], [2, 3], [4], [5], [6]];

    // Rows per key: bucket [1] 3 rows, [2,3] 2+1, [4] none, [5] 60, [6] 2: 68 rows in all.
    private static readonly Dictionary<int, int> Counts = new() { [1] = 3, [2] = 2, [3] = 1, [5] = 60, [6] = 2 };

    /// <summary>Every row's bucket index, in order: what the segments must reproduce page by page.</summary>
    private static List<(int Bucket, int Row)> Flat(bool descending)
    {
        var flat = new List<(int, int)>();
        for (var i = 0; i < Buckets.Length; i++)
        {
            var b = descending ? Buckets.Length - 1 - i : i;
            var count = Buckets[b].Sum(k => Counts.GetValueOrDefault(k));
            flat.AddRange(Enumerable.Range(0, count).Select(r => (b, r)));
        }

        return flat;
    }

    [Theory]
    [InlineData(false, 50)]
    [InlineData(true, 50)]
    [InlineData(false, 4)]
    [InlineData(true, 7)]
    public void Pages_cover_every_row_once_in_bucket_order(bool descending, int pageSize)
    {
        var expected = Flat(descending);
        var read = new List<(int Bucket, int Row)>();
        for (var skip = 0; skip < expected.Count + pageSize; skip += pageSize)
        {
            var segments = RegisterBuckets.Segments(Buckets, Counts, descending, skip, pageSize);
            Assert.True(segments.Count <= 3, $"{segments.Count} segments for one page");
            foreach (var s in segments)
            {
                if (s.IsWhole)
                {
                    Assert.Equal(0, s.Skip);
                    foreach (var bucket in s.Buckets)
                    {
                        var b = Array.FindIndex(Buckets, x => x.SequenceEqual(bucket));
                        read.AddRange(Enumerable.Range(0, bucket.Sum(k => Counts.GetValueOrDefault(k))).Select(r => (b, r)));
                    }

                    Assert.Equal(s.Take, s.Buckets.Sum(bucket => bucket.Sum(k => Counts.GetValueOrDefault(k))));
                }
                else
                {
                    var b = Array.FindIndex(Buckets, x => x.SequenceEqual(s.Buckets[0]));
                    read.AddRange(Enumerable.Range(s.Skip, s.Take).Select(r => (b, r)));
                }
            }
        }

        Assert.Equal(expected, read);
    }

    [Fact]
    public void A_page_past_the_end_or_an_empty_set_has_no_segment()
    {
        Assert.Empty(RegisterBuckets.Segments(Buckets, Counts, false, 68, 50));
        Assert.Empty(RegisterBuckets.Segments(Buckets, new Dictionary<int, int>(), false, 0, 50));
    }

    [Fact]
    public void Names_equal_in_Vietnamese_order_share_a_bucket_and_letters_keep_theirs()
    {
        Assert.True(RegisterBuckets.SameName("Công ty Ánh Dương", "CÔNG TY ÁNH DƯƠNG"));
        Assert.False(RegisterBuckets.SameName("Công ty Ánh Dương", "Công ty Anh Dương"));
        Assert.False(RegisterBuckets.SameName("Công ty Đông", "Công ty Dông"));
        var buckets = RegisterBuckets.ByName([new(1, "A", null), new(2, "Ánh", null), new(3, "ÁNH", null), new(4, "B", null)]);
        Assert.Equal([[1], [2, 3], [4]], buckets);
    }
}

using System.Globalization;

namespace NgheAn.CNHT.Application.Proposals;

/// <summary>
/// Rows of a page of the register when it is sorted by a bucket (a lead unit, an item), found without sorting the
/// whole filtered set (ADR 0237). <see cref="Buckets"/>: every row of these buckets, bucket by bucket, each in code
/// order (several whole buckets are read in one query and put in order in memory); with one bucket, its rows
/// <see cref="Skip"/> to <see cref="Skip"/> + <see cref="Take"/> in code order.
/// </summary>
public sealed record RegisterSegment(IReadOnlyList<int[]> Buckets, int Skip, int Take)
{
    /// <summary>Every key of the segment's buckets (a lead unit's or an item's id), for one SQL filter.</summary>
    public int[] Keys => Buckets.SelectMany(b => b).ToArray();

    /// <summary>Whether the rows are all of several buckets (ordered in memory) rather than a slice of one (ordered in SQL).</summary>
    public bool IsWhole => Buckets.Count > 1;
}

/// <summary>The walk from a page's first row to the buckets it falls in, over the filtered set's count per key.</summary>
public static class RegisterBuckets
{
    private static readonly CompareInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

    /// <summary>Equal in the register's Vietnamese order (case-insensitive, accent-sensitive, as the SQL collation).</summary>
    public static bool SameName(string a, string b) => Vietnamese.Compare(a, b, CompareOptions.IgnoreCase) == 0;

    /// <summary>Lead units in the order given (the choices' Vietnamese order), equal names in one bucket.</summary>
    public static IReadOnlyList<int[]> ByName(IReadOnlyList<OrganizationOption> organizations)
    {
        var buckets = new List<int[]>(organizations.Count);
        var run = new List<int>();
        string? name = null;
        foreach (var o in organizations)
        {
            if (name is not null && !SameName(name, o.Name))
            {
                buckets.Add([.. run]);
                run.Clear();
            }

            run.Add(o.Id);
            name = o.Name;
        }

        if (run.Count > 0)
        {
            buckets.Add([.. run]);
        }

        return buckets;
    }

    /// <summary>
    /// The segments holding rows <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/> of the
    /// filtered set when it is ordered by bucket (<paramref name="buckets"/> in ascending order, reversed when
    /// <paramref name="descending"/>), then by code. Buckets with no row in the set are passed over; consecutive buckets
    /// wholly on the page form one segment, so a page costs at most three reads whatever the buckets' sizes.
    /// </summary>
    public static IReadOnlyList<RegisterSegment> Segments(IReadOnlyList<int[]> buckets, IReadOnlyDictionary<int, int> counts, bool descending, int skip, int take)
    {
        var segments = new List<RegisterSegment>();
        var whole = new List<int[]>();
        var wholeRows = 0;
        var position = 0;
        var remaining = take;
        for (var i = 0; i < buckets.Count && remaining > 0; i++)
        {
            var bucket = buckets[descending ? buckets.Count - 1 - i : i];
            var count = 0;
            foreach (var key in bucket)
            {
                count += counts.GetValueOrDefault(key);
            }

            if (count == 0 || position + count <= skip)
            {
                position += count;
                continue;
            }

            var start = Math.Max(0, skip - position);
            var rows = Math.Min(count - start, remaining);
            if (start == 0 && rows == count)
            {
                whole.Add(bucket);
                wholeRows += rows;
            }
            else
            {
                Flush();
                segments.Add(new RegisterSegment([bucket], start, rows));
            }

            remaining -= rows;
            position += count;
        }

        Flush();
        return segments;

        void Flush()
        {
            if (whole.Count > 0)
            {
                segments.Add(new RegisterSegment([.. whole], 0, wholeRows));
                whole.Clear();
                wholeRows = 0;
            }
        }
    }
}

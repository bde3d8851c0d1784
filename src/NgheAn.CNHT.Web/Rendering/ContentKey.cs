using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace NgheAn.CNHT.Web.Rendering;

/// <summary>
/// Keys for pieces kept under what they show rather than under the data version (ADR 0244): a write that leaves a page's
/// content as it was (most writes, to records the page does not show) serves the piece rendered before.
/// </summary>
public static class ContentKey
{
    private static readonly ConditionalWeakTable<object, string> Identities = [];
    private static long _next;

    /// <summary>
    /// A SHA-256 of the values' text (records print every member), each followed by a line break, so two contents share a
    /// key only if they print the same. Hashed value by value through one reused builder and a small buffer: the whole
    /// text of a register page (50 rows, ~60 KB as UTF-16) is never held at once: the same time, half the allocation
    /// (`ContentKeyBenchmarks`, docs/performance.md round 29).
    /// </summary>
    public static string Of(IEnumerable<object> values)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var encoder = Encoding.UTF8.GetEncoder();
        var text = new StringBuilder(1024);
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var used = 0;
        try
        {
            foreach (var value in values)
            {
                text.Clear();
                text.Append(CultureInfo.InvariantCulture, $"{value}").Append('\n');
                foreach (var chunk in text.GetChunks())
                {
                    var most = encoder.GetByteCount(chunk.Span, flush: false);
                    if (used + most > buffer.Length)
                    {
                        // The bytes so far to the hash (one call per buffer, not per value).
                        hash.AppendData(buffer, 0, used);
                        used = 0;
                        if (most > buffer.Length)
                        {
                            var bigger = ArrayPool<byte>.Shared.Rent(most);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = bigger;
                        }
                    }

                    used += encoder.GetBytes(chunk.Span, buffer.AsSpan(used), flush: false);
                }
            }

            hash.AppendData(buffer, 0, used);
            var last = encoder.GetBytes(ReadOnlySpan<char>.Empty, buffer, flush: true);
            hash.AppendData(buffer, 0, last);
            return Convert.ToHexString(hash.GetHashAndReset());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// One key per object for as long as it lives (an object kept across writes, such as the register's filter choices,
    /// keeps its key; a new object gets a new one, never a reused one).
    /// </summary>
    public static string IdentityOf(object kept) =>
        Identities.GetValue(kept, _ => Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture));
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NgheAn.CNHT.Web.Rendering;

namespace NgheAn.CNHT.IntegrationTests.Web;

/// <summary>
/// The register body's key (ADR 0244 addendum): a SHA-256 of what the page shows, each value's text followed by a line
/// break. Hashed value by value through a reused builder, it must equal the hash of the whole text written out at once,
/// also for long Vietnamese text whose characters, and a pair of surrogates, fall across the builder's chunks.
/// </summary>
public sealed class ContentKeyTests
{
    private sealed record Row(int Id, string Title, decimal Cost, DateOnly Day);

    private static string WholeText(IEnumerable<object> values)
    {
        var text = new StringBuilder();
        foreach (var value in values)
        {
            text.Append(CultureInfo.InvariantCulture, $"{value}").Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    [Fact]
    public void The_key_is_the_hash_of_the_whole_text_and_changes_with_any_value()
    {
        var long1 = string.Concat(Enumerable.Repeat("Đề án hỗ trợ khuôn đúc 𝔸 (giá trị minh họa) ", 700));
        var rows = Enumerable.Range(1, 50)
            .Select(i => (object)new Row(i, (i == 7 ? long1 : "") + $"Đề án số {i} — Nghệ An", 1_000_000m * i, new DateOnly(2026, 1, 5).AddDays(i)))
            .Append("tổng 27.247.993.000")
            .ToList();

        Assert.Equal(WholeText(rows), ContentKey.Of(rows));
        Assert.Equal(ContentKey.Of(rows), ContentKey.Of(rows.ToList()));
        Assert.Equal(WholeText([]), ContentKey.Of([]));

        // A pair of surrogates across the end of the builder's first chunk (1.024 characters): encoded as one character.
        object[] split = [new string('a', 1023) + "𝔸" + "b", "Nghệ An"];
        Assert.Equal(WholeText(split), ContentKey.Of(split));

        var changed = rows.ToList();
        changed[30] = new Row(31, "Đề án số 31 — Nghệ An", 31_000_001m, new DateOnly(2026, 1, 5).AddDays(31));
        Assert.NotEqual(ContentKey.Of(rows), ContentKey.Of(changed));
    }
}

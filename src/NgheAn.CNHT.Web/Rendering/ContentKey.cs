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
    /// A SHA-256 of the values' text (records print every member), so two contents share a key only if they print the same.
    /// </summary>
    public static string Of(IEnumerable<object> values)
    {
        var text = new StringBuilder();
        foreach (var value in values)
        {
            text.Append(CultureInfo.InvariantCulture, $"{value}").Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// One key per object for as long as it lives (an object kept across writes, such as the register's filter choices,
    /// keeps its key; a new object gets a new one, never a reused one).
    /// </summary>
    public static string IdentityOf(object kept) =>
        Identities.GetValue(kept, _ => Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture));
}

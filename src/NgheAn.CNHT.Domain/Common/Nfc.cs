using System.Collections.Concurrent;
using System.Text;

namespace NgheAn.CNHT.Domain.Common;

/// <summary>
/// Unicode NFC, the form every stored text is kept in, with the answer for short texts remembered: a million-row import
/// normalises the same few notes, sources and kinds on every row, and each normalisation of non-ASCII text is a call
/// into ICU (8 % of an import's time, ADR 0201). The answer is the same string <see cref="string.Normalize(NormalizationForm)"/> gives.
/// </summary>
public static class Nfc
{
    private const int RememberedLength = 64;
    private const int RememberedTexts = 8192;
    private static readonly ConcurrentDictionary<string, string> Remembered = new(StringComparer.Ordinal);

    public static string Of(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text;
        }

        if (text.Length > RememberedLength)
        {
            return text.Normalize(NormalizationForm.FormC);
        }

        if (Remembered.TryGetValue(text, out var known))
        {
            return known;
        }

        var normalized = text.Normalize(NormalizationForm.FormC);
        if (Remembered.Count < RememberedTexts)
        {
            Remembered.TryAdd(text, normalized);
        }

        return normalized;
    }
}

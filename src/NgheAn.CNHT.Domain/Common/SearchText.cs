using System.Globalization;
using System.Text;

namespace NgheAn.CNHT.Domain.Common;

/// <summary>
/// The folded form of Vietnamese text used for searching in SQL: lower case, no tone or vowel marks,
/// đ → d, runs of white space collapsed. "Đào tạo  CNHT" → "dao tao cnht", so "dao tao" and "đào tạo"
/// find the same rows with a plain LIKE on an indexed column (docs/decisions/0010-register-search.md).
/// </summary>
public static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    sb.Append(' ');
                    lastWasSpace = true;
                }

                continue;
            }

            sb.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            });
            lastWasSpace = false;
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>The words of a search box, folded; empty when there is nothing to search for.</summary>
    public static IReadOnlyList<string> Terms(string? query) =>
        Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(8).ToList();

    /// <summary>Folded code and name of a record, cut to the column's length.</summary>
    public static string For(int maxLength, params string?[] parts)
    {
        var folded = Fold(string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p))));
        return folded.Length <= maxLength ? folded : folded[..maxLength];
    }
}

using System.Text;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Application.Search;

/// <summary>
/// What a search box becomes for the full-text indexes (ADR 0106). Every word typed must start a word of the
/// record: "dao tao" finds "Đào tạo", "th-2024" finds the codes TH-2024-…, "2901" the tax codes starting so.
/// Words are folded first (<see cref="SearchText.Fold"/>), so what the index holds and what is asked are the
/// same text. Pure functions: the SQL they feed lives in <see cref="ProposalSearch"/> and <see cref="SupplierSearch"/>.
/// </summary>
public static class FullTextQuery
{
    /// <summary>The folded terms that hold at least one letter or digit (a lone "-" searches for nothing).</summary>
    public static IReadOnlyList<string> Terms(string? typed) =>
        SearchText.Terms(typed).Where(t => t.Any(char.IsLetterOrDigit)).ToList();

    /// <summary>
    /// An FTS5 query: each term a quoted string with a prefix star, all required. A term the tokenizer cuts
    /// ("th-2024") is a phrase whose last word is a prefix: "th" followed by a word starting with "2024".
    /// Quoting makes every character a literal (FTS5 operators typed by a user mean nothing).
    /// </summary>
    public static string Fts5(IReadOnlyList<string> terms) =>
        string.Join(" AND ", terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\" *"));

    /// <summary>An FTS5 phrase query: the words next to each other in this order, the last one a prefix ("co khi").</summary>
    public static string Fts5Phrase(string folded) => "\"" + folded.Replace("\"", "\"\"", StringComparison.Ordinal) + "\" *";

    /// <summary>A LIKE pattern for "starts with", with the pattern characters escaped by '\'.</summary>
    public static string StartsWithPattern(string term)
    {
        var sb = new StringBuilder(term.Length + 1);
        foreach (var c in term)
        {
            if (c is '%' or '_' or '[' or '\\')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.Append('%').ToString();
    }
}

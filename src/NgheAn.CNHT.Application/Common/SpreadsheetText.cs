namespace NgheAn.CNHT.Application.Common;

/// <summary>
/// Text that a spreadsheet could take for a formula (OWASP "CSV injection"): a cell that begins with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return. Every workbook the portal writes marks such a cell as text with a
/// quote prefix (the cell's value is unchanged, so an export imported again gives the same text); every CSV prefixes
/// it with an apostrophe and quotes it (ADR 0111).
/// </summary>
public static class SpreadsheetText
{
    public static bool LooksLikeFormula(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>One CSV field (comma-separated, RFC 4180 quoting) that no spreadsheet evaluates.</summary>
    public static string CsvField(string? text)
    {
        var value = text ?? "";
        if (LooksLikeFormula(value))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', ';', '"', '\n', '\r', '\t']) >= 0 || value.StartsWith('\'')
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    /// <summary>One CSV line of text fields.</summary>
    public static string CsvLine(IEnumerable<string?> fields) => string.Join(',', fields.Select(CsvField));
}

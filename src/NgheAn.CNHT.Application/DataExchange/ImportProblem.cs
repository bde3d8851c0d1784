namespace NgheAn.CNHT.Application.DataExchange;

public enum ProblemSeverity
{
    /// <summary>The row (and so the whole file) is refused.</summary>
    Error,
    /// <summary>Worth knowing, nothing refused (a row skipped because it is already in the portal).</summary>
    Notice,
}

/// <summary>One finding about a workbook, located by sheet, row and column (letter and header).</summary>
public sealed record ImportProblem(string Sheet, int Row, string? Column, string? ColumnHeader, string Message, ProblemSeverity Severity = ProblemSeverity.Error)
{
    public bool IsError => Severity == ProblemSeverity.Error;

    /// <summary>"Sheet DeAn, dòng 5, cột H (Tổng kinh phí (đồng)): …" — the form used on screen and on the command line.</summary>
    public string Location
    {
        get
        {
            var where = Row > 0 ? $"Sheet {Sheet}, dòng {Row}" : $"Sheet {Sheet}";
            if (Column is not null)
            {
                where += $", cột {Column}";
                if (ColumnHeader is not null)
                {
                    where += $" ({ColumnHeader})";
                }
            }

            return where;
        }
    }

    public override string ToString() => $"{Location}: {Message}";
}

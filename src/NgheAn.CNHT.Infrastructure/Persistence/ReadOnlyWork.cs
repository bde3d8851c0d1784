using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NgheAn.CNHT.Infrastructure.Persistence;

/// <summary>
/// Marks a scope whose work must write nothing (the page warm-up after a start, ADR 0240): once <see cref="On"/>, every
/// command the scope's context sends that is not a read fails (<see cref="ReadOnlyCommandInterceptor"/>), whatever sent it
/// (a save, <c>ExecuteUpdate</c>, raw SQL). Off in every other scope.
/// </summary>
public sealed class ReadOnlyWork
{
    public bool On { get; set; }
}

/// <summary>Fails a command that is not a read while its scope's <see cref="ReadOnlyWork"/> is on.</summary>
public sealed class ReadOnlyCommandInterceptor(ReadOnlyWork work) : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Refuse(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Refuse(command);
        return ValueTask.FromResult(result);
    }

    private void Check(DbCommand command)
    {
        if (work.On && !IsRead(command.CommandText))
        {
            Refuse(command);
        }
    }

    private void Refuse(DbCommand command)
    {
        if (work.On)
        {
            throw new InvalidOperationException($"A read-only scope sent a write: {FirstLine(command.CommandText)}");
        }
    }

    /// <summary>A query: SELECT or WITH … SELECT after any leading comment lines (EF's tags) and blanks.</summary>
    public static bool IsRead(string sql)
    {
        var text = sql.AsSpan();
        while (true)
        {
            text = text.TrimStart();
            if (!text.StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }

            var end = text.IndexOf('\n');
            text = end < 0 ? ReadOnlySpan<char>.Empty : text[(end + 1)..];
        }

        if (text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // A common table expression may end in a write (WITH … UPDATE/INSERT/DELETE): only a WITH with none is a read.
        return text.StartsWith("WITH", StringComparison.OrdinalIgnoreCase)
               && !ContainsWord(text, "INSERT") && !ContainsWord(text, "UPDATE") && !ContainsWord(text, "DELETE") && !ContainsWord(text, "REPLACE");
    }

    private static bool ContainsWord(ReadOnlySpan<char> text, string word)
    {
        var at = 0;
        while (true)
        {
            var found = text[at..].IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            var start = at + found;
            var end = start + word.Length;
            if ((start == 0 || !char.IsLetterOrDigit(text[start - 1]) && text[start - 1] != '_' && text[start - 1] != '"')
                && (end == text.Length || !char.IsLetterOrDigit(text[end]) && text[end] != '_' && text[end] != '"'))
            {
                return true;
            }

            at = end;
        }
    }

    private static string FirstLine(string sql)
    {
        var line = sql.TrimStart().Split('\n', 2)[0];
        return line.Length > 120 ? line[..120] : line;
    }
}

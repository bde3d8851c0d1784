using System.Collections;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.IntegrationTests.Support;

/// <summary>
/// Runs real application code (a query class, a report) for SQL Server without a server. The code runs
/// twice: first on a SQLite database with data, recording every result set; then on an AppDbContext
/// configured for SQL Server whose connection never opens. Each command EF Core sends there is captured
/// (the T-SQL it generated) and answered with the SQLite result in the same position, so code that reads
/// one result to decide its next query follows the same path on both providers.
/// </summary>
public static class SqlServerQueryRecorder
{
    public sealed record Capture<T>(T SqliteResult, T SqlServerResult, IReadOnlyList<string> Commands);

    public static AppDbContext SqlServerContext(params IInterceptor[] interceptors) => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseSqlServer("Server=sqlserver.invalid;Database=Cnht;User Id=cnht;Password=none;TrustServerCertificate=True",
            DatabaseOptions.SqlServer)
        .AddInterceptors(interceptors)
        .Options);

    public static async Task<Capture<T>> RunAsync<T>(string sqliteConnectionString, Func<AppDbContext, Task<T>> run)
    {
        var results = new List<RecordedResult>();
        T sqliteResult;
        await using (var sqlite = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(sqliteConnectionString, DatabaseOptions.Sqlite)
            .AddInterceptors(new Recorder(results))
            .Options))
        {
            sqliteResult = await run(sqlite);
        }

        var replay = new Replayer(results);
        T sqlServerResult;
        await using (var sqlServer = SqlServerContext(replay))
        {
            sqlServerResult = await run(sqlServer);
        }

        if (replay.Commands.Count != results.Count)
        {
            throw new InvalidOperationException($"SQLite ran {results.Count} queries, SQL Server {replay.Commands.Count}.");
        }

        return new Capture<T>(sqliteResult, sqlServerResult, replay.Commands);
    }

    private sealed record RecordedResult(string[] Names, List<object[]> Rows);

    private sealed class Recorder(List<RecordedResult> results) : DbCommandInterceptor
    {
        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) =>
            Record(result);

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<DbDataReader>(Record(result));

        private ReplayReader Record(DbDataReader reader)
        {
            var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            var rows = new List<object[]>();
            while (reader.Read())
            {
                var row = new object[reader.FieldCount];
                reader.GetValues(row);
                rows.Add(row);
            }

            reader.Dispose();
            var recorded = new RecordedResult(names, rows);
            results.Add(recorded);
            return new ReplayReader(recorded);
        }
    }

    /// <summary>Never opens the SQL Server connection; captures each command and answers it from the recording.</summary>
    private sealed class Replayer(List<RecordedResult> results) : DbCommandInterceptor, IDbConnectionInterceptor
    {
        public List<string> Commands { get; } = [];

        public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
            InterceptionResult<DbDataReader>.SuppressWithResult(Next(command));

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(Next(command)));

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
            throw new NotSupportedException("Scalar commands are not replayed: " + command.CommandText);

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
            throw new NotSupportedException("Writes are not replayed: " + command.CommandText);

        private ReplayReader Next(DbCommand command)
        {
            Commands.Add(command.CommandText);
            return Commands.Count <= results.Count
                ? new ReplayReader(results[Commands.Count - 1])
                : throw new InvalidOperationException("SQL Server ran a query SQLite did not: " + command.CommandText);
        }
    }

    /// <summary>A recorded result set, converting each value to the CLR type the SQL Server materializer asks for.</summary>
    private sealed class ReplayReader(RecordedResult result) : DbDataReader
    {
        private int _row = -1;
        private bool _closed;

        private object Value(int ordinal) => result.Rows[_row][ordinal];

        private T As<T>(int ordinal) => (T)Convert(Value(ordinal), typeof(T));

        private static object Convert(object value, Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            return value switch
            {
                _ when type.IsInstanceOfType(value) => value,
                string s when type == typeof(Guid) => Guid.Parse(s),
                byte[] b when type == typeof(Guid) => new Guid(b),
                string s when type == typeof(DateTimeOffset) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture),
                string s when type == typeof(DateTime) => DateTime.Parse(s, CultureInfo.InvariantCulture),
                string s when type == typeof(DateOnly) => DateOnly.Parse(s, CultureInfo.InvariantCulture),
                string s when type == typeof(TimeOnly) => TimeOnly.Parse(s, CultureInfo.InvariantCulture),
                string s when type == typeof(TimeSpan) => TimeSpan.Parse(s, CultureInfo.InvariantCulture),
                _ => System.Convert.ChangeType(value, type, CultureInfo.InvariantCulture),
            };
        }

        public override int FieldCount => result.Names.Length;
        public override int RecordsAffected => -1;
        public override bool HasRows => result.Rows.Count > 0;
        public override bool IsClosed => _closed;
        public override int Depth => 0;
        public override object this[int ordinal] => GetValue(ordinal);
        public override object this[string name] => GetValue(GetOrdinal(name));

        public override bool Read() => ++_row < result.Rows.Count;
        public override Task<bool> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(Read());
        public override bool NextResult() => false;
        public override void Close() => _closed = true;

        public override string GetName(int ordinal) => result.Names[ordinal];
        public override int GetOrdinal(string name) => Array.IndexOf(result.Names, name);
        public override string GetDataTypeName(int ordinal) => GetFieldType(ordinal).Name;
        public override Type GetFieldType(int ordinal) => _row >= 0 && Value(ordinal) is not DBNull ? Value(ordinal).GetType() : typeof(object);
        public override object GetValue(int ordinal) => Value(ordinal);
        public override bool IsDBNull(int ordinal) => Value(ordinal) is DBNull;

        public override int GetValues(object[] values)
        {
            var n = Math.Min(values.Length, FieldCount);
            Array.Copy(result.Rows[_row], values, n);
            return n;
        }

        public override T GetFieldValue<T>(int ordinal) => As<T>(ordinal);
        public override bool GetBoolean(int ordinal) => As<bool>(ordinal);
        public override byte GetByte(int ordinal) => As<byte>(ordinal);
        public override char GetChar(int ordinal) => As<char>(ordinal);
        public override DateTime GetDateTime(int ordinal) => As<DateTime>(ordinal);
        public override decimal GetDecimal(int ordinal) => As<decimal>(ordinal);
        public override double GetDouble(int ordinal) => As<double>(ordinal);
        public override float GetFloat(int ordinal) => As<float>(ordinal);
        public override Guid GetGuid(int ordinal) => As<Guid>(ordinal);
        public override short GetInt16(int ordinal) => As<short>(ordinal);
        public override int GetInt32(int ordinal) => As<int>(ordinal);
        public override long GetInt64(int ordinal) => As<long>(ordinal);
        public override string GetString(int ordinal) => As<string>(ordinal);

        public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
        {
            var bytes = (byte[])Value(ordinal);
            if (buffer is null)
            {
                return bytes.Length;
            }

            var n = (int)Math.Min(length, bytes.Length - dataOffset);
            Array.Copy(bytes, dataOffset, buffer, bufferOffset, n);
            return n;
        }

        public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
        {
            var chars = GetString(ordinal).ToCharArray();
            if (buffer is null)
            {
                return chars.Length;
            }

            var n = (int)Math.Min(length, chars.Length - dataOffset);
            Array.Copy(chars, dataOffset, buffer, bufferOffset, n);
            return n;
        }

        public override IEnumerator GetEnumerator() => new DbEnumerator(this);
    }
}

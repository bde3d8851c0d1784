using System.Collections;
using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using NgheAn.CNHT.Application.Auditing;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.Domain.Auditing;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.Infrastructure.DataExchange;

/// <summary>
/// The SQLite bulk path of the import (ADR 0200): a writer bound to the context's open transaction. SQL Server answers
/// null and keeps EF's chunked saves.
/// </summary>
public sealed class BulkRowWriter(AppDbContext db, ICurrentUser currentUser, TimeProvider clock) : IBulkRowWriter
{
    public IBulkRows? Open(ImportedFile file)
    {
        if (!db.Database.IsSqlite() || db.Database.CurrentTransaction is null)
        {
            return null;
        }

        // Cached read models are keyed by the data version (as the audit interceptor raises it with every write).
        db.Database.ExecuteSqlRaw(DataVersion.RaiseSql);
        return new SqliteBulkRows(db, file, currentUser.UserName, clock.GetUtcNow().UtcDateTime);
    }
}

/// <summary>
/// A larger page cache while the rows go in: a million entries update four ledger indexes, and with SQLite's default
/// 2 MB cache their pages are spilled to the WAL and read back over and over (the WAL reached 650 MB). Put back when done,
/// since the connection returns to the pool.
/// </summary>
internal sealed class PageCache : IDisposable
{
    public const int BulkKibibytes = 64 * 1024;

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly long _before;

    public PageCache(DbConnection connection, DbTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
        _before = Pragma("PRAGMA cache_size") is long before ? before : -2000;
        Pragma($"PRAGMA cache_size = -{BulkKibibytes}");
    }

    private object? Pragma(string sql)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose() => Pragma($"PRAGMA cache_size = {_before.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
}

/// <summary>
/// Prepared INSERTs built from the EF model (table, columns, each property's type mapping and value converter), so a
/// new column reaches the bulk path with no change here. Every row gets the created stamps of an
/// <see cref="AuditableEntity"/> and its dependents' foreign keys, as SaveChanges would give them; an audited table gets
/// one audit row for the import (ADR 0212), written by <see cref="Complete"/>: who, when, the file and its SHA-256, the
/// range of ids the import gave the table and their count. The database's own triggers (append-only ledger, full-text
/// index) run as for any insert.
/// </summary>
internal sealed class SqliteBulkRows(AppDbContext db, ImportedFile file, string user, DateTime utcNow) : IBulkRows
{
    private readonly DbConnection _connection = db.Database.GetDbConnection();
    private readonly DbTransaction _transaction = db.Database.CurrentTransaction!.GetDbTransaction();
    private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();
    private readonly Dictionary<Type, Table> _tables = [];
    private readonly PageCache _cache = new(db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction());
    private readonly List<(string Table, string Name, string Sql)> _setAside = [];
    private bool _completed;

    private sealed class Table(IEntityType type, DbCommand insert, IProperty[] columns, DbParameter[] parameters, IProperty key)
    {
        public IEntityType Type { get; } = type;
        public DbCommand Insert { get; } = insert;
        public IProperty[] Columns { get; } = columns;
        public DbParameter[] Parameters { get; } = parameters;
        public IProperty Key { get; } = key;
        public Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter?[] Converters { get; } = columns.Select(c => c.GetRelationalTypeMapping().Converter).ToArray();
        public long LastId { get; set; }
        public bool Audited { get; } = AuditSaveChangesInterceptor.IsAudited(type.ClrType);
        public INavigation[] Dependents { get; } = type.GetNavigations().Where(n => n.IsCollection && !n.IsOnDependent).ToArray();

        /// <summary>The first and last ids written by this import, and how many rows: one contiguous range (ADR 0212).</summary>
        public long FirstWritten { get; set; }

        public long LastWritten { get; set; }

        public long Written { get; set; }
    }

    public void AssignKey(object entity)
    {
        var table = TableOf(entity.GetType());
        if (Convert.ToInt64(Get(table.Key, entity), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            Set(table.Key, entity, ++table.LastId);
        }
    }

    public void Insert(object entity)
    {
        var table = TableOf(entity.GetType());
        AssignKey(entity);
        if (entity is AuditableEntity auditable)
        {
            auditable.StampCreated(user, utcNow);
        }

        for (var i = 0; i < table.Columns.Length; i++)
        {
            var value = Get(table.Columns[i], entity);
            object? stored = value is null ? null : table.Converters[i] is { } converter ? converter.ConvertToProvider(value) : value;
            if (stored is Enum e)
            {
                stored = Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), System.Globalization.CultureInfo.InvariantCulture);
            }

            table.Parameters[i].Value = stored ?? DBNull.Value;
        }

        try
        {
            table.Insert.ExecuteNonQuery();
        }
        catch (DbException ex)
        {
            throw new DbUpdateException($"Không ghi được {table.Type.ClrType.Name} {Get(table.Key, entity)}: {ex.Message}", ex);
        }

        if (table.Audited)
        {
            Written(table, Convert.ToInt64(Get(table.Key, entity), System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var navigation in table.Dependents)
        {
            if (navigation.GetGetter().GetClrValue(entity) is not IEnumerable children)
            {
                continue;
            }

            var foreignKey = navigation.ForeignKey.Properties.Single();
            var id = Get(table.Key, entity);
            foreach (var child in children)
            {
                Set(foreignKey, child, id);
                Insert(child);
            }
        }
    }

    private Table TableOf(Type clrType)
    {
        if (_tables.TryGetValue(clrType, out var table))
        {
            return table;
        }

        var type = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
        var key = type.FindPrimaryKey()?.Properties is [var single] ? single : throw new InvalidOperationException($"{clrType.Name}: one key column expected.");
        var name = type.GetTableName()!;
        var store = StoreObjectIdentifier.Table(name, type.GetSchema());
        var columns = type.GetProperties().Where(p => p.GetComputedColumnSql() is null && p.GetColumnName(store) is not null).ToArray();
        if (columns.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
        {
            throw new InvalidOperationException($"{clrType.Name}.{shadow.Name} is a shadow property: the bulk path reads values from the entity.");
        }

        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        var parameters = new DbParameter[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            parameters[i] = columns[i].GetRelationalTypeMapping().CreateParameter(command, "@p" + i, null, columns[i].IsNullable);
            command.Parameters.Add(parameters[i]);
        }

        command.CommandText = $"INSERT INTO {_sql.DelimitIdentifier(name)} ({string.Join(", ", columns.Select(c => _sql.DelimitIdentifier(c.GetColumnName(store)!)))}) "
            + $"VALUES ({string.Join(", ", parameters.Select(p => p.ParameterName))})";
        command.Prepare();

        var keyColumn = _sql.DelimitIdentifier(key.GetColumnName(store)!);
        using (var last = _connection.CreateCommand())
        {
            // Above every id in the table and every id it ever handed out (AUTOINCREMENT never reuses one).
            last.Transaction = _transaction;
            last.CommandText = $"SELECT MAX(x) FROM (SELECT MAX({keyColumn}) AS x FROM {_sql.DelimitIdentifier(name)} "
                + "UNION ALL SELECT seq FROM sqlite_sequence WHERE name = @name)";
            var p = last.CreateParameter();
            p.ParameterName = "@name";
            p.Value = name;
            last.Parameters.Add(p);
            table = new Table(type, command, columns, parameters, key) { LastId = last.ExecuteScalar() is long l ? l : 0 };
        }

        SetIndexesAside(name);
        SetTriggersAside(name);
        if (clrType == typeof(Domain.Disbursements.DisbursementEntry))
        {
            _entriesAbove = table.LastId;
        }

        _tables[clrType] = table;
        return table;
    }

    /// <summary>
    /// An empty table's secondary indexes are dropped before its first row and built again by <see cref="Complete"/>, all
    /// inside the import's transaction (ADR 0213): one sorted build of each index instead of a million random inserts into
    /// it. Their definitions are read from the live schema (sqlite_master), so they come back exactly as the migrations made
    /// them; the indexes SQLite makes itself (keys, UNIQUE constraints) and the triggers are never touched. A table that
    /// already holds rows keeps its indexes.
    /// </summary>
    /// <summary>
    /// Indexes a trigger of the table reads through while the rows go in: kept, or every reversal imported would scan the
    /// entries written so far (the reconciliation's kept figures read a reversed proposal's entries again, ADR 0220).
    /// </summary>
    private static readonly HashSet<string> TriggerLookups = new(StringComparer.Ordinal)
    {
        "IX_DisbursementEntries_ProposalId_Source_Amount",
        "IX_DisbursementEntries_ReversesEntryId",
    };

    private void SetIndexesAside(string table)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = $"SELECT NOT EXISTS (SELECT 1 FROM {_sql.DelimitIdentifier(table)})";
        if (command.ExecuteScalar() is not 1L)
        {
            return;
        }

        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL ORDER BY rowid";
        var p = command.CreateParameter();
        p.ParameterName = "@table";
        p.Value = table;
        command.Parameters.Add(p);
        var indexes = new List<(string Table, string Name, string Sql)>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                indexes.Add((table, reader.GetString(0), reader.GetString(1)));
            }
        }

        command.Parameters.Clear();
        foreach (var index in indexes.Where(i => !TriggerLookups.Contains(i.Name)))
        {
            command.CommandText = $"DROP INDEX {_sql.DelimitIdentifier(index.Name)}";
            command.ExecuteNonQuery();
            _setAside.Add(index);
        }
    }

    /// <summary>
    /// Row triggers that keep figures derived from the rows an import writes (ADR 0220: the reconciliation's per-proposal
    /// ledger figures; ADR 0226: the log of proposals and lead units the ledger's balance totals take in). Fired once per
    /// row they cost the national import 15 s (63 s instead of 48 s, docs/performance.md round 23), so the bulk path sets
    /// them aside like its indexes and <see cref="Complete"/> does their work once, set-based, before putting them back:
    /// the imported proposals' ledger figures computed again from all their entries, and one catalog marker in the log
    /// (the totals are rebuilt, as for any import of more than a few hundred rows). Update and delete triggers stay.
    /// </summary>
    private static readonly HashSet<string> SetAsideTriggers = new(StringComparer.Ordinal)
    {
        "TR_DisbursementEntries_LedgerFigures",
        "TR_Proposals_BalanceInputs_Insert",
        "TR_Organizations_BalanceInputs_Insert",
    };

    private readonly List<(string Table, string Name, string Sql)> _triggersAside = [];

    /// <summary>Every ledger entry this import writes has an id above this one (ids are handed out here above every id used).</summary>
    private long? _entriesAbove;

    private void SetTriggersAside(string table)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = @table ORDER BY rowid";
        var p = command.CreateParameter();
        p.ParameterName = "@table";
        p.Value = table;
        command.Parameters.Add(p);
        var triggers = new List<(string Table, string Name, string Sql)>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (SetAsideTriggers.Contains(reader.GetString(0)))
                {
                    triggers.Add((table, reader.GetString(0), reader.GetString(1)));
                }
            }
        }

        command.Parameters.Clear();
        foreach (var trigger in triggers)
        {
            command.CommandText = $"DROP TRIGGER {_sql.DelimitIdentifier(trigger.Name)}";
            command.ExecuteNonQuery();
            _triggersAside.Add(trigger);
        }
    }

    /// <summary>
    /// The ledger figures of the proposals with an imported entry, computed again from all their entries, as migration
    /// Issue21ReconciliationKept fills them (the same SQL, restricted to those proposals; a migration's text stays frozen,
    /// so it is repeated here rather than shared). The figures' verdict columns are computed by the table.
    /// </summary>
    private const string RefillLedgerFigures = """
        INSERT OR REPLACE INTO "ProposalLedgerFigures" ("ProposalId", "ProgramId", "Status", "ProvincialCeiling", "OtherCeiling",
            "ProvincialCount", "Provincial", "OtherCount", "Other", "LastAdvanceDate", "Advanced", "LastFinalDate")
        SELECT p."Id", p."ProgramId", p."Status", COALESCE(p."SettledProvincialShare", p."ApprovedProvincialShare", 0),
               COALESCE(p."SettledTotalCost", p."ApprovedTotalCost", 0) - COALESCE(p."SettledProvincialShare", p."ApprovedProvincialShare", 0),
               s."ProvincialCount", s."Provincial", s."OtherCount", s."Other", l."LastAdvanceDate", COALESCE(l."Advanced", 0), l."LastFinalDate"
        FROM (
            SELECT "ProposalId",
                   SUM("Source" = 'ProvincialBudget') AS "ProvincialCount",
                   SUM(CASE WHEN "Source" = 'ProvincialBudget' THEN "Amount" ELSE 0 END) AS "Provincial",
                   SUM("Source" <> 'ProvincialBudget') AS "OtherCount",
                   SUM(CASE WHEN "Source" <> 'ProvincialBudget' THEN "Amount" ELSE 0 END) AS "Other"
            FROM "DisbursementEntries" WHERE "ProposalId" IN (SELECT "ProposalId" FROM temp."BulkLedgerProposals") GROUP BY "ProposalId") AS s
        INNER JOIN "Proposals" AS p ON p."Id" = s."ProposalId"
        LEFT JOIN (
            SELECT e."ProposalId",
                   MAX(CASE WHEN e."Kind" = 'Advance' THEN e."EntryDate" END) AS "LastAdvanceDate",
                   COALESCE(SUM(CASE WHEN e."Kind" = 'Advance' THEN e."Amount" END), 0) AS "Advanced",
                   MAX(CASE WHEN e."Kind" IN ('Payment', 'SettlementAdjustment') THEN e."EntryDate" END) AS "LastFinalDate"
            FROM "DisbursementEntries" AS e
            WHERE e."Kind" <> 'Reversal' AND NOT EXISTS (SELECT 1 FROM "DisbursementEntries" AS r WHERE r."ReversesEntryId" = e."Id")
              AND e."ProposalId" IN (SELECT "ProposalId" FROM temp."BulkLedgerProposals")
            GROUP BY e."ProposalId") AS l ON l."ProposalId" = s."ProposalId"
        """;

    /// <summary>Does once what the triggers set aside would have done per row, then puts them back (see <see cref="SetAsideTriggers"/>).</summary>
    private void RestoreTriggers(DbCommand command)
    {
        if (_triggersAside.Count == 0)
        {
            return;
        }

        var names = _triggersAside.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        if (names.Contains("TR_DisbursementEntries_LedgerFigures") && _entriesAbove is { } above)
        {
            command.CommandText = $"""
                CREATE TEMP TABLE "BulkLedgerProposals" AS SELECT DISTINCT "ProposalId" FROM "DisbursementEntries"
                WHERE "Id" > {above.ToString(System.Globalization.CultureInfo.InvariantCulture)};
                {RefillLedgerFigures};
                DROP TABLE temp."BulkLedgerProposals";
                """;
            command.ExecuteNonQuery();
        }

        if (names.Contains("TR_Proposals_BalanceInputs_Insert") || names.Contains("TR_Organizations_BalanceInputs_Insert"))
        {
            // A catalog marker: every kept balance total is rebuilt on its next read (ADR 0226).
            command.CommandText = "INSERT INTO \"BalanceInputChanges\" (\"ProposalId\") VALUES (NULL)";
            command.ExecuteNonQuery();
        }

        foreach (var trigger in _triggersAside)
        {
            command.CommandText = trigger.Sql;
            try
            {
                command.ExecuteNonQuery();
            }
            catch (DbException ex)
            {
                throw new DbUpdateException($"Không dựng lại được trigger {trigger.Name} của bảng {trigger.Table}: {ex.Message}", ex);
            }
        }

        _triggersAside.Clear();
    }

    /// <summary>
    /// Keeps the range of ids an audited table got. The ids are handed out here one after the other above every id the
    /// table has used, under the transaction's write lock, so an import's rows of one table are exactly the ids from the
    /// first to the last; a row out of that order would break the audit row's promise, and is refused.
    /// </summary>
    private static void Written(Table table, long id)
    {
        if (table.Written == 0)
        {
            table.FirstWritten = id;
        }
        else if (id != table.LastWritten + 1)
        {
            throw new DbUpdateException($"{table.Type.ClrType.Name} {id}: mã số không liền sau {table.LastWritten}; nhật ký của lần nhập ghi một dải mã số liền nhau.");
        }

        table.LastWritten = id;
        table.Written++;
    }

    /// <summary>The key of a table's import row in the audit trail: the prefix, then the first and last ids ("import:1-77943").</summary>
    public static string ImportKey(long first, long last) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ImportedRows.KeyPrefix}{first}-{last}");

    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        foreach (var table in _tables.Values.Where(t => t.Audited && t.Written > 0).ToList())
        {
            var changes = new Dictionary<string, object?[]>
            {
                [ImportedRows.FileField] = [null, file.Name],
                [ImportedRows.Sha256Field] = [null, file.Sha256],
                [ImportedRows.FirstIdField] = [null, table.FirstWritten],
                [ImportedRows.LastIdField] = [null, table.LastWritten],
                [ImportedRows.CountField] = [null, table.Written],
            };
            Insert(new AuditEntry(utcNow, user, table.Type.ClrType.Name, ImportKey(table.FirstWritten, table.LastWritten), ImportedRows.Action,
                JsonSerializer.Serialize(changes, AuditSaveChangesInterceptor.Json)));
        }

        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        foreach (var index in _setAside)
        {
            command.CommandText = index.Sql;
            try
            {
                command.ExecuteNonQuery();
            }
            catch (DbException ex)
            {
                throw new DbUpdateException($"Không dựng lại được chỉ mục {index.Name} của bảng {index.Table}: {ex.Message}", ex);
            }
        }

        _setAside.Clear();
        RestoreTriggers(command);
    }

    private static object? Get(IProperty property, object entity) => property.GetGetter().GetClrValue(entity);

    private static void Set(IProperty property, object entity, object? value)
    {
        var converted = value is null ? null : Convert.ChangeType(value, Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType, System.Globalization.CultureInfo.InvariantCulture);
        if (property.FieldInfo is { } field)
        {
            field.SetValue(entity, converted);
        }
        else
        {
            property.PropertyInfo!.SetValue(entity, converted);
        }
    }

    public void Dispose()
    {
        foreach (var table in _tables.Values)
        {
            table.Insert.Dispose();
        }

        _tables.Clear();
        _cache.Dispose();
    }
}

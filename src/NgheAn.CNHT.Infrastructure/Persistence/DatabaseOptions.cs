using System.ComponentModel.DataAnnotations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace NgheAn.CNHT.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>Section <c>Database</c>; the connection string is <c>ConnectionStrings:Cnht</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "Cnht";
    public const string DefaultSqliteConnection = "Data Source=App_Data/cnht.db";

    [Required]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public static string SqliteMigrationsAssembly => "NgheAn.CNHT.Migrations.Sqlite";

    /// <summary>Which database is in use, for the start-up log: the provider and its file, or its server and database; never a password.</summary>
    public static (DatabaseProvider Provider, string Location) Describe(IConfiguration configuration, string contentRoot)
    {
        var provider = configuration.GetValue(Section + ":" + nameof(Provider), DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (provider != DatabaseProvider.SqlServer)
        {
            return (provider, "file " + new SqliteConnectionStringBuilder(ResolveSqlite(connectionString, contentRoot)).DataSource);
        }

        try
        {
            var server = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connectionString);
            return (provider, $"server {server.DataSource}, database {server.InitialCatalog}");
        }
        catch (ArgumentException)
        {
            return (provider, "an unreadable connection string");
        }
    }
    public static string SqlServerMigrationsAssembly => "NgheAn.CNHT.Migrations.SqlServer";

    /// <summary>
    /// How every query sends a list of values (<c>ids.Contains(p.Id)</c>): as ONE array parameter (json_each on
    /// SQLite, OPENJSON on SQL Server), never one parameter per value. EF Core 10's default (one parameter per
    /// value) grows the statement with the data and fails past SQLite's 32.766 variables ("too many SQL
    /// variables": the reconciliation page at 100.000 proposals) and SQL Server's 2.100 parameters.
    /// Every context the portal, the tools and the tests build goes through these two methods.
    /// </summary>
    public static void Sqlite(Microsoft.EntityFrameworkCore.Infrastructure.SqliteDbContextOptionsBuilder o) =>
        o.MigrationsAssembly(SqliteMigrationsAssembly).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter);

    /// <inheritdoc cref="Sqlite"/>
    public static void SqlServer(Microsoft.EntityFrameworkCore.Infrastructure.SqlServerDbContextOptionsBuilder o) =>
        o.MigrationsAssembly(SqlServerMigrationsAssembly).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter);

    /// <summary>
    /// Makes a relative SQLite file path absolute under the content root and creates its folder,
    /// so `dotnet run` keeps its database in src/NgheAn.CNHT.Web/App_Data.
    /// </summary>
    public static string ResolveSqlite(string? connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnection : connectionString);
        var source = builder.DataSource;
        if (!string.IsNullOrEmpty(source) && source != ":memory:" && !source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            && builder.Mode != SqliteOpenMode.Memory)
        {
            if (!Path.IsPathRooted(source))
            {
                source = Path.GetFullPath(Path.Combine(contentRoot, source));
                builder.DataSource = source;
            }

            var folder = Path.GetDirectoryName(source);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        // Writers wait for each other instead of failing at once with SQLITE_BUSY.
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        return builder.ToString();
    }
}

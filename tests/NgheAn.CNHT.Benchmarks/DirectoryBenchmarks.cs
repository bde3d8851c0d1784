using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Suppliers;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Infrastructure.Suppliers;

namespace NgheAn.CNHT.Benchmarks;

/// <summary>
/// The public directory's faceted search over 10.030 enterprises (issue 17 § 10: ≤ 30 ms): the 85 demo profiles of
/// the directory seeder, each copied 117 times by SQL (new ids, slugs and units; the same sectors, processes,
/// certifications, parks and folded text), so every facet keeps the demo data's proportions. The search triggers
/// index the copies as any write would. "LIKE" runs the phrase as the directory did before ADR 0106 (a LIKE on the
/// folded column), "FTS" through the FTS5 index, in the same process and minutes.
/// </summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(3)]
[IterationCount(10)]
public class DirectoryBenchmarks
{
    public const int Copies = 117;
    private IHost _host = null!;

    private static string PathOfDirectory => Path.Combine(BenchData.Folder, "cnht-directory-10030.db");

    [Params("LIKE", "FTS")]
    public string Index { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        EnsureAsync().GetAwaiter().GetResult();
        _host = BenchData.HostOver(PathOfDirectory);
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    private static async Task EnsureAsync()
    {
        if (File.Exists(PathOfDirectory))
        {
            return;
        }

        await BenchData.EnsureAsync(23);
        var building = PathOfDirectory + ".building";
        File.Copy(BenchData.PathFor(23), building, overwrite: true);
        using (var host = BenchData.HostOver(building))
        using (var scope = host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DirectoryDemoSeeder>().SeedAsync();
        }

        await using (var connection = new SqliteConnection($"Data Source={building}"))
        {
            await CopyProfilesAsync(connection);
        }

        SqliteConnection.ClearAllPools();
        File.Move(building, PathOfDirectory);
    }

    private static async Task CopyProfilesAsync(SqliteConnection connection)
    {
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        async Task Run(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }

        async Task<(string Into, string Select)> Columns(string table, Dictionary<string, string> replaced)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
            var names = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    names.Add(reader.GetString(0));
                }
            }

            return (string.Join(", ", names.Select(n => $"\"{n}\"")), string.Join(", ", names.Select(n => replaced.GetValueOrDefault(n, $"\"{n}\""))));
        }

        const int Step = 1_000_000;
        var orgCols = await Columns("Organizations", new() { ["Id"] = $"\"Id\" + {Step} * k.n", ["TaxCode"] = "NULL", ["Name"] = "\"Name\" || ' ' || k.n" });
        var profileCols = await Columns("SupplierProfiles", new()
        {
            ["Id"] = $"\"Id\" + {Step} * k.n", ["OrganizationId"] = $"\"OrganizationId\" + {Step} * k.n",
            ["Slug"] = "\"Slug\" || '-' || k.n", ["NameVi"] = "\"NameVi\" || ' ' || k.n", ["NameEn"] = "\"NameEn\" || ' ' || k.n",
        });
        var certCols = await Columns("SupplierCertifications", new() { ["Id"] = $"\"Id\" + {Step} * k.n", ["SupplierProfileId"] = $"\"SupplierProfileId\" + {Step} * k.n" });
        var copies = $"WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < {Copies})";
        var (oi, os) = orgCols;
        var (pi, ps) = profileCols;
        var (ci, cs) = certCols;
        await Run($"INSERT INTO \"Organizations\" ({oi}) {copies} SELECT {os} FROM \"Organizations\", k WHERE \"Id\" IN (SELECT \"OrganizationId\" FROM \"SupplierProfiles\")");
        await Run($"INSERT INTO \"SupplierProfiles\" ({pi}) {copies} SELECT {ps} FROM \"SupplierProfiles\", k");
        await Run($"INSERT INTO \"SupplierCertifications\" ({ci}) {copies} SELECT {cs} FROM \"SupplierCertifications\", k");
        await tx.CommitAsync();
        await Run("ANALYZE");
    }

    private async Task<int> Search(DirectoryFilter filter)
    {
        using var scope = _host.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<DirectoryQuery>();
        if (Index == "FTS" || string.IsNullOrWhiteSpace(filter.Query))
        {
            var page = await directory.SearchAsync(filter);
            return page.Total + page.Rows.Count;
        }

        // Before ADR 0106: the same filters, the phrase as a LIKE on the folded column.
        var phrase = SearchText.Fold(filter.Query);
        var query = directory.Filtered(filter with { Query = null }).Where(p => p.SearchText.Contains(phrase));
        var total = await query.CountAsync();
        var rows = await query.OrderByDescending(p => p.CapabilityVerifiedOn != null).ThenBy(p => p.NameVi).ThenBy(p => p.Id)
            .Take(DirectoryQuery.PageSize).Select(p => new { p.Slug, p.NameVi, p.SectorCodes }).ToListAsync();
        return total + rows.Count;
    }

    [Benchmark(Description = "Directory: first page, no filter")]
    public Task<int> Everything() => Search(new DirectoryFilter());

    [Benchmark(Description = "Directory: sector + valid certification")]
    public Task<int> SectorAndCertification() => Search(new DirectoryFilter(Sector: "co-khi", Certification: "iso-9001"));

    [Benchmark(Description = "Directory: search \"co khi\"")]
    public Task<int> Phrase() => Search(new DirectoryFilter(Query: "co khi"));

    [Benchmark(Description = "Directory: \"co khi\" + park + size + verified")]
    public Task<int> PhraseAndFacets() => Search(new DirectoryFilter(Query: "co khi", Zone: "kcn-hoang-mai", Size: Domain.Suppliers.WorkforceSize.From10To99, VerifiedOnly: true));

    [Benchmark(Description = "Directory: \"linh kien\", page 10")]
    public Task<int> PhrasePage10() => Search(new DirectoryFilter(Query: "linh kien", Page: 10));
}

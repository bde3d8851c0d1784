using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Dashboard;
using NgheAn.CNHT.Application.Disbursements;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.IntegrationTests.Persistence.MoneyAsIntegers;

/// <summary>
/// Every figure the portal reports, as JSON per report and program: the six reports, the reconciliation, the dashboard of
/// every year of the period, the ledger's register and balances with their totals.
/// </summary>
internal static class FigureSnapshot
{
    public static async Task<SortedDictionary<string, string>> TakeAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var reports = sp.GetRequiredService<ReportService>();
        var dashboard = sp.GetRequiredService<DashboardQuery>();
        var reconciliation = sp.GetRequiredService<ReconciliationQuery>();
        var ledger = sp.GetRequiredService<LedgerQueries>();
        var programs = await db.Programs.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Code, p.StartYear, p.EndYear }).ToListAsync();
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var program in programs)
        {
            foreach (var kind in ReportKinds.All)
            {
                snapshot[$"{program.Code}.report.{kind.Slug()}"] = ReportService.ToJson(await reports.BuildAsync(new ReportRequest(kind, program.Code)));
            }

            snapshot[$"{program.Code}.reconciliation"] = Json(await reconciliation.RunAsync(program.Code));
            for (var year = program.StartYear; year <= program.EndYear; year++)
            {
                snapshot[$"{program.Code}.dashboard.{year}"] = Json(await dashboard.BuildAsync(program.Code, year));
            }

            var filter = new LedgerFilter(ProgramCode: program.Code, PageSize: 200);
            snapshot[$"{program.Code}.ledger.register"] = Json(await ledger.RegisterAsync(filter));
            snapshot[$"{program.Code}.ledger.balances"] = Json(await ledger.BalancesAsync(filter));
            snapshot[$"{program.Code}.ledger.balance-totals"] = Json(await ledger.BalanceTotalsAsync(filter));
        }

        return snapshot;
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ReportJson.Options);

    /// <summary>
    /// Every figure of <paramref name="before"/> (numbers, and the length of every list) found with the same value at the same
    /// path in <paramref name="after"/>; fields added later are ignored, generation times are skipped. Returns the differences.
    /// </summary>
    public static IReadOnlyList<string> Compare(string name, string before, string after)
    {
        var differences = new List<string>();
        Walk(name, JsonNode.Parse(before), JsonNode.Parse(after), differences);
        return differences;
    }

    public static int CountFigures(string json)
    {
        var count = 0;
        void Count(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (_, v) in o)
                    {
                        Count(v);
                    }

                    break;
                case JsonArray a:
                    foreach (var v in a)
                    {
                        Count(v);
                    }

                    break;
                case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                    count++;
                    break;
            }
        }

        Count(JsonNode.Parse(json));
        return count;
    }

    private static void Walk(string path, JsonNode? before, JsonNode? after, List<string> differences)
    {
        switch (before)
        {
            case JsonObject o:
                if (after is not JsonObject ao)
                {
                    differences.Add($"{path}: object became {after?.ToJsonString() ?? "null"}");
                    return;
                }

                foreach (var (key, value) in o)
                {
                    if (key.Equals("generatedAtUtc", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    if (!ao.ContainsKey(key))
                    {
                        differences.Add($"{path}.{key}: missing after the upgrade");
                        continue;
                    }

                    Walk($"{path}.{key}", value, ao[key], differences);
                }

                break;
            case JsonArray a:
                if (after is not JsonArray aa || aa.Count != a.Count)
                {
                    differences.Add($"{path}: {a.Count} item(s) before, {(after as JsonArray)?.Count.ToString() ?? "no list"} after");
                    return;
                }

                for (var i = 0; i < a.Count; i++)
                {
                    Walk($"{path}[{i}]", a[i], aa[i], differences);
                }

                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                if (after is not JsonValue av || av.GetValueKind() != JsonValueKind.Number || av.GetValue<decimal>() != v.GetValue<decimal>())
                {
                    differences.Add($"{path}: {v.ToJsonString()} before, {after?.ToJsonString() ?? "null"} after");
                }

                break;
            case JsonValue v:
                if (after?.ToJsonString() != v.ToJsonString())
                {
                    differences.Add($"{path}: {v.ToJsonString()} before, {after?.ToJsonString() ?? "null"} after");
                }

                break;
        }
    }
}

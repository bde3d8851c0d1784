using Microsoft.Data.Sqlite;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Persistence.LedgerIndexes;

/// <summary>
/// Migration <c>Issue21LedgerIndexes</c> (issue 21, item 2, third round): the ledger page filtered by kind or by source and
/// what waits for a step, oldest first, are walks of an index that stop after the page, and the unfiltered ledger page keeps
/// its own index (a new index led by the program took it over and sorted the program's 500.000 entries).
/// </summary>
public sealed class LedgerIndexesTests
{
    private static async Task<string> PlanAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString + ";Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3));
        }

        return string.Join(" ; ", lines);
    }

    [Theory]
    [InlineData("SELECT Id FROM DisbursementEntries WHERE ProgramId = 1 ORDER BY EntryDate DESC, Id DESC LIMIT 50 OFFSET 500", "IX_DisbursementEntries_ProgramId_EntryDate_Id")]
    [InlineData("SELECT Id FROM DisbursementEntries WHERE ProgramId = 1 AND Kind = 'Advance' ORDER BY EntryDate DESC, Id DESC LIMIT 50", "IX_DisbursementEntries_Kind_ProgramId_EntryDate_Id")]
    [InlineData("SELECT Id FROM DisbursementEntries WHERE ProgramId = 1 AND Kind = 'Payment' AND EntryDate >= '2024-01-01' AND EntryDate <= '2024-12-31' ORDER BY EntryDate DESC, Id DESC LIMIT 50", "IX_DisbursementEntries_Kind_ProgramId_EntryDate_Id")]
    [InlineData("SELECT Id FROM DisbursementEntries WHERE ProgramId = 1 AND Source = 'Counterpart' ORDER BY EntryDate DESC, Id DESC LIMIT 50", "IX_DisbursementEntries_Source_ProgramId_EntryDate_Id")]
    // Kind and source together (migration Issue21BalanceTotals, round 22): the walk of both, not of one testing the other.
    [InlineData("SELECT Id FROM DisbursementEntries WHERE ProgramId = 1 AND Kind = 'Advance' AND Source = 'ProvincialBudget' ORDER BY EntryDate DESC, Id DESC LIMIT 50", "IX_DisbursementEntries_Kind_Source_ProgramId_EntryDate_Id")]
    [InlineData("SELECT Id FROM DisbursementEntries WHERE ProgramId = 1 AND Source = 'Counterpart' AND Kind = 'Advance' AND EntryDate >= '2024-01-01' AND EntryDate <= '2024-12-31' ORDER BY EntryDate DESC, Id DESC LIMIT 50 OFFSET 500", "IX_DisbursementEntries_Kind_Source_ProgramId_EntryDate_Id")]
    [InlineData("SELECT Id, Code FROM Proposals WHERE Status = 'Appraised' ORDER BY StatusChangedAt, Id LIMIT 5", "IX_Proposals_Waiting")]
    // Counted from the narrowest index that starts with the status (since ADR 0243's addendum, the (Status, Code) one).
    [InlineData("SELECT Status, count(*) FROM Proposals WHERE Status IN ('Submitted', 'Appraised') GROUP BY Status", "IX_Proposals_Status_Code")]
    // The register filtered by status, every program, in code order (ADR 0243 addendum): a walk that stops after the page.
    [InlineData("SELECT Id, Code, Title FROM Proposals WHERE Status = 'Draft' ORDER BY Code LIMIT 50", "IX_Proposals_Status_Code")]
    [InlineData("SELECT Id, Code, Title FROM Proposals WHERE Status = 'Settled' ORDER BY Code DESC LIMIT 50 OFFSET 950", "IX_Proposals_Status_Code")]
    public async Task A_page_of_the_ledger_or_of_what_waits_is_an_index_walk_without_a_sort(string sql, string index)
    {
        await using var portal = new CnhtFactory();
        _ = portal.Services; // migrated and seeded
        var plan = await PlanAsync(portal.ConnectionString, sql);
        Assert.Contains(index, plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    [Fact]
    public async Task The_totals_of_a_status_read_the_waiting_index_alone()
    {
        await using var portal = new CnhtFactory();
        _ = portal.Services;
        var plan = await PlanAsync(portal.ConnectionString,
            "SELECT count(*), SUM(COALESCE(SettledTotalCost, ApprovedTotalCost, RequestedTotalCost)), SUM(COALESCE(SettledProvincialShare, ApprovedProvincialShare, RequestedProvincialShare)) FROM Proposals WHERE Status = 'Implementing'");
        Assert.Contains("COVERING INDEX IX_Proposals_Waiting", plan);
    }
}

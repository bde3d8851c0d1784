using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Auditing;
using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.Application.Disbursements;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Application.Search;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.DataExchange;

/// <summary>
/// The import's bulk save on SQLite (ADR 0200): prepared INSERTs with their audit rows, in the one transaction of the
/// import. It writes what EF's chunked save writes (the audit trail as one row per table for the import, ADR 0212), and a
/// row refused late in the save leaves nothing saved.
/// </summary>
public sealed class BulkImportTests(DemoPortal demo) : IClassFixture<DemoPortal>
{
    /// <summary>An empty portal whose import saves through EF in chunks (the SQL Server path), to compare with.</summary>
    private sealed class ChunkedSavePortal() : CnhtFactory(seedDemoData: false)
    {
        private sealed class NoBulkRows : IBulkRowWriter
        {
            public IBulkRows? Open(ImportedFile file) => null;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddScoped<IBulkRowWriter, NoBulkRows>());
        }
    }

    [Fact]
    public async Task A_ledger_row_refused_late_in_the_bulk_save_leaves_nothing_saved_and_the_file_then_imports()
    {
        using var portal = new EmptyPortal();
        var bytes = LargeWorkbookTests.Rows(portal, 800);
        static Task<(int Proposals, int Transitions, int Entries, int Units, int Audit)> Everything(CnhtFactory p) => p.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (await db.Proposals.CountAsync(), await db.ProposalTransitions.CountAsync(), await db.DisbursementEntries.CountAsync(),
                await db.Organizations.CountAsync(), await db.AuditEntries.CountAsync());
        });
        var before = await Everything(portal);
        // The database refuses the last row's payment (PC-799), after 799 proposals, their history and entries were written.
        await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER \"TR_Test_LateRow\" BEFORE INSERT ON \"DisbursementEntries\" WHEN NEW.\"VoucherNumber\" = 'PC-799' "
            + "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"));

        var refused = await portal.ImportAsync(bytes, fileName: "lich-su.xlsx");

        Assert.False(refused.Saved);
        Assert.Contains(refused.Problems, p => p.IsError && p.Message.StartsWith("Không lưu được, không dòng nào được ghi", StringComparison.Ordinal));
        Assert.Equal(before, await Everything(portal));

        await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync("DROP TRIGGER \"TR_Test_LateRow\""));
        var saved = await portal.ImportAsync(bytes, fileName: "lich-su.xlsx");
        Assert.True(saved.Saved, string.Join("\n", saved.Problems.Take(10)));
        Assert.Equal((800, 800, 400), await portal.CountsAsync());
    }

    [Fact]
    public async Task The_bulk_save_writes_the_rows_history_audit_and_sums_the_chunked_save_writes_and_the_round_trip_holds()
    {
        var exported = await demo.ExportAsync();
        using var bulk = new EmptyPortal();
        using var chunked = new ChunkedSavePortal();
        var outcome = await bulk.ImportAsync(exported, fileName: "chuong-trinh.xlsx");
        Assert.True(outcome.Saved, string.Join("\n", outcome.Problems));
        Assert.True((await chunked.ImportAsync(exported, fileName: "chuong-trinh.xlsx")).Saved);

        // The round trip: the same appendix and ledger as the portal exported.
        static Task<string> Appendix(CnhtFactory p) => p.ScopedAsync(async sp =>
            ReportJson.Serialize(await sp.GetRequiredService<AppendixQuery>().BuildAsync("2018-2025") with { GeneratedAtUtc = default }));
        Assert.Equal(await Appendix(demo), await Appendix(bulk));
        static Task<List<string>> Sums(CnhtFactory p) => p.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().DisbursementEntries
            .GroupBy(e => new { e.Proposal.Code, e.Source, e.Kind })
            .Select(g => g.Key.Code + "/" + g.Key.Source + "/" + g.Key.Kind + "=" + g.Sum(e => e.Amount) + "#" + g.Count())
            .OrderBy(s => s).ToListAsync());
        Assert.Equal(await Sums(demo), await Sums(bulk));

        // Row for row what EF writes: proposals, their history, the ledger with its program and reversals, the audit trail, the kept sums.
        Assert.Equal(await Ledger(chunked), await Ledger(bulk));
        Assert.Equal(await Proposals(chunked), await Proposals(bulk));
        Assert.Equal(await History(chunked), await History(bulk));
        Assert.Equal(await Audit(chunked), await Audit(bulk));
        Assert.Equal(await KeptSums(chunked), await KeptSums(bulk));

        // The figures the bulk path computes once after its rows (its row triggers set aside) are those the chunked save's
        // triggers keep row by row (ADR 0220); the triggers are back, and the balance-input log says "rebuild" (ADR 0226).
        Assert.NotEmpty(await LedgerFigures(bulk));
        Assert.Equal(await LedgerFigures(chunked), await LedgerFigures(bulk));
        Assert.Equal(await Triggers(chunked), await Triggers(bulk));
        Assert.True(await bulk.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Database
            .SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"BalanceInputChanges\" WHERE \"ProposalId\" IS NULL").SingleAsync()) > 0);

        await bulk.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            // The full-text index was kept in step by its triggers: every imported proposal is found by its code.
            var codes = await db.Proposals.Select(p => p.Code).ToListAsync();
            Assert.NotEmpty(codes);
            foreach (var code in codes.Take(5))
            {
                Assert.Equal([code], await db.Proposals.Matching(db, code).Select(p => p.Code).ToListAsync());
            }

            // The ledger stays append-only.
            var id = await db.DisbursementEntries.Select(e => e.Id).FirstAsync();
            await Assert.ThrowsAnyAsync<Microsoft.Data.Sqlite.SqliteException>(() =>
                db.Database.ExecuteSqlRawAsync("UPDATE \"DisbursementEntries\" SET \"Amount\" = 1 WHERE \"Id\" = {0}", id));
            return 0;
        });
    }

    private static Task<List<string>> LedgerFigures(CnhtFactory p) => p.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().ProposalLedgerFigures.AsNoTracking()
        .OrderBy(f => f.ProposalId)
        .Select(f => f.ProposalId + ":" + f.ProgramId + "/" + f.Status + "/" + f.ProvincialCeiling + "/" + f.OtherCeiling + "/" + f.ProvincialCount + "/" + f.Provincial
            + "/" + f.OtherCount + "/" + f.Other + "/" + f.LastAdvanceDate + "/" + f.Advanced + "/" + f.LastFinalDate + "/" + f.OverCeiling + "/" + f.OpenAdvance)
        .ToListAsync());

    private static Task<List<string>> Triggers(CnhtFactory p) => p.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Database
        .SqlQueryRaw<string>("SELECT name || ' ' || sql AS \"Value\" FROM sqlite_master WHERE type = 'trigger' ORDER BY name").ToListAsync());

    private static Task<List<string>> Ledger(CnhtFactory p) => p.ScopedAsync(sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        return db.DisbursementEntries
            .OrderBy(e => e.Proposal.Code).ThenBy(e => e.EntryDate).ThenBy(e => e.VoucherNumber).ThenBy(e => e.Amount)
            .Select(e => e.Proposal.Code + "|" + e.EntryDate + "|" + e.VoucherNumber + "|" + e.Source + "|" + e.Kind + "|" + e.Amount + "|" + e.Note
                + "|" + (e.ProgramId == e.Proposal.ProgramId) + "|" + e.RecordedBy
                + "|" + db.DisbursementEntries.Where(o => o.Id == e.ReversesEntryId).Select(o => o.VoucherNumber).FirstOrDefault())
            .ToListAsync();
    });

    private static Task<List<string>> Proposals(CnhtFactory p) => p.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Proposals
        .OrderBy(x => x.Code)
        .Select(x => x.Code + "|" + x.Title + "|" + x.SearchText + "|" + x.Status + "|" + x.ProgramId + "|" + x.ContentItemId + "|" + x.LeadOrganization.Name
            + "|" + x.RequestedTotalCost + "|" + x.ApprovedProvincialShare + "|" + x.SettledProvincialShare + "|" + x.DecisionDate + "|" + x.AcceptanceDate
            + "|" + x.CreatedBy + "|" + (x.CreatedAt > DateTime.MinValue))
        .ToListAsync());

    private static Task<List<string>> History(CnhtFactory p) => p.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().ProposalTransitions
        .OrderBy(t => t.Proposal.Code).ThenBy(t => t.Id)
        .Select(t => t.Proposal.Code + "|" + t.Action + "|" + t.FromStatus + "|" + t.ToStatus + "|" + t.UserName + "|" + t.Comment)
        .ToListAsync());

    /// <summary>
    /// The trail of the imported rows: EF's chunked save writes one Insert row per proposal, history row and entry; the bulk save one
    /// Import row per table (ADR 0212) whose range of ids holds exactly that table's rows and whose count is the chunked save's count.
    /// </summary>
    private static Task<List<string>> Audit(CnhtFactory p) => p.ScopedAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        string[] types = ["Proposal", "ProposalTransition", "DisbursementEntry"];
        var inserts = await db.AuditEntries.Where(a => a.Action == "Insert" && types.Contains(a.EntityType))
            .GroupBy(a => a.EntityType).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var imports = await db.AuditEntries.Where(a => a.Action == ImportedRows.Action).Select(a => new { a.EntityType, a.EntityKey, a.Changes }).ToListAsync();
        var ids = new Dictionary<string, List<long>>
        {
            ["Proposal"] = await db.Proposals.Select(x => (long)x.Id).ToListAsync(),
            ["ProposalTransition"] = await db.ProposalTransitions.Select(x => (long)x.Id).ToListAsync(),
            ["DisbursementEntry"] = await db.DisbursementEntries.Select(x => (long)x.Id).ToListAsync(),
        };
        var result = inserts.Select(i => i.Key + "=" + i.Count).ToList();
        foreach (var row in imports)
        {
            Assert.True(ImportedRows.TryRange(row.EntityKey, out var first, out var last), row.EntityKey);
            var changes = AuditQueries.ParseChanges(row.Changes).ToDictionary(c => c.Field, c => c.New);
            Assert.Equal((first, last), (ids[row.EntityType].Min(), ids[row.EntityType].Max()));
            Assert.Equal(ids[row.EntityType].Count, last - first + 1);
            Assert.Equal(first.ToString(System.Globalization.CultureInfo.InvariantCulture), changes[ImportedRows.FirstIdField]);
            Assert.Equal("chuong-trinh.xlsx", changes[ImportedRows.FileField]);
            Assert.Matches("^[0-9a-f]{64}$", changes[ImportedRows.Sha256Field]);
            result.Add(row.EntityType + "=" + changes[ImportedRows.CountField]);
        }

        return result.Order(StringComparer.Ordinal).ToList();
    });

    private static Task<List<string>> KeptSums(CnhtFactory p) => p.ScopedAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var program = await db.Programs.Where(x => x.Code == "2018-2025").Select(x => x.Id).SingleAsync();
        var items = await db.ContentItems.ToDictionaryAsync(i => i.Id, i => i.Code);
        return (await sp.GetRequiredService<LedgerItemSums>().ByItemYearAndSourceAsync(db, program))
            .Select(s => $"{items[s.ContentItemId]}|{s.Year}|{s.Source}|{s.Amount}").Order(StringComparer.Ordinal).ToList();
    });
}

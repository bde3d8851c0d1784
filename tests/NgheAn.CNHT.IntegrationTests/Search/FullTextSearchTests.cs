using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.IntegrationTests.Support;
using static NgheAn.CNHT.IntegrationTests.Support.ProposalArrange;

namespace NgheAn.CNHT.IntegrationTests.Search;

/// <summary>
/// The register's full-text search on a real SQLite database (FTS5, migration Issue21FullTextSearch, ADR 0106):
/// code, title, lead unit and tax code, with or without diacritics, a word or the start of one; the index kept in
/// step by triggers whatever writes the row (EF through the domain, the importer, the migration for old rows).
/// </summary>
public sealed class FullTextSearchTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private static Task<string[]> SearchAsync(CnhtFactory factory, string query) => factory.ScopedAsync(async sp =>
    {
        // All pages: the register pages by 50, the demo data is smaller, a created proposal may not be.
        var page = await sp.GetRequiredService<ProposalQueries>().RegisterAsync(new RegisterFilter(Query: query));
        Assert.True(page.TotalCount <= ProposalQueries.PageSize, $"{query}: {page.TotalCount} rows, more than a page");
        return page.Rows.Select(r => r.Code).Order(StringComparer.Ordinal).ToArray();
    });

    /// <summary>The words of folded text as the tokenizer cuts them: runs of letters and digits.</summary>
    private static string[] Tokens(string folded) =>
        System.Text.RegularExpressions.Regex.Split(folded, @"[^\p{L}\p{N}]+").Where(t => t.Length > 0).ToArray();

    /// <summary>The rule of ADR 0106 written out in C#: the query's words, in order, start consecutive words of the text.</summary>
    private static bool Matches(string foldedText, string foldedTerm)
    {
        var text = Tokens(foldedText);
        var term = Tokens(foldedTerm);
        for (var i = 0; i + term.Length <= text.Length; i++)
        {
            var ok = true;
            for (var j = 0; j < term.Length && ok; j++)
            {
                ok = j == term.Length - 1 ? text[i + j].StartsWith(term[j], StringComparison.Ordinal) : text[i + j] == term[j];
            }

            if (ok)
            {
                return true;
            }
        }

        return false;
    }

    private sealed record Indexed(int Id, string Code, string Own, string Lead);

    private static Task<List<Indexed>> IndexedAsync(CnhtFactory factory) => ReadAsync(factory, db => db.Proposals
        .Select(p => new Indexed(p.Id, p.Code, p.SearchText, p.LeadOrganization.SearchText)).ToListAsync());

    [Theory]
    [InlineData("dao tao")]
    [InlineData("đào tạo")]
    [InlineData("ĐÀO TẠO")]
    public async Task Titles_are_found_with_or_without_diacritics(string query)
    {
        var codes = await SearchAsync(portal, query);
        Assert.Contains("CNHT-2023-02", codes);
        Assert.Equal(await SearchAsync(portal, "dao tao"), codes);
    }

    [Fact]
    public async Task A_code_prefix_finds_every_code_that_starts_so()
    {
        var all = await IndexedAsync(portal);
        Assert.Equal(["CNHT-2019-01"], await SearchAsync(portal, "cnht-2019"));
        Assert.Equal(["CNHT-2019-01"], await SearchAsync(portal, "CNHT-2019-0"));
        var expected = all.Where(p => p.Code.StartsWith("CNHT-202", StringComparison.Ordinal)).Select(p => p.Code).Order(StringComparer.Ordinal).ToArray();
        Assert.True(expected.Length > 3);
        Assert.Equal(expected, await SearchAsync(portal, "CNHT-202"));
    }

    [Fact]
    public async Task A_tax_code_or_its_start_finds_the_lead_units_proposals()
    {
        var unit = await ReadAsync(portal, db => db.Proposals.Where(p => p.LeadOrganization.TaxCode != null)
            .GroupBy(p => new { p.LeadOrganization.TaxCode })
            .Select(g => new { g.Key.TaxCode, Count = g.Count() }).OrderByDescending(g => g.Count).FirstAsync());
        var all = await IndexedAsync(portal);
        foreach (var typed in new[] { unit.TaxCode!, unit.TaxCode![..6] })
        {
            var expected = all.Where(p => Matches(p.Own + " " + p.Lead, typed)).Select(p => p.Code).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(unit.Count, all.Count(p => p.Lead.EndsWith(unit.TaxCode!, StringComparison.Ordinal)));
            Assert.True(expected.Length >= unit.Count);
            Assert.Equal(expected, await SearchAsync(portal, typed));
        }
    }

    [Fact]
    public async Task The_lead_units_name_finds_its_proposals_with_or_without_diacritics()
    {
        var unit = await ReadAsync(portal, db => db.Proposals
            .GroupBy(p => new { p.LeadOrganizationId, p.LeadOrganization.Name })
            .Select(g => new { g.Key.Name, Codes = g.Select(p => p.Code).ToList() }).FirstAsync());
        var words = unit.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var typed = string.Join(' ', words.Skip(Math.Max(0, words.Length - 2)));     // the last two words, as typed
        foreach (var query in new[] { typed, SearchText.Fold(typed) })
        {
            var found = await SearchAsync(portal, query);
            Assert.All(unit.Codes, code => Assert.Contains(code, found));
        }
    }

    [Fact]
    public async Task On_the_demo_data_the_old_searchs_results_are_kept_and_every_difference_is_the_rule()
    {
        // The old search (ADR 0010): each folded word contained anywhere in the folded code + title.
        var all = await IndexedAsync(portal);
        // On what staff type, the same rows, plus those whose lead unit or tax code holds the words (the search now
        // covers them too, issue 21 § 3).
        foreach (var query in new[] { "dao tao", "Đào tạo", "cnht-2019", "CNC 5 truc", "dao tao robot", "khuon mau", "thiet bi" })
        {
            var terms = SearchText.Terms(query);
            var old = all.Where(p => terms.All(t => p.Own.Contains(t, StringComparison.Ordinal))).Select(p => p.Code).ToHashSet();
            var found = await SearchAsync(portal, query);
            Assert.Superset(old, found.ToHashSet());
            Assert.All(found.Except(old), code =>
                Assert.True(terms.All(t => Matches(all.Single(p => p.Code == code).Own + " " + all.Single(p => p.Code == code).Lead, t)), code));
        }

        // Every word of every demo code and title: the new result is exactly the rule (the word starts a word of the
        // code, title, lead unit or tax code), and it keeps every row the old search found at the start of a word.
        var words = all.SelectMany(p => p.Own.Split(' ')).Where(w => w.Any(char.IsLetterOrDigit)).Distinct().ToList();
        Assert.True(words.Count > 100);
        foreach (var word in words)
        {
            var found = await SearchAsync(portal, word);
            var rule = all.Where(p => Matches(p.Own + " " + p.Lead, word)).Select(p => p.Code).Order(StringComparer.Ordinal).ToArray();
            Assert.True(rule.SequenceEqual(found), $"\"{word}\": expected {string.Join(", ", rule)}; found {string.Join(", ", found)}");
            var oldAtWordStart = all.Where(p => p.Own.Contains(word, StringComparison.Ordinal) && Matches(p.Own, word)).Select(p => p.Code);
            Assert.Empty(oldAtWordStart.Except(found));
        }
    }

    [Fact]
    public async Task Symbols_typed_in_the_box_are_words_not_operators()
    {
        Assert.Empty(await SearchAsync(portal, "\"dao OR NEAR(tao\" *"));
        Assert.Equal(await SearchAsync(portal, "dao tao"), await SearchAsync(portal, "dao* tao\""));
        Assert.Equal((await IndexedAsync(portal)).Count, (await SearchAsync(portal, "- \"")).Length);
    }
}

/// <summary>Whatever writes a proposal or a unit, the index follows in the same statement (triggers, ADR 0106).</summary>
public sealed class FullTextSearchInStepTests
{
    private static Task<string[]> SearchAsync(CnhtFactory factory, string query) => factory.ScopedAsync(async sp =>
        (await sp.GetRequiredService<ProposalQueries>().RegisterAsync(new RegisterFilter(Query: query))).Rows.Select(r => r.Code).ToArray());

    [Fact]
    public async Task A_proposal_created_renamed_or_whose_unit_is_renamed_is_found_by_its_new_words_at_once()
    {
        await using var portal = new CnhtFactory();
        var id = await InStatusAsync(portal, ProposalStatus.Draft, "Thử nghiệm bôi trơn ổ trục", "TK-2025-77");
        Assert.Equal(["TK-2025-77"], await SearchAsync(portal, "boi tron o truc"));
        Assert.Equal(["TK-2025-77"], await SearchAsync(portal, "tk-2025"));

        await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var p = await db.Proposals.SingleAsync(x => x.Id == id);
            p.Edit(new ProposalDraft("TK-2025-77", "Chế tạo bánh răng côn xoắn", "Mục tiêu kiểm thử", null, 2025, 2025, 1_000_000_000m, 300_000_000m),
                new ProposalContext(p.ProgramId, new YearRange(2018, 2025), p.ContentItemId, p.LeadOrganizationId), Specialist);
            await db.SaveChangesAsync();
            return 0;
        });
        Assert.Empty(await SearchAsync(portal, "boi tron"));
        Assert.Equal(["TK-2025-77"], await SearchAsync(portal, "banh rang con xoan"));

        await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var p = await db.Proposals.Include(x => x.LeadOrganization).SingleAsync(x => x.Id == id);
            var o = p.LeadOrganization;
            o.Update("Hợp tác xã Cơ khí Quỳnh Lưu", o.Kind, o.TaxCode, o.Sector, o.CommuneCode, o.Address, o.ContactPerson, o.Phone, o.Email);
            await db.SaveChangesAsync();
            return 0;
        });
        Assert.Contains("TK-2025-77", await SearchAsync(portal, "hop tac xa quynh luu"));
    }

    [Fact]
    public async Task An_imported_proposal_is_found_by_title_code_unit_and_tax_code()
    {
        await using var portal = new EmptyPortal();
        var tax = DemoDataSeeder.WithCheckDigit("290888222");
        var wb = new HandMadeWorkbook();
        wb.Proposal("NK-2023-05", "Gia công khuôn dập Diễn Châu", "3.3", "Công ty TNHH Khuôn mẫu Hoàng Mai", tax, 2023, 2023,
            1_000_000_000, 300_000_000, "Đã phê duyệt", "35/QĐ-SCT", new DateOnly(2023, 3, 2));
        var outcome = await portal.AsAsync("DoitLeader", async sp =>
        {
            using var stream = new MemoryStream(wb.ToBytes());
            return await sp.GetRequiredService<ImportService>().RunAsync(stream, new ImportRequest("nhap.xlsx", "2018-2025", false));
        });
        Assert.True(outcome.Saved, string.Join("; ", outcome.Problems));
        foreach (var query in new[] { "khuon dap dien chau", "nk-2023", "khuôn mẫu hoàng mai", tax[..5], tax })
        {
            Assert.Equal(["NK-2023-05"], await SearchAsync(portal, query));
        }
    }

    [Fact]
    public async Task The_migration_indexes_the_rows_that_exist_and_every_trigger_is_in_place()
    {
        await using var portal = new CnhtFactory();
        var triggers = new[]
        {
            "TR_Proposals_SearchIndex_Insert", "TR_Proposals_SearchIndex_Update", "TR_Proposals_SearchIndex_Delete",
            "TR_Organizations_SearchIndex_Update", "TR_SupplierProfiles_SearchIndex_Insert",
            "TR_SupplierProfiles_SearchIndex_Update", "TR_SupplierProfiles_SearchIndex_Delete",
        };
        await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            // After every migration (a later one that rebuilt Proposals would have dropped them): all triggers present.
            var present = await db.Database.SqlQuery<string>($"SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'TR_%SearchIndex%'").ToListAsync();
            Assert.Equal(triggers.Order(StringComparer.Ordinal), present.Order(StringComparer.Ordinal));

            // Down to the migration before, then up again: the index is rebuilt from the rows already there.
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var mine = migrations.FindIndex(m => m.EndsWith("_Issue21FullTextSearch", StringComparison.Ordinal));
            await migrator.MigrateAsync(migrations[mine - 1]);
            Assert.Empty(await db.Database.SqlQuery<string>($"SELECT name AS \"Value\" FROM sqlite_master WHERE name = 'ProposalSearchIndex'").ToListAsync());
            await migrator.MigrateAsync(migrations[^1]);

            var proposals = await db.Proposals.CountAsync();
            Assert.True(proposals > 20);
            Assert.Equal(proposals, await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM \"ProposalSearchIndex\"").SingleAsync());
            Assert.Equal(await db.SupplierProfiles.CountAsync(), await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM \"SupplierSearchIndex\"").SingleAsync());
            return 0;
        });
        Assert.Contains("CNHT-2023-02", await SearchAsync(portal, "dao tao"));
    }
}

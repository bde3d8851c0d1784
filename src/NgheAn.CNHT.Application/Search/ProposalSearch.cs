using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.Search;

/// <summary>
/// The register's search through the full-text index (ADR 0106): code, title, lead-unit name and tax code, with or
/// without diacritics, a word or the start of one. The index is outside the EF model (migration
/// Issue21FullTextSearch); each provider's subquery returns proposal ids, which the register's other filters,
/// sorting, totals and paging compose with in one SQL statement.
/// </summary>
public static class ProposalSearch
{
    public const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>
    /// The proposals matching every term typed (all of them when nothing searchable was typed).
    /// <para>
    /// <paramref name="probe"/>: for a page in index order of a search that matches many rows (ADR 0209). SQLite
    /// otherwise reads every match by its id and sorts them all for one page (a common word: about 10.000 rows at
    /// 100.000 proposals). With the id wrapped in an expression (<c>Id + 0</c>) the match set is only probed, so the
    /// planner walks the index of the page's order (IX_Proposals_ProgramId_Code) and stops after the page's rows.
    /// For a search matching few rows the default is far better (a few lookups, no walk).
    /// </para>
    /// </summary>
    /// <para>
    /// <paramref name="among"/>: only these proposals are asked about (the register's kept figures reading the few changed
    /// proposals, ADR 0237). On SQLite the ids go into the full-text query itself, so it answers for them alone instead
    /// of listing every match (a common word: 12.500 rows) for the outer query to probe.
    /// </para>
    public static IQueryable<Proposal> Matching(this IQueryable<Proposal> query, IAppDbContext db, string? typed, bool probe = false, IReadOnlyCollection<int>? among = null)
    {
        var terms = FullTextQuery.Terms(typed);
        if (terms.Count == 0)
        {
            return query;
        }

        if (db.Database.ProviderName == SqliteProvider)
        {
            // SQLite FTS5: one MATCH for all terms; rowid is the proposal's id.
            var match = FullTextQuery.Fts5(terms);
            var ids = among is null
                ? db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"ProposalSearchIndex\" WHERE \"ProposalSearchIndex\" MATCH {match}")
                : db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"ProposalSearchIndex\" WHERE \"ProposalSearchIndex\" MATCH {match} AND rowid IN (SELECT value FROM json_each({System.Text.Json.JsonSerializer.Serialize(among)}))");
            if (probe)
            {
                var zero = 0;
                return query.Where(p => ids.Contains(p.Id + zero));
            }

            return query.Where(p => ids.Contains(p.Id));
        }

        // SQL Server: the word table, one index seek per term (LIKE 'term%' with a parameter).
        foreach (var term in terms)
        {
            var pattern = FullTextQuery.StartsWithPattern(term);
            var ids = db.Database.SqlQuery<int>($"SELECT [ProposalId] AS [Value] FROM [ProposalSearchWords] WHERE [Word] LIKE {pattern} ESCAPE N'\\'");
            query = query.Where(p => ids.Contains(p.Id));
        }

        return query;
    }
}

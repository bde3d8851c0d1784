using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Suppliers;

namespace NgheAn.CNHT.Application.Search;

/// <summary>
/// The public directory's search (ADR 0181, 0106): the folded words typed, as one phrase ("co khi" means "cơ khí",
/// not "cơ" somewhere and "khí" elsewhere), the last word a prefix. On SQLite through the FTS5 index over the
/// profile's folded text; on SQL Server a LIKE on the same folded column (a directory holds thousands of
/// profiles, not hundreds of thousands: measured at 10.000 in docs/performance.md).
/// </summary>
public static class SupplierSearch
{
    public static IQueryable<SupplierProfile> Matching(this IQueryable<SupplierProfile> query, IAppDbContext db, string? typed)
    {
        var phrase = FullTextQuery.Terms(typed).Count == 0 ? "" : SearchText.Fold(typed);
        if (phrase.Length == 0)
        {
            return query;
        }

        if (db.Database.ProviderName == ProposalSearch.SqliteProvider)
        {
            var match = FullTextQuery.Fts5Phrase(phrase);
            var ids = db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"SupplierSearchIndex\" WHERE \"SupplierSearchIndex\" MATCH {match}");
            return query.Where(p => ids.Contains(p.Id));
        }

        return query.Where(p => p.SearchText.Contains(phrase));
    }
}

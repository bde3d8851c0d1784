using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace NgheAn.CNHT.Application.Common;

/// <summary>
/// Vietnamese alphabetical order in SQL (A Ă Â B C D Đ E Ê …; Đ after every D). SQL Server has the
/// collation built in; on SQLite the same name is registered on every connection the portal opens
/// (Infrastructure's VietnameseCollationInterceptor, with .NET's vi-VN comparison), so one query serves
/// both providers. Applied in queries, not on columns: a database file stays readable by tools that do
/// not know the collation (docs/decisions/0071-vietnamese-sorting.md).
/// </summary>
public static class Collations
{
    /// <summary>Case-insensitive, accent-sensitive Vietnamese order.</summary>
    public const string Vietnamese = "Vietnamese_CI_AS";

    /// <summary><c>ORDER BY name COLLATE Vietnamese_CI_AS</c>.</summary>
    public static IOrderedQueryable<T> OrderByVietnamese<T>(this IQueryable<T> query, Expression<Func<T, string>> key, bool descending = false)
    {
        var collated = Collated(key);
        return descending ? query.OrderByDescending(collated) : query.OrderBy(collated);
    }

    public static IOrderedQueryable<T> ThenByVietnamese<T>(this IOrderedQueryable<T> query, Expression<Func<T, string>> key, bool descending = false)
    {
        var collated = Collated(key);
        return descending ? query.ThenByDescending(collated) : query.ThenBy(collated);
    }

    private static Expression<Func<T, string>> Collated<T>(Expression<Func<T, string>> key)
    {
        var collate = typeof(RelationalDbFunctionsExtensions).GetMethod(nameof(RelationalDbFunctionsExtensions.Collate))!.MakeGenericMethod(typeof(string));
        var body = Expression.Call(collate, Expression.Constant(EF.Functions), key.Body, Expression.Constant(Vietnamese));
        return Expression.Lambda<Func<T, string>>(body, key.Parameters);
    }
}

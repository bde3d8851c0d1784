namespace NgheAn.CNHT.Web.Pages.Shared;

/// <summary>A windowed pager (first, previous, a few around the current page, next, last) for long lists.</summary>
public sealed record PagerModel(int Page, int PageCount, Func<int, Dictionary<string, string?>> RouteFor)
{
    public IEnumerable<int> Window
    {
        get
        {
            var from = Math.Max(1, Page - 2);
            var to = Math.Min(PageCount, Page + 2);
            for (var i = from; i <= to; i++)
            {
                yield return i;
            }
        }
    }
}

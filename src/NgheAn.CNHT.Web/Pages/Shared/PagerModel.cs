namespace NgheAn.CNHT.Web.Pages.Shared;

/// <summary>Paging links of a list: the page, how many, and the route values of the link to a page.</summary>
public sealed record PagerModel(int Page, int PageCount, string PageName, Func<int, IDictionary<string, string>> Route, string Label = "Phân trang");

public static class RouteData
{
    /// <summary>Route values without the empty ones, so links carry only the filters in use.</summary>
    public static Dictionary<string, string> Clean(IEnumerable<KeyValuePair<string, string?>> values) =>
        values.Where(kv => !string.IsNullOrEmpty(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value!);
}

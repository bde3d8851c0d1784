using NgheAn.CNHT.Application.Catalog;

namespace NgheAn.CNHT.Web.Pages.Reports;

/// <summary>The program and years chosen on a report page (query string: program, from, to; or year).</summary>
public sealed record ReportFilter(IReadOnlyList<ProgramSummary> Programs, string ProgramCode, int? FromYear, int? ToYear, string SubmitLabel = "Xem báo cáo")
{
    public ProgramSummary? Program => Programs.FirstOrDefault(p => p.Code == ProgramCode);

    /// <summary>Route values for links that keep the same program and years.</summary>
    public Dictionary<string, string> Route()
    {
        var route = new Dictionary<string, string> { ["program"] = ProgramCode };
        if (FromYear is { } from)
        {
            route["from"] = from.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (ToYear is { } to)
        {
            route["to"] = to.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return route;
    }
}

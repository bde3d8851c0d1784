using System.Globalization;

namespace NgheAn.CNHT.Web.Pages.Shared;

/// <summary>
/// Charts drawn on the server as inline SVG: no script, nothing for the Content-Security-Policy to allow, and
/// printable. Each chart is an image with a title and description; its numbers (and the links to the rows
/// behind them) are in the table the page puts beside it. Coordinates are in a 400-unit wide view box, so
/// the chart scales with its column while its text stays readable from a phone to a wide screen.
/// </summary>
public static class Svg
{
    public const double Width = 400;

    /// <summary>SVG attributes need invariant numbers ("12.5"), whatever the page culture.</summary>
    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A round axis maximum and step at or above <paramref name="max"/> (1, 2, 2.5, 5 × 10ⁿ).</summary>
    public static (double Top, double Step) Axis(double max, int ticks = 4)
    {
        if (max <= 0)
        {
            return (1, 0.25);
        }

        var raw = max / ticks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        return (Math.Ceiling(max / step - 1e-9) * step, step);
    }
}

public sealed record BarChartRow(string Label, decimal Value, string ValueText, string CssClass = "bar-share");

/// <summary>Horizontal bars, each with its label and value on the line above it; an optional dashed reference line (e.g. 100% of plan).</summary>
public sealed record BarChart(string Id, string Title, string Description, IReadOnlyList<BarChartRow> Rows, decimal Scale,
    decimal? Reference = null, string? ReferenceLabel = null);

public sealed record ColumnSeries(string Name, string CssClass, IReadOnlyList<decimal> Values);

/// <summary>Grouped columns per category (years), values in đồng, axis labelled in triệu đồng.</summary>
public sealed record ColumnChart(string Id, string Title, string Description, IReadOnlyList<string> Categories, IReadOnlyList<ColumnSeries> Series);

using System.Globalization;
using System.Net;
using System.Text;
using NgheAn.CNHT.Application.Outcomes;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Web.Pages.Outcomes;

/// <summary>
/// A small trend chart drawn on the server as SVG (no script): one point per recorded value, joined through each year's
/// single value; a year whose values disagree shows every value in red; the target is a dashed line (ADR 0173).
/// </summary>
public static class TrendChart
{
    private const int Width = 420;
    private const int Height = 180;
    private const int Left = 48;
    private const int Right = 12;
    private const int Top = 12;
    private const int Bottom = 28;

    public static string Svg(OutcomeView o, int fromYear, int toYear)
    {
        var inv = CultureInfo.InvariantCulture;
        var years = o.Values.Select(v => v.Year).Append(fromYear).Append(toYear).ToList();
        int first = years.Min(), last = years.Max();
        var max = o.Values.Select(v => v.Value).Append(o.Target ?? 0).DefaultIfEmpty(0).Max();
        max = max <= 0 ? 1 : max * 1.15m;
        double X(int year) => Left + (last == first ? 0 : (double)(year - first) / (last - first) * (Width - Left - Right));
        double Y(decimal value) => Top + (1 - (double)(value / max)) * (Height - Top - Bottom);

        var svg = new StringBuilder();
        svg.Append(inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" class=\"trend-chart\" data-outcome=\"{WebUtility.HtmlEncode(o.Code)}\">");
        svg.Append("<title>").Append(WebUtility.HtmlEncode($"Diễn biến: {o.Name} ({o.Unit})")).Append("</title>");
        svg.Append(inv, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"#666\"/>");
        svg.Append(inv, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#666\"/>");
        var step = Math.Max(1, (last - first) / 8);
        for (var y = first; y <= last; y += step)
        {
            svg.Append(inv, $"<text x=\"{X(y):0.#}\" y=\"{Height - 10}\" font-size=\"10\" text-anchor=\"middle\">{y}</text>");
        }

        svg.Append(inv, $"<text x=\"{Left - 4}\" y=\"{Top + 8}\" font-size=\"10\" text-anchor=\"end\">{WebUtility.HtmlEncode(Number(max / 1.15m))}</text>");
        svg.Append(inv, $"<text x=\"{Left - 4}\" y=\"{Height - Bottom}\" font-size=\"10\" text-anchor=\"end\">0</text>");
        if (o.Target is { } target)
        {
            svg.Append(inv, $"<line x1=\"{Left}\" y1=\"{Y(target):0.#}\" x2=\"{Width - Right}\" y2=\"{Y(target):0.#}\" stroke=\"#198754\" stroke-dasharray=\"5 4\" data-target=\"{target.ToString(inv)}\"/>");
            svg.Append(inv, $"<text x=\"{Width - Right}\" y=\"{Y(target) - 3:0.#}\" font-size=\"10\" text-anchor=\"end\" fill=\"#198754\">{WebUtility.HtmlEncode($"Mục tiêu {o.TargetYear}: {Number(target)}")}</text>");
        }

        var conflictYears = o.Conflicts.Select(c => c.Year).ToHashSet();
        var line = o.Values.Where(v => !conflictYears.Contains(v.Year)).GroupBy(v => v.Year).OrderBy(g => g.Key).Select(g => (g.Key, g.First().Value)).ToList();
        if (line.Count > 1)
        {
            svg.Append("<polyline fill=\"none\" stroke=\"#0d6efd\" stroke-width=\"2\" points=\"")
               .AppendJoin(' ', line.Select(p => string.Create(inv, $"{X(p.Key):0.#},{Y(p.Value):0.#}"))).Append("\"/>");
        }

        foreach (var v in o.Values)
        {
            var clash = conflictYears.Contains(v.Year);
            svg.Append(inv, $"<circle cx=\"{X(v.Year):0.#}\" cy=\"{Y(v.Value):0.#}\" r=\"4\" fill=\"{(clash ? "#dc3545" : "#0d6efd")}\"{(clash ? " data-conflict=\"true\"" : "")}><title>{WebUtility.HtmlEncode($"{v.Year}: {Number(v.Value)} {o.Unit} — {v.Source}")}</title></circle>");
        }

        return svg.Append("</svg>").ToString();
    }

    public static string Number(decimal value) => value.ToString("#,##0.####", VnFormat.Culture);
}

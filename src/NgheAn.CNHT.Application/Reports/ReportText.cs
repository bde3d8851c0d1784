using System.Globalization;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Application.Reports;

/// <summary>
/// How figures read inside sentences, in the report's own style: "94 triệu đồng", "285,900 triệu đồng",
/// "01 đề án", "12,30%".
/// </summary>
public static class ReportText
{
    /// <summary>Triệu đồng without decimals when whole ("4.276"), else with three ("285,900").</summary>
    public static string Million(decimal dong)
    {
        var million = dong / 1_000_000m;
        return million == decimal.Truncate(million) ? million.ToString("#,##0", VnFormat.Culture) : VnFormat.Million(dong);
    }

    /// <summary>Counts as the report writes them: "01", "07", "23".</summary>
    public static string Count(int n) => n.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>A percentage kept with two decimals (5,34%) from a model value such as 5.34.</summary>
    public static string Percent(decimal? percent) => VnFormat.Percent(percent / 100m);

    /// <summary>"Giai đoạn 2018-2025" or "Năm 2024".</summary>
    public static string PeriodCapitalized(int from, int to) => from == to ? $"Năm {from}" : $"Giai đoạn {from}-{to}";

    public static string Period(int from, int to) => from == to ? $"năm {from}" : $"giai đoạn {from}-{to}";

    /// <summary>Appends an explanation after a generated sentence, ending it with a full stop.</summary>
    public static string WithNote(string sentence, string? note)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            return sentence;
        }

        var text = note.Trim().Normalize(System.Text.NormalizationForm.FormC);
        if (!text.EndsWith('.') && !text.EndsWith('!') && !text.EndsWith('?') && !text.EndsWith(';'))
        {
            text += ".";
        }

        return sentence + " " + text;
    }
}

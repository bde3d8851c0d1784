using System.Globalization;

namespace NgheAn.CNHT.Domain.Common;

/// <summary>
/// Vietnamese number and date formats used everywhere (screens, messages, PDF, Excel):
/// 1.250.000.000 đồng, 27.247,993 triệu đồng, 5,34%, 05/01/2026, "ngày 05 tháng 01 năm 2026".
/// </summary>
public static class VnFormat
{
    public static CultureInfo Culture { get; } = CreateCulture();

    private static CultureInfo CreateCulture()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("vi-VN").Clone();
        // ICU's vi-VN already uses '.' for thousands and ',' for decimals; pin them so a platform
        // difference can never turn 27.247,993 into 27,247.993.
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.PercentGroupSeparator = ".";
        culture.NumberFormat.PercentDecimalSeparator = ",";
        culture.NumberFormat.CurrencyGroupSeparator = ".";
        culture.NumberFormat.CurrencyDecimalSeparator = ",";
        culture.NumberFormat.NegativeSign = "-";
        culture.DateTimeFormat.ShortDatePattern = "dd/MM/yyyy";
        return CultureInfo.ReadOnly(culture);
    }

    /// <summary>Whole đồng with thousands separators: 1.250.000.000.</summary>
    public static string Dong(decimal amount) => amount.ToString("#,##0", Culture);

    /// <summary>Million đồng with three decimals: 27.247,993.</summary>
    public static string Million(decimal amountInDong) => (amountInDong / 1_000_000m).ToString("#,##0.000", Culture);

    /// <summary>
    /// An amount as the department writes it in prose (ADR 0121): 900.000.000 → "900 triệu đồng",
    /// 1.250.000.000 → "1,25 tỷ đồng", at most three decimals of nghìn / triệu / tỷ, "khoảng …" when rounded.
    /// Never "900,000 triệu", which a reader takes for nine hundred thousand million.
    /// </summary>
    public static string Prose(decimal amountInDong)
    {
        if (amountInDong == 0)
        {
            return "0 đồng";
        }

        foreach (var (size, unit) in new[] { (1_000_000_000m, "tỷ"), (1_000_000m, "triệu"), (1_000m, "nghìn") })
        {
            if (Math.Abs(amountInDong) >= size)
            {
                var scaled = Math.Round(amountInDong / size, 3, MidpointRounding.AwayFromZero);
                var exact = scaled * size == amountInDong;
                return (exact ? "" : "khoảng ") + scaled.ToString("#,##0.###", Culture) + " " + unit + " đồng";
            }
        }

        return Dong(amountInDong) + " đồng";
    }

    /// <summary>A ratio as a percentage with two decimals: 0.05344 → 5,34%.</summary>
    public static string Percent(decimal? ratio) =>
        ratio is null ? "—" : Math.Round(ratio.Value * 100m, 2, MidpointRounding.AwayFromZero).ToString("#,##0.00", Culture) + "%";

    /// <summary>dd/MM/yyyy.</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is null ? "" : Date(date.Value);

    /// <summary>Date and time in Vietnam time (UTC+7), dd/MM/yyyy HH:mm.</summary>
    public static string DateTime(System.DateTime utc) => ToVietnamTime(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"ngày 05 tháng 01 năm 2026": the form of administrative documents.</summary>
    public static string LongDate(DateOnly date) =>
        $"ngày {date.Day:00} tháng {date.Month:00} năm {date.Year}";

    public static System.DateTime ToVietnamTime(System.DateTime utc) =>
        System.DateTime.SpecifyKind(utc, DateTimeKind.Utc).AddHours(7);

    public static DateOnly TodayInVietnam(System.DateTime utcNow) => DateOnly.FromDateTime(ToVietnamTime(utcNow));

    /// <summary>
    /// Reads an amount typed the Vietnamese way: "1.250.000.000", "1 250 000 000", "1250000000".
    /// Returns false for text, fractions ("1,5") or anything not a whole number.
    /// </summary>
    public static bool TryParseDong(string? text, out decimal amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim().Replace("đồng", "", StringComparison.OrdinalIgnoreCase).Replace("đ", "", StringComparison.OrdinalIgnoreCase).Trim();
        var negative = s.StartsWith('-');
        if (negative)
        {
            s = s[1..].Trim();
        }

        // Thousands groups separated by '.', ' ' or non-breaking space; nothing else.
        var groups = s.Split(['.', ' ', '\u00A0', '\u202F']);
        if (groups.Length > 1)
        {
            if (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
            {
                return false;
            }
        }

        var digits = string.Concat(groups);
        if (digits.Length is 0 or > 28 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (!decimal.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out amount))
        {
            return false;
        }

        if (negative)
        {
            amount = -amount;
        }

        return true;
    }
}

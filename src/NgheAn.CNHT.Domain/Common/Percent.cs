namespace NgheAn.CNHT.Domain.Common;

/// <summary>
/// The one rule for a report's percentage (% of plan, % disbursed, % of a target): part × 100 ÷ whole, rounded to two
/// decimals half away from zero, as the province's report prints them (5,34%); no percentage when the whole is 0.
/// </summary>
public static class Percent
{
    public static decimal? Of(decimal part, decimal whole) =>
        whole == 0 ? null : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);
}

using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.UnitTests.Domain;

public sealed class VnFormatTests
{
    [Fact]
    public void Million_has_three_decimals_with_vietnamese_separators() =>
        Assert.Equal("27.247,993", VnFormat.Million(27_247_993_000m));

    [Fact]
    public void Percent_has_two_decimals_and_a_comma() =>
        Assert.Equal("5,34%", VnFormat.Percent(228_500_000m / 4_276_000_000m));

    [Fact]
    public void Missing_percent_is_a_dash() => Assert.Equal("—", VnFormat.Percent(null));

    [Fact]
    public void Dong_groups_thousands_with_dots() => Assert.Equal("1.250.000.000", VnFormat.Dong(1_250_000_000m));

    [Fact]
    public void Long_date_pads_day_and_month() =>
        Assert.Equal("ngày 05 tháng 01 năm 2026", VnFormat.LongDate(new DateOnly(2026, 1, 5)));

    [Fact]
    public void Short_date_is_day_month_year() => Assert.Equal("05/01/2026", VnFormat.Date(new DateOnly(2026, 1, 5)));

    [Theory]
    [InlineData("1.250.000.000", 1_250_000_000)]
    [InlineData("1250000000", 1_250_000_000)]
    [InlineData("1 250 000 000", 1_250_000_000)]
    [InlineData("94.000.000 đ", 94_000_000)]
    [InlineData("0", 0)]
    public void Parses_amounts_typed_the_vietnamese_way(string text, long expected)
    {
        Assert.True(VnFormat.TryParseDong(text, out var amount));
        Assert.Equal(expected, amount);
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("1.25.000")]
    [InlineData("mười triệu")]
    [InlineData("")]
    [InlineData("1.250,50")]
    [InlineData("12.34")]
    public void Refuses_text_fractions_and_malformed_groups(string text) =>
        Assert.False(VnFormat.TryParseDong(text, out _));
}

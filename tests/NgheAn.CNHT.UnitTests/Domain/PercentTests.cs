using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.UnitTests.Domain;

public sealed class PercentTests
{
    [Theory]
    // The province's own figures: 228,5 of 4.276 million is 5,34 %; 21,6 % execution; halves away from zero.
    [InlineData(228_500_000, 4_276_000_000, 5.34)]
    [InlineData(216, 1_000, 21.6)]
    [InlineData(1, 8, 12.5)]
    [InlineData(1, 80_000, 0.0)]
    [InlineData(1, 40_000, 0.0)]
    [InlineData(1, 20_000, 0.01)]
    [InlineData(-1, 20_000, -0.01)]
    [InlineData(3, 2, 150.0)]
    public void A_percentage_is_part_times_100_over_whole_rounded_half_away_from_zero(long part, long whole, double expected) =>
        Assert.Equal((decimal)expected, Percent.Of(part, whole));

    [Fact]
    public void There_is_no_percentage_of_nothing() => Assert.Null(Percent.Of(5, 0));
}

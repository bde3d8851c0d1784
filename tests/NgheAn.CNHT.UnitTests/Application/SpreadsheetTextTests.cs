using NgheAn.CNHT.Application.Common;

namespace NgheAn.CNHT.UnitTests.Application;

/// <summary>OWASP's CSV-injection rule, for every CSV the portal offers (ADR 0111).</summary>
public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+84 912", "\"'+84 912\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\t=1", "\"'\t=1\"")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("Đề án 3.3", "Đề án 3.3")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("", "")]
    public void A_field_that_looks_like_a_formula_is_prefixed_and_quoted(string text, string expected) =>
        Assert.Equal(expected, SpreadsheetText.CsvField(text));

    [Fact]
    public void A_line_joins_inert_fields() =>
        Assert.Equal("CNHT-01,\"'=1+1\",Nghệ An", SpreadsheetText.CsvLine(["CNHT-01", "=1+1", "Nghệ An"]));
}

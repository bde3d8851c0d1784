using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.UnitTests.Domain;

/// <summary>Text fields refuse control characters with a clear Vietnamese message; line breaks and tabs inside text stay (ADR 0111).</summary>
public sealed class ControlCharacterTests
{
    [Theory]
    [InlineData("Tên\u0000đề án")]
    [InlineData("Tên\u0007đề án")]
    [InlineData("Tên\u001Bđề án")]
    [InlineData("Tên\u007Fđề án")]
    [InlineData("Tên\u0085đề án")]
    public void A_control_character_is_refused(string text)
    {
        var ex = Assert.Throws<DomainException>(() => Guard.Required(text, "Tên đề án", 500, "Title"));
        Assert.Contains("Tên đề án chứa ký tự điều khiển không in được", ex.Message);
        Assert.Equal("Title", ex.Field);
        Assert.Throws<DomainException>(() => Guard.Optional(text, "Ghi chú", 500));
    }

    [Fact]
    public void Line_breaks_and_tabs_inside_text_are_kept() =>
        Assert.Equal("Dòng 1\r\nDòng 2\tcột", Guard.Optional("Dòng 1\r\nDòng 2\tcột", "Ghi chú", 500));
}

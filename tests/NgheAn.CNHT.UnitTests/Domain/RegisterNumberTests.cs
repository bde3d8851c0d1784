using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Issuing;
using NgheAn.CNHT.Domain.Reporting;

namespace NgheAn.CNHT.UnitTests.Domain;

/// <summary>The register's numbers read the way the department writes them, and belong to the issue date's year.</summary>
public sealed class RegisterNumberTests
{
    [Theory]
    [InlineData(5, "05/BC-SCT")]
    [InlineData(15, "15/BC-SCT")]
    [InlineData(120, "120/BC-SCT")]
    public void A_register_number_reads_as_number_type_and_issuer(int sequence, string text) =>
        Assert.Equal(text, new RegisterNumber(RegisterNumber.Report, 2026, sequence).Text);

    [Fact]
    public void A_number_of_another_year_is_refused()
    {
        var files = new IssuedFiles([1], [2], [3], null, null, IssuedSource.Generated, "%PDF-1.7"u8.ToArray(), "ABCDEFGHJK", null);
        var ex = Assert.Throws<DomainException>(() => new IssuedReport("appendix", 1, 2018, 2025, new RegisterNumber("BC", 2025, 3),
            new DateOnly(2026, 1, 5), "Trần Văn Bình", "GIÁM ĐỐC", "{}", files, Actor.System, DateTime.UtcNow));
        Assert.Equal("Số văn bản phải lấy trong sổ đăng ký của năm ban hành.", ex.Message);
    }

    [Fact]
    public void The_issued_file_is_fingerprinted_with_sha256()
    {
        var pdf = "%PDF-1.7 văn bản"u8.ToArray();
        var files = new IssuedFiles([1], [2], [3], null, null, IssuedSource.Generated, pdf, "ABCDEFGHJK", null);
        var report = new IssuedReport("appendix", 1, 2018, 2025, new RegisterNumber("BC", 2026, 3), new DateOnly(2026, 1, 5), "Trần Văn Bình", "GIÁM ĐỐC",
            "{}", files, Actor.System, DateTime.UtcNow);
        Assert.Equal("03/BC-SCT", report.Number);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), report.IssuedSha256);
        Assert.Null(report.SignedAt);
    }
}

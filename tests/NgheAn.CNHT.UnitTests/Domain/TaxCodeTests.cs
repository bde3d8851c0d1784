using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Organizations;

namespace NgheAn.CNHT.UnitTests.Domain;

public sealed class TaxCodeTests
{
    [Theory]
    [InlineData("0100233488", "0100233488")]
    [InlineData("0314409058-002", "0314409058-002")]
    [InlineData("0314409058002", "0314409058-002")]
    [InlineData(" 0100 233 488 ", "0100233488")]
    public void Accepts_valid_codes_and_returns_canonical_form(string input, string expected) =>
        Assert.Equal(expected, TaxCode.Normalize(input));

    [Theory]
    [InlineData("0100233480")] // wrong check digit
    [InlineData("12345")]
    [InlineData("01002334881")] // 11 digits
    [InlineData("01002334AB")]
    [InlineData("0100000008")] // empty serial
    [InlineData("0314409058-000")]
    [InlineData("")]
    public void Refuses_invalid_codes_with_a_vietnamese_message(string input)
    {
        var ex = Assert.Throws<DomainException>(() => TaxCode.Normalize(input));
        Assert.Contains("Mã số thuế", ex.Message);
        Assert.Equal("TaxCode", ex.Field);
    }

    [Fact]
    public void Enterprise_without_tax_code_is_refused_but_agency_is_accepted()
    {
        Assert.Throws<DomainException>(() => new Organization("Công ty A", OrganizationKind.SupportingIndustryEnterprise, null));
        var agency = new Organization("Sở Công Thương Nghệ An", OrganizationKind.StateAgency, null);
        Assert.Null(agency.TaxCode);
    }
}

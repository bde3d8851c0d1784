using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Organizations;

public enum OrganizationKind
{
    /// <summary>Doanh nghiệp công nghiệp hỗ trợ.</summary>
    SupportingIndustryEnterprise,
    /// <summary>Doanh nghiệp có vốn đầu tư nước ngoài (FDI).</summary>
    ForeignInvestedEnterprise,
    /// <summary>Doanh nghiệp khác.</summary>
    OtherEnterprise,
    /// <summary>Cơ quan nhà nước.</summary>
    StateAgency,
    /// <summary>Trung tâm, đơn vị sự nghiệp.</summary>
    Center,
    /// <summary>Hiệp hội.</summary>
    Association,
    /// <summary>Viện, trường.</summary>
    ResearchInstitute,
}

/// <summary>A lead unit (đơn vị chủ trì): an enterprise (tax code required) or an agency.</summary>
public sealed class Organization : AuditableEntity, IConcurrencyStamped
{
    private Organization() { }

    public Organization(string name, OrganizationKind kind, string? taxCode, string? sector = null, string? district = null,
        string? address = null, string? contactPerson = null, string? phone = null, string? email = null, bool isSample = false,
        string? communeCode = null)
    {
        var check = new RuleCheck();
        var formerDistrict = check.Run(() => Guard.Optional(district, DistrictLabel, FieldLengths.District, nameof(District)));
        check.Run(() => Update(name, kind, taxCode, sector, communeCode, address, contactPerson, phone, email));
        check.ThrowIfBroken();
        District = formerDistrict;
        IsSample = isSample;
        ConcurrencyStamp = Guid.NewGuid();
    }

    public const int SearchTextLength = 400;
    public const string DistrictLabel = "Huyện cũ (trước 01/7/2025)";
    public const string CommuneLabel = "Xã/phường";

    public string Name { get; private set; } = "";
    /// <summary>Name and tax code folded for search (<see cref="Common.SearchText"/>).</summary>
    public string SearchText { get; private set; } = "";
    public OrganizationKind Kind { get; private set; }
    public string? TaxCode { get; private set; }
    public string? Sector { get; private set; }
    /// <summary>
    /// The former district (huyện, thị xã, thành phố) as recorded before the two-tier map of 1 July 2025: kept as history
    /// for older records and workbooks, set only when the unit is created (import, older data), never edited on the form.
    /// </summary>
    public string? District { get; private set; }
    /// <summary>Commune or ward of the map in force (<see cref="Geography.AdministrativeUnit.Code"/>), null when not yet known.</summary>
    public string? CommuneCode { get; private set; }
    public string? Address { get; private set; }
    public string? ContactPerson { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public bool IsSample { get; private set; }
    /// <summary>
    /// Created by an enterprise's self-registration and not yet checked by the Support Center (chưa xác minh):
    /// cleared when the Support Center verifies the first account tied to it (docs/decisions/0150-enterprise-accounts.md).
    /// </summary>
    public bool IsUnverified { get; private set; }
    public Guid ConcurrencyStamp { get; private set; }

    /// <summary>A new enterprise typed by its own registration: marked unverified until the Support Center checks it.</summary>
    public static Organization RegisteredOnline(string name, string taxCode, string? address, string? contactPerson, string? phone, string? email)
    {
        var organization = new Organization(name, OrganizationKind.OtherEnterprise, taxCode, address: address, contactPerson: contactPerson, phone: phone, email: email)
        {
            IsUnverified = true,
        };
        return organization;
    }

    public void MarkVerified() => IsUnverified = false;

    public bool IsEnterprise => Kind is OrganizationKind.SupportingIndustryEnterprise or OrganizationKind.ForeignInvestedEnterprise or OrganizationKind.OtherEnterprise;

    /// <summary>
    /// Every field checked in one pass (ADR 0120): one exception names all broken rules, nothing is changed. The former
    /// district is not among them: it is history (ADR 0126).
    /// The commune's existence in the reference table is the application's check (it needs the database).
    /// </summary>
    public void Update(string name, OrganizationKind kind, string? taxCode, string? sector, string? communeCode,
        string? address, string? contactPerson, string? phone, string? email)
    {
        var check = new RuleCheck();
        if (!Enum.IsDefined(kind))
        {
            check.Add(new DomainException("Loại đơn vị không hợp lệ.", nameof(Kind)));
        }

        var newName = check.Run(() => Guard.Required(name, "Tên đơn vị", FieldLengths.OrganizationName, nameof(Name)), "");
        var enterprise = kind is OrganizationKind.SupportingIndustryEnterprise or OrganizationKind.ForeignInvestedEnterprise or OrganizationKind.OtherEnterprise;
        var newTaxCode = check.Run(() =>
        {
            var code = Guard.Optional(taxCode, "Mã số thuế", FieldLengths.TaxCode, nameof(TaxCode));
            if (code is null && enterprise)
            {
                throw new DomainException("Doanh nghiệp phải có mã số thuế (10 hoặc 13 chữ số).", nameof(TaxCode));
            }

            return code is null ? null : Organizations.TaxCode.Normalize(code, nameof(TaxCode));
        });
        var newSector = check.Run(() => Guard.Optional(sector, "Lĩnh vực", FieldLengths.Sector, nameof(Sector)));
        var newCommune = check.Run(() =>
        {
            var code = Guard.Optional(communeCode, CommuneLabel, 50, nameof(CommuneCode));
            if (code is not null && !Geography.AdministrativeUnit.IsWellFormedCode(code))
            {
                throw new DomainException("Vui lòng chọn xã/phường trong danh sách.", nameof(CommuneCode));
            }

            return code;
        });
        var newAddress = check.Run(() => Guard.Optional(address, "Địa chỉ", FieldLengths.Address, nameof(Address)));
        var newContact = check.Run(() => Guard.Optional(contactPerson, "Người liên hệ", FieldLengths.ContactPerson, nameof(ContactPerson)));
        var newPhone = check.Run(() =>
        {
            var value = Guard.Optional(phone, "Số điện thoại", FieldLengths.Phone, nameof(Phone));
            if (value is not null && !value.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '.' or '-' or '(' or ')'))
            {
                throw new DomainException("Số điện thoại chỉ gồm chữ số và các ký tự + . - ( ).", nameof(Phone));
            }

            return value;
        });
        var newEmail = check.Run(() =>
        {
            var value = Guard.Optional(email, "Thư điện tử", FieldLengths.Email, nameof(Email));
            if (value is not null && (value.Count(c => c == '@') != 1 || value.StartsWith('@') || value.EndsWith('@') || value.Any(char.IsWhiteSpace)))
            {
                throw new DomainException("Địa chỉ thư điện tử không hợp lệ.", nameof(Email));
            }

            return value;
        });
        check.ThrowIfBroken();

        Name = newName;
        Kind = kind;
        TaxCode = newTaxCode;
        Sector = newSector;
        CommuneCode = newCommune;
        Address = newAddress;
        ContactPerson = newContact;
        Phone = newPhone;
        Email = newEmail;
        RefreshSearchText();
    }

    public void RefreshSearchText() => SearchText = Common.SearchText.For(SearchTextLength, Name, TaxCode);

    public void RenewConcurrencyStamp() => ConcurrencyStamp = Guid.NewGuid();

    public static string KindDisplayName(OrganizationKind kind) => kind switch
    {
        OrganizationKind.SupportingIndustryEnterprise => "Doanh nghiệp CNHT",
        OrganizationKind.ForeignInvestedEnterprise => "Doanh nghiệp FDI",
        OrganizationKind.OtherEnterprise => "Doanh nghiệp khác",
        OrganizationKind.StateAgency => "Cơ quan nhà nước",
        OrganizationKind.Center => "Trung tâm, đơn vị sự nghiệp",
        OrganizationKind.Association => "Hiệp hội",
        OrganizationKind.ResearchInstitute => "Viện, trường",
        _ => kind.ToString(),
    };
}

using System.ComponentModel.DataAnnotations;
using NgheAn.CNHT.Application.Organizations;
using NgheAn.CNHT.Domain.Organizations;

namespace NgheAn.CNHT.Web.Pages.Organizations;

/// <summary>The lead-unit form (create and edit). Rules are the domain's; this only carries the values.</summary>
public sealed class OrganizationInputModel
{
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>
    {
        nameof(Name), nameof(Kind), nameof(TaxCode), nameof(Sector), nameof(CommuneCode), nameof(Address), nameof(ContactPerson), nameof(Phone), nameof(Email),
    };

    [Display(Name = "Tên đơn vị")]
    public string? Name { get; set; }

    [Display(Name = "Loại đơn vị")]
    public OrganizationKind Kind { get; set; } = OrganizationKind.SupportingIndustryEnterprise;

    [Display(Name = "Mã số thuế")]
    public string? TaxCode { get; set; }

    [Display(Name = "Lĩnh vực")]
    public string? Sector { get; set; }

    /// <summary>Commune or ward of the map in force (ADR 0126). The former district is history and not on the form.</summary>
    [Display(Name = Organization.CommuneLabel)]
    public string? CommuneCode { get; set; }

    [Display(Name = "Địa chỉ")]
    public string? Address { get; set; }

    [Display(Name = "Người liên hệ")]
    public string? ContactPerson { get; set; }

    [Display(Name = "Số điện thoại")]
    public string? Phone { get; set; }

    [Display(Name = "Thư điện tử")]
    public string? Email { get; set; }

    public Guid ConcurrencyStamp { get; set; }

    public OrganizationInput ToInput() => new(Name ?? "", Kind, TaxCode, Sector, CommuneCode, Address, ContactPerson, Phone, Email);
}

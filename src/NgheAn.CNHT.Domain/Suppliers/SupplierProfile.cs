using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Suppliers;

/// <summary>
/// The published directory profile of one enterprise (an <see cref="Organizations.Organization"/>): what the public
/// directory, the profile page and the open data read — and nothing else does. It changes only when a DOIT specialist
/// approves a <see cref="ProfileChange"/> (or seeds demo data); each optional field has its own public flag, and
/// public reads copy a field only when its flag is set (ADR 0182).
/// </summary>
public sealed class SupplierProfile : AuditableEntity, IConcurrencyStamped
{
    public const int SearchTextLength = 1500;

    private readonly List<SupplierCertification> _certifications = [];

    private SupplierProfile() { }

    public SupplierProfile(int organizationId, string slug, string nameVi)
    {
        OrganizationId = organizationId;
        Slug = Guard.Required(slug, "Địa chỉ trang hồ sơ", 120);
        NameVi = Guard.Required(nameVi, "Tên doanh nghiệp", 300);
        ZoneCode = "ngoai";
        ConcurrencyStamp = Guid.NewGuid();
        RefreshSearchText();
    }

    public int OrganizationId { get; private set; }
    public Organizations.Organization Organization { get; private set; } = null!;
    /// <summary>The readable address of the profile page (/danh-ba/{slug}).</summary>
    public string Slug { get; private set; } = "";
    /// <summary>Listed publicly once a first change has been approved.</summary>
    public bool IsPublished { get; private set; }
    public string NameVi { get; private set; } = "";
    public string? NameEn { get; private set; }
    public string? CommuneCode { get; private set; }
    public string? CommuneName { get; private set; }
    public string ZoneCode { get; private set; } = "ngoai";
    public string? Address { get; private set; }
    public bool ShowAddress { get; private set; }
    public bool ShowTaxCode { get; private set; }
    /// <summary>Sector codes joined (";co-khi;o-to;"), see <see cref="CnhtTaxonomy.Join"/>.</summary>
    public string SectorCodes { get; private set; } = "";
    public string ProcessCodes { get; private set; } = "";
    public string CertificationCodes { get; private set; } = "";
    public string? ProductsVi { get; private set; }
    public string? ProductsEn { get; private set; }
    public string? Capacity { get; private set; }
    public bool ShowCapacity { get; private set; }
    public WorkforceSize? Workforce { get; private set; }
    public bool ShowWorkforce { get; private set; }
    public string? ExportMarkets { get; private set; }
    public bool ShowExportMarkets { get; private set; }
    public string? Website { get; private set; }
    public bool ShowWebsite { get; private set; }
    public string? ContactName { get; private set; }
    public bool ShowContactName { get; private set; }
    public string? ContactPhone { get; private set; }
    public bool ShowContactPhone { get; private set; }
    public string? ContactEmail { get; private set; }
    public bool ShowContactEmail { get; private set; }
    /// <summary>Folded names, products, sectors and processes in both languages (diacritics-insensitive search).</summary>
    public string SearchText { get; private set; } = "";
    /// <summary>Capability verified by DOIT (xác nhận năng lực doanh nghiệp CNHT, content item 1.1): the date.</summary>
    public DateOnly? CapabilityVerifiedOn { get; private set; }
    /// <summary>The proposal under which the capability was verified.</summary>
    public int? CapabilityProposalId { get; private set; }
    public string? CapabilityVerifiedBy { get; private set; }
    public bool IsSample { get; private set; }
    /// <summary>The approved logo (ADR 0193); public only because it is named here.</summary>
    public Guid? LogoImageId { get; private set; }
    /// <summary>The approved photos, in order (<see cref="SupplierImage.Join"/>).</summary>
    public string PhotoImageIds { get; private set; } = "";
    public Guid ConcurrencyStamp { get; private set; }
    public IReadOnlyList<SupplierCertification> CertificationList => _certifications;

    public bool IsCapabilityVerified => CapabilityVerifiedOn is not null;

    public void MarkSample() => IsSample = true;

    /// <summary>The content as an enterprise edits it (the starting point of its next change).</summary>
    public ProfileContent Content() => new()
    {
        NameVi = NameVi, NameEn = NameEn, CommuneCode = CommuneCode, CommuneName = CommuneName, ZoneCode = ZoneCode,
        Address = Address, ShowAddress = ShowAddress, ShowTaxCode = ShowTaxCode,
        Sectors = CnhtTaxonomy.Split(SectorCodes), Processes = CnhtTaxonomy.Split(ProcessCodes),
        ProductsVi = ProductsVi, ProductsEn = ProductsEn, Capacity = Capacity, ShowCapacity = ShowCapacity,
        Workforce = Workforce, ShowWorkforce = ShowWorkforce, ExportMarkets = ExportMarkets, ShowExportMarkets = ShowExportMarkets,
        Website = Website, ShowWebsite = ShowWebsite, ContactName = ContactName, ShowContactName = ShowContactName,
        ContactPhone = ContactPhone, ShowContactPhone = ShowContactPhone, ContactEmail = ContactEmail, ShowContactEmail = ShowContactEmail,
        Certifications = _certifications.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => new CertificationEntry(c.Code, c.ValidUntil)).ToList(),
        LogoImageId = LogoImageId, PhotoImageIds = SupplierImage.Split(PhotoImageIds),
    };

    /// <summary>Publishes approved content (or demo data): the public pages show it from now on.</summary>
    public void Publish(ProfileContent content)
    {
        var c = content.Checked();
        NameVi = c.NameVi;
        NameEn = c.NameEn;
        CommuneCode = c.CommuneCode;
        CommuneName = c.CommuneName;
        ZoneCode = c.ZoneCode;
        Address = c.Address;
        ShowAddress = c.ShowAddress;
        ShowTaxCode = c.ShowTaxCode;
        SectorCodes = CnhtTaxonomy.Join(c.Sectors);
        ProcessCodes = CnhtTaxonomy.Join(c.Processes);
        ProductsVi = c.ProductsVi;
        ProductsEn = c.ProductsEn;
        Capacity = c.Capacity;
        ShowCapacity = c.ShowCapacity;
        Workforce = c.Workforce;
        ShowWorkforce = c.ShowWorkforce;
        ExportMarkets = c.ExportMarkets;
        ShowExportMarkets = c.ShowExportMarkets;
        Website = c.Website;
        ShowWebsite = c.ShowWebsite;
        ContactName = c.ContactName;
        ShowContactName = c.ShowContactName;
        ContactPhone = c.ContactPhone;
        ShowContactPhone = c.ShowContactPhone;
        ContactEmail = c.ContactEmail;
        ShowContactEmail = c.ShowContactEmail;
        LogoImageId = c.LogoImageId;
        PhotoImageIds = SupplierImage.Join(c.PhotoImageIds);
        _certifications.RemoveAll(x => c.Certifications.All(n => n.Code != x.Code));
        foreach (var entry in c.Certifications)
        {
            var existing = _certifications.FirstOrDefault(x => x.Code == entry.Code);
            if (existing is null)
            {
                _certifications.Add(new SupplierCertification(entry.Code, entry.ValidUntil));
            }
            else
            {
                existing.Renew(entry.ValidUntil);
            }
        }

        CertificationCodes = CnhtTaxonomy.Join(c.Certifications.Select(x => x.Code));
        IsPublished = true;
        RefreshSearchText();
    }

    public void RefreshSearchText() => SearchText = Common.SearchText.For(SearchTextLength,
        NameVi, NameEn, ProductsVi, ProductsEn,
        CnhtTaxonomy.Names(CnhtTaxonomy.Sectors, SectorCodes, false), CnhtTaxonomy.Names(CnhtTaxonomy.Sectors, SectorCodes, true),
        CnhtTaxonomy.Names(CnhtTaxonomy.Processes, ProcessCodes, false), CnhtTaxonomy.Names(CnhtTaxonomy.Processes, ProcessCodes, true),
        CommuneName, CnhtTaxonomy.Zone(ZoneCode)?.NameVi);

    /// <summary>DOIT confirms the enterprise's capability (content item 1.1), naming the date and the proposal that did it.</summary>
    public void VerifyCapability(Actor actor, DateOnly on, int? proposalId, DateOnly today)
    {
        if (!actor.IsIn(Roles.DoitSpecialist))
        {
            throw new DomainException("Chỉ chuyên viên Sở Công Thương xác nhận năng lực doanh nghiệp.");
        }

        if (on > today)
        {
            throw new DomainException("Ngày xác nhận năng lực không được sau hôm nay.", nameof(CapabilityVerifiedOn));
        }

        CapabilityVerifiedOn = on;
        CapabilityProposalId = proposalId;
        CapabilityVerifiedBy = actor.UserName;
    }

    public void WithdrawCapability(Actor actor)
    {
        if (!actor.IsIn(Roles.DoitSpecialist))
        {
            throw new DomainException("Chỉ chuyên viên Sở Công Thương thu hồi xác nhận năng lực doanh nghiệp.");
        }

        CapabilityVerifiedOn = null;
        CapabilityProposalId = null;
        CapabilityVerifiedBy = null;
    }

    public void RenewConcurrencyStamp() => ConcurrencyStamp = Guid.NewGuid();

    /// <summary>"Công ty TNHH Cơ khí Hoa Sen" → "cong-ty-tnhh-co-khi-hoa-sen".</summary>
    public static string SlugFor(string name)
    {
        var folded = Common.SearchText.Fold(name);
        var sb = new System.Text.StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                sb.Append(ch);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        var slug = sb.ToString().Trim('-');
        return slug.Length > 100 ? slug[..100].Trim('-') : (slug.Length == 0 ? "doanh-nghiep" : slug);
    }
}

/// <summary>A certification on a published profile, with its expiry.</summary>
public sealed class SupplierCertification : Entity
{
    private SupplierCertification() { }

    public SupplierCertification(string code, DateOnly? validUntil)
    {
        Code = code;
        ValidUntil = validUntil;
    }

    public int SupplierProfileId { get; private set; }
    public string Code { get; private set; } = "";
    public DateOnly? ValidUntil { get; private set; }

    public void Renew(DateOnly? validUntil) => ValidUntil = validUntil;
}

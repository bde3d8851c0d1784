using System.Text.Json;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Suppliers;

/// <summary>A certification held by a supplier, with its expiry (null: no expiry stated).</summary>
public sealed record CertificationEntry(string Code, DateOnly? ValidUntil);

/// <summary>
/// Everything an enterprise edits on its directory profile, with its per-field public flags. A submitted change is
/// kept as this record (JSON) until a DOIT specialist approves it; only then is it copied onto the published
/// <see cref="SupplierProfile"/>, the one thing public pages read (ADR 0182).
/// </summary>
public sealed record ProfileContent
{
    public string NameVi { get; init; } = "";
    public string? NameEn { get; init; }
    public string? CommuneCode { get; init; }
    public string? CommuneName { get; init; }
    public string ZoneCode { get; init; } = "ngoai";
    public string? Address { get; init; }
    public bool ShowAddress { get; init; }
    public bool ShowTaxCode { get; init; }
    public IReadOnlyList<string> Sectors { get; init; } = [];
    public IReadOnlyList<string> Processes { get; init; } = [];
    public string? ProductsVi { get; init; }
    public string? ProductsEn { get; init; }
    public string? Capacity { get; init; }
    public bool ShowCapacity { get; init; }
    public WorkforceSize? Workforce { get; init; }
    public bool ShowWorkforce { get; init; }
    public string? ExportMarkets { get; init; }
    public bool ShowExportMarkets { get; init; }
    public string? Website { get; init; }
    public bool ShowWebsite { get; init; }
    public string? ContactName { get; init; }
    public bool ShowContactName { get; init; }
    public string? ContactPhone { get; init; }
    public bool ShowContactPhone { get; init; }
    public string? ContactEmail { get; init; }
    public bool ShowContactEmail { get; init; }
    public IReadOnlyList<CertificationEntry> Certifications { get; init; } = [];
    /// <summary>The logo (a <see cref="SupplierImage"/>), set by an upload, never by the text form (ADR 0193).</summary>
    public Guid? LogoImageId { get; init; }
    public IReadOnlyList<Guid> PhotoImageIds { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ProfileContent FromJson(string json) =>
        JsonSerializer.Deserialize<ProfileContent>(json, Json) ?? throw new DomainException("Nội dung thay đổi hồ sơ không đọc được.");

    /// <summary>Every field checked in one pass (ADR 0120); the cleaned content, or one exception naming every broken rule.</summary>
    public ProfileContent Checked()
    {
        var check = new RuleCheck();
        var nameVi = check.Run(() => Guard.Required(NameVi, "Tên doanh nghiệp (tiếng Việt)", 300, nameof(NameVi)), "");
        var nameEn = check.Run(() => Guard.Optional(NameEn, "Tên doanh nghiệp (tiếng Anh)", 300, nameof(NameEn)));
        var communeCode = check.Run(() =>
        {
            var code = Guard.Optional(CommuneCode, "Xã, phường", 20, nameof(CommuneCode));
            return code is null || Geography.AdministrativeUnit.IsWellFormedCode(code)
                ? code
                : throw new DomainException("Vui lòng chọn xã/phường trong danh sách.", nameof(CommuneCode));
        });
        var communeName = check.Run(() => Guard.Optional(CommuneName, "Xã, phường", 150, nameof(CommuneName)));
        if (CnhtTaxonomy.Zone(ZoneCode) is null)
        {
            check.Add(new DomainException("Khu công nghiệp, khu kinh tế không có trong danh mục.", nameof(ZoneCode)));
        }

        var address = check.Run(() => Guard.Optional(Address, "Địa chỉ", 300, nameof(Address)));
        var sectors = Sectors.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct().ToList();
        if (sectors.Count == 0)
        {
            check.Add(new DomainException("Chọn ít nhất một lĩnh vực CNHT.", nameof(Sectors)));
        }
        else if (sectors.Any(s => CnhtTaxonomy.Sector(s) is null))
        {
            check.Add(new DomainException("Lĩnh vực không có trong danh mục CNHT.", nameof(Sectors)));
        }

        var processes = Processes.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct().ToList();
        if (processes.Any(s => CnhtTaxonomy.Process(s) is null))
        {
            check.Add(new DomainException("Công đoạn sản xuất không có trong danh mục.", nameof(Processes)));
        }

        var productsVi = check.Run(() => Guard.Optional(ProductsVi, "Sản phẩm (tiếng Việt)", 2000, nameof(ProductsVi)));
        var productsEn = check.Run(() => Guard.Optional(ProductsEn, "Sản phẩm (tiếng Anh)", 2000, nameof(ProductsEn)));
        var capacity = check.Run(() => Guard.Optional(Capacity, "Năng lực sản xuất", 1000, nameof(Capacity)));
        if (Workforce is { } w && !Enum.IsDefined(w))
        {
            check.Add(new DomainException("Quy mô lao động không hợp lệ.", nameof(Workforce)));
        }

        var markets = check.Run(() => Guard.Optional(ExportMarkets, "Thị trường xuất khẩu", 500, nameof(ExportMarkets)));
        var website = check.Run(() =>
        {
            var value = Guard.Optional(Website, "Trang web", 200, nameof(Website));
            if (value is not null && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            {
                throw new DomainException("Trang web phải là địa chỉ bắt đầu bằng https:// hoặc http://.", nameof(Website));
            }

            return value;
        });
        var contactName = check.Run(() => Guard.Optional(ContactName, "Người liên hệ", 200, nameof(ContactName)));
        var phone = check.Run(() =>
        {
            var value = Guard.Optional(ContactPhone, "Số điện thoại liên hệ", 30, nameof(ContactPhone));
            if (value is not null && !value.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '.' or '-' or '(' or ')'))
            {
                throw new DomainException("Số điện thoại chỉ gồm chữ số và các ký tự + . - ( ).", nameof(ContactPhone));
            }

            return value;
        });
        var email = check.Run(() =>
        {
            var value = Guard.Optional(ContactEmail, "Thư điện tử liên hệ", 256, nameof(ContactEmail));
            if (value is not null && (value.Count(c => c == '@') != 1 || value.StartsWith('@') || value.EndsWith('@') || value.Any(char.IsWhiteSpace)))
            {
                throw new DomainException("Địa chỉ thư điện tử liên hệ không hợp lệ.", nameof(ContactEmail));
            }

            return value;
        });
        var certifications = Certifications.Where(c => !string.IsNullOrWhiteSpace(c.Code)).ToList();
        if (certifications.Any(c => CnhtTaxonomy.Certification(c.Code) is null))
        {
            check.Add(new DomainException("Chứng nhận không có trong danh mục.", nameof(Certifications)));
        }

        if (certifications.GroupBy(c => c.Code).Any(g => g.Count() > 1))
        {
            check.Add(new DomainException("Mỗi chứng nhận chỉ ghi một lần.", nameof(Certifications)));
        }

        var photos = (PhotoImageIds ?? []).Where(i => i != Guid.Empty).Distinct().ToList();
        if (photos.Count > SupplierImage.MaxPhotos)
        {
            check.Add(new DomainException($"Hồ sơ có tối đa {SupplierImage.MaxPhotos} ảnh; vui lòng xóa bớt ảnh trước khi tải thêm.", "File"));
        }

        check.ThrowIfBroken();
        return this with
        {
            PhotoImageIds = photos,
            NameVi = nameVi, NameEn = nameEn, CommuneCode = communeCode, CommuneName = communeName, Address = address,
            Sectors = sectors, Processes = processes, ProductsVi = productsVi, ProductsEn = productsEn, Capacity = capacity,
            ExportMarkets = markets, Website = website, ContactName = contactName, ContactPhone = phone, ContactEmail = email,
            Certifications = certifications.OrderBy(c => c.Code, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>What a reviewer sees: each field whose value differs, old and new, in Vietnamese.</summary>
    public static IReadOnlyList<ProfileDiffLine> Diff(ProfileContent before, ProfileContent after)
    {
        var lines = new List<ProfileDiffLine>();
        void Add(string label, string? a, string? b)
        {
            if (!string.Equals(a ?? "", b ?? "", StringComparison.Ordinal))
            {
                lines.Add(new ProfileDiffLine(label, a ?? "", b ?? ""));
            }
        }

        static string Flag(bool value) => value ? "Công khai" : "Không công khai";
        Add("Tên doanh nghiệp (tiếng Việt)", before.NameVi, after.NameVi);
        Add("Tên doanh nghiệp (tiếng Anh)", before.NameEn, after.NameEn);
        Add("Xã, phường", before.CommuneName, after.CommuneName);
        Add("Khu công nghiệp, khu kinh tế", CnhtTaxonomy.Zone(before.ZoneCode)?.NameVi, CnhtTaxonomy.Zone(after.ZoneCode)?.NameVi);
        Add("Địa chỉ", before.Address, after.Address);
        Add("Công khai địa chỉ", Flag(before.ShowAddress), Flag(after.ShowAddress));
        Add("Công khai mã số thuế", Flag(before.ShowTaxCode), Flag(after.ShowTaxCode));
        Add("Lĩnh vực", CnhtTaxonomy.Names(CnhtTaxonomy.Sectors, CnhtTaxonomy.Join(before.Sectors), false), CnhtTaxonomy.Names(CnhtTaxonomy.Sectors, CnhtTaxonomy.Join(after.Sectors), false));
        Add("Công đoạn sản xuất", CnhtTaxonomy.Names(CnhtTaxonomy.Processes, CnhtTaxonomy.Join(before.Processes), false), CnhtTaxonomy.Names(CnhtTaxonomy.Processes, CnhtTaxonomy.Join(after.Processes), false));
        Add("Sản phẩm (tiếng Việt)", before.ProductsVi, after.ProductsVi);
        Add("Sản phẩm (tiếng Anh)", before.ProductsEn, after.ProductsEn);
        Add("Năng lực sản xuất", before.Capacity, after.Capacity);
        Add("Công khai năng lực sản xuất", Flag(before.ShowCapacity), Flag(after.ShowCapacity));
        Add("Quy mô lao động", before.Workforce is { } bw ? CnhtTaxonomy.SizeName(bw, false) : null, after.Workforce is { } aw ? CnhtTaxonomy.SizeName(aw, false) : null);
        Add("Công khai quy mô lao động", Flag(before.ShowWorkforce), Flag(after.ShowWorkforce));
        Add("Thị trường xuất khẩu", before.ExportMarkets, after.ExportMarkets);
        Add("Công khai thị trường xuất khẩu", Flag(before.ShowExportMarkets), Flag(after.ShowExportMarkets));
        Add("Trang web", before.Website, after.Website);
        Add("Công khai trang web", Flag(before.ShowWebsite), Flag(after.ShowWebsite));
        Add("Người liên hệ", before.ContactName, after.ContactName);
        Add("Công khai người liên hệ", Flag(before.ShowContactName), Flag(after.ShowContactName));
        Add("Số điện thoại liên hệ", before.ContactPhone, after.ContactPhone);
        Add("Công khai số điện thoại", Flag(before.ShowContactPhone), Flag(after.ShowContactPhone));
        Add("Thư điện tử liên hệ", before.ContactEmail, after.ContactEmail);
        Add("Công khai thư điện tử", Flag(before.ShowContactEmail), Flag(after.ShowContactEmail));
        if (before.LogoImageId != after.LogoImageId)
        {
            lines.Add(new ProfileDiffLine("Logo", before.LogoImageId is null ? "Không có" : "Logo cũ", after.LogoImageId is null ? "Không có" : "Logo mới (xem ảnh bên dưới)"));
        }

        var photosBefore = before.PhotoImageIds ?? [];
        var photosAfter = after.PhotoImageIds ?? [];
        if (!photosBefore.SequenceEqual(photosAfter))
        {
            lines.Add(new ProfileDiffLine("Ảnh", $"{photosBefore.Count} ảnh", $"{photosAfter.Count} ảnh ({photosAfter.Count(p => !photosBefore.Contains(p))} ảnh mới, xem bên dưới)"));
        }

        static string Certs(ProfileContent c) => string.Join("; ", c.Certifications.Select(x =>
            (CnhtTaxonomy.Certification(x.Code)?.NameVi ?? x.Code) + (x.ValidUntil is { } d ? " (hiệu lực đến " + d.ToString("dd/MM/yyyy", VnFormat.Culture) + ")" : "")));
        Add("Chứng nhận", Certs(before), Certs(after));
        return lines;
    }
}

public sealed record ProfileDiffLine(string Field, string Before, string After);

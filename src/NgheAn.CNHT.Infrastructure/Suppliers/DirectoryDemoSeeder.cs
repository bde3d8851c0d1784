using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Suppliers;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Seeding;

namespace NgheAn.CNHT.Infrastructure.Suppliers;

/// <summary>
/// About 85 clearly fictitious CNHT enterprises for the public directory (issue 17, ADR 0184): every name ends in
/// "(mẫu)", every address, figure and contact says "minh họa", tax codes are drawn from one block of stems
/// (2901xxxxx). Spread over the priority sectors, processes,
/// industrial parks and communes; some capability-verified, some certifications expired, some contacts kept private.
/// Idempotent: runs once (Development start with demo data, and the seed-demo verb).
/// </summary>
public sealed class DirectoryDemoSeeder(AppDbContext db, TimeProvider clock, ILogger<DirectoryDemoSeeder> logger)
{
    public const int Count = 85;
    public const string StemPrefix = "2901";

    /// <summary>Nine-digit stems ten apart: the check digit may step a stem forward, never onto the next one.</summary>
    public static string TaxCodeOf(int index) =>
        DemoDataSeeder.WithCheckDigit(StemPrefix + ((index + 1) * 10).ToString("00000", System.Globalization.CultureInfo.InvariantCulture));

    private static readonly string[] Houses =
    [
        "Hồng Lam", "Sen Vàng", "Trà Lân", "Hoa Ban", "Núi Quyết", "Sông Lam", "Cửa Hội", "Bến Thủy", "Phượng Hoàng",
        "Kim Liên", "Lam Giang", "Đông Hồi", "Vạn An", "Trường Sơn", "Bình Minh", "Hưng Thịnh", "An Phú",
    ];

    private static readonly (string Sector, string NameVi, string NameEn, string[] Processes, string ProductsVi, string ProductsEn)[] Lines =
    [
        ("co-khi", "Cơ khí", "Mechanical", ["cnc", "dap", "han", "son-tinh-dien"], "Linh kiện cơ khí chính xác, chi tiết gia công CNC, khung giá đỡ bằng thép (minh họa).", "Precision mechanical parts, CNC-machined components, steel brackets (illustrative)."),
        ("dien-tu", "Điện tử", "Electronics", ["smt", "lap-rap", "ep-nhua"], "Bo mạch điện tử, dây dẫn và cụm dây điện, vỏ thiết bị (minh họa).", "Printed circuit assemblies, wiring harnesses, device housings (illustrative)."),
        ("det-may", "May mặc", "Garments", ["cat-may", "det-nhuom"], "Quần áo bảo hộ lao động, vải dệt thoi, phụ liệu may (minh họa).", "Workwear, woven fabric, sewing accessories (illustrative)."),
        ("da-giay", "Da giày", "Footwear", ["cat-may", "ep-nhua", "luu-hoa"], "Mũ giày, đế giày cao su, phụ kiện da (minh họa).", "Shoe uppers, rubber soles, leather accessories (illustrative)."),
        ("nhua-cao-su", "Nhựa kỹ thuật", "Engineering Plastics", ["ep-nhua", "luu-hoa"], "Chi tiết nhựa ép phun, gioăng cao su, bao bì kỹ thuật (minh họa).", "Injection-moulded parts, rubber seals, technical packaging (illustrative)."),
        ("o-to", "Phụ tùng ô tô", "Auto Parts", ["dap", "han", "ma", "son-tinh-dien", "duc"], "Phụ tùng khung gầm, chi tiết dập, ốc vít mạ kẽm cho ô tô, xe máy (minh họa).", "Chassis parts, stamped components, zinc-plated fasteners for cars and motorcycles (illustrative)."),
        ("nang-luong", "Thiết bị năng lượng", "Energy Equipment", ["han", "lap-rap", "duc"], "Giá đỡ tấm pin mặt trời, tủ điện, kết cấu thép cho điện gió (minh họa).", "Solar panel mounts, switchboards, steel structures for wind power (illustrative)."),
        ("cong-nghe-cao", "Công nghệ cao", "High-Tech", ["smt", "cnc", "lap-rap"], "Cảm biến, mô-đun điều khiển, khuôn mẫu chính xác (minh họa).", "Sensors, control modules, precision moulds (illustrative)."),
    ];

    /// <summary>Communes and wards near each park (names of the two-tier map since 1 July 2025, looked up for their codes).</summary>
    private static readonly (string Zone, string[] Communes)[] Places =
    [
        ("kkt-dong-nam", ["Phường Cửa Lò", "Xã Nghi Lộc"]),
        ("vsip", ["Xã Hưng Nguyên"]),
        ("kcn-hoang-mai", ["Phường Hoàng Mai", "Phường Tân Mai"]),
        ("kcn-bac-vinh", ["Phường Thành Vinh", "Phường Vinh Hưng"]),
        ("wha", ["Xã Nghi Lộc"]),
        ("kcn-tho-loc", ["Xã Diễn Châu"]),
        ("ngoai", ["Phường Trường Vinh", "Phường Vinh Phú", "Phường Thái Hòa", "Xã Đô Lương"]),
    ];

    private static readonly string[] Markets = ["Nhật Bản, Hàn Quốc", "Hàn Quốc", "Hoa Kỳ, EU", "Nhật Bản", "Thái Lan, Lào", "Trung Quốc, Đài Loan"];

    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        var firstTaxCode = TaxCodeOf(0);
        if (await db.Organizations.AnyAsync(o => o.TaxCode == firstTaxCode, ct))
        {
            // A directory seeded before the demo logos existed gets them now (once).
            await SeedLogosAsync(ct);
            return false;
        }

        var today = VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime);
        var specialist = new Actor("chuyenvien@cnht.demo", "Chuyên viên Sở (mẫu)", new HashSet<string> { Domain.Roles.DoitSpecialist });
        var slugs = new HashSet<string>(await db.SupplierProfiles.Select(p => p.Slug).ToListAsync(ct));
        // Communes and wards by their official code (the administrative map, ADR 0126).
        var units = await db.AdministrativeUnits.AsNoTracking().ToDictionaryAsync(u => u.Name, u => u.Code, ct);
        // The enterprises first, in one save (their ids name the profiles), then the profiles in another.
        var organizations = new Organization[Count];
        for (var i = 0; i < Count; i++)
        {
            var line = Lines[i % Lines.Length];
            var (_, communes) = Places[(i * 5 + i / 7) % Places.Length];
            var commune = communes[i % communes.Length];
            organizations[i] = new Organization(NameVi(i), OrganizationKind.SupportingIndustryEnterprise, TaxCodeOf(i),
                line.NameVi, null, $"Lô {i + 1}, {commune}, tỉnh Nghệ An (minh họa)", "Người liên hệ (mẫu)", "0238 3 555 " + (100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), null, isSample: true);
            db.Organizations.Add(organizations[i]);
        }

        await db.SaveChangesAsync(ct);

        for (var i = 0; i < Count; i++)
        {
            var line = Lines[i % Lines.Length];
            var house = Houses[i / Lines.Length % Houses.Length];
            var kindEn = i % 3 == 0 ? "JSC" : "Co., Ltd.";
            var nameVi = NameVi(i);
            var houseEn = System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(SearchText.Fold(house));
            var nameEn = $"{houseEn} {line.NameEn} {kindEn} (sample)";
            var (zone, communes) = Places[(i * 5 + i / 7) % Places.Length];
            var commune = communes[i % communes.Length];
            var organization = organizations[i];

            var slug = SupplierProfile.SlugFor(nameVi);
            for (var n = 2; !slugs.Add(slug); n++)
            {
                slug = SupplierProfile.SlugFor(nameVi) + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var profile = new SupplierProfile(organization.Id, slug, nameVi);
            profile.MarkSample();
            var sectors = new List<string> { line.Sector };
            if (i % 4 == 1)
            {
                // Some suppliers serve two priority sectors (a stamping shop making auto parts, …).
                sectors.Add(Lines[(i + 5) % Lines.Length].Sector);
            }

            var processes = line.Processes.Where((_, k) => (i + k) % 3 != 2 || k == 0).ToList();
            var certifications = new List<CertificationEntry>();
            if (i % 5 != 4)
            {
                certifications.Add(new CertificationEntry("iso-9001", i % 11 == 3 ? today.AddMonths(-2) : today.AddYears(1 + i % 3)));
            }

            if (i % 3 == 0)
            {
                certifications.Add(new CertificationEntry("iso-14001", today.AddMonths(6 + i % 12)));
            }

            if (line.Sector == "o-to" && i / Lines.Length % 2 == 0)
            {
                certifications.Add(new CertificationEntry("iatf-16949", today.AddYears(2)));
            }

            if (i % 7 == 2)
            {
                certifications.Add(new CertificationEntry("iso-45001", null));
            }

            var size = (WorkforceSize)(i % 5);
            profile.Publish(new ProfileContent
            {
                NameVi = nameVi,
                NameEn = nameEn,
                CommuneCode = units.GetValueOrDefault(commune),
                CommuneName = commune,
                ZoneCode = zone,
                Address = $"Lô {i + 1}, {CnhtTaxonomy.Zone(zone)!.NameVi}, {commune}, tỉnh Nghệ An (minh họa)",
                ShowAddress = i % 6 != 5,
                ShowTaxCode = i % 4 != 3,
                Sectors = sectors,
                Processes = processes,
                ProductsVi = line.ProductsVi,
                ProductsEn = line.ProductsEn,
                Capacity = $"Khoảng {(i % 9 + 1) * 50} tấn sản phẩm/tháng, {2 + i % 4} dây chuyền (giá trị minh họa, mẫu số {i + 1}).",
                ShowCapacity = i % 5 != 0,
                Workforce = size,
                ShowWorkforce = i % 8 != 7,
                ExportMarkets = i % 3 == 2 ? null : Markets[i % Markets.Length] + " (minh họa)",
                ShowExportMarkets = true,
                Website = i % 4 == 0 ? $"https://example.com/doanh-nghiep-mau-{i + 1}" : null,
                ShowWebsite = true,
                ContactName = $"Phòng kinh doanh (mẫu {i + 1})",
                ShowContactName = true,
                // Half the demo enterprises keep their phone and e-mail private: the public pages must not show them.
                ContactPhone = "0912 000 " + (100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ShowContactPhone = i % 2 == 0,
                ContactEmail = $"kinhdoanh{i + 1}@doanhnghiep-mau.example",
                ShowContactEmail = i % 2 == 0,
                Certifications = certifications,
            });
            if (i % 4 == 0)
            {
                profile.VerifyCapability(specialist, today.AddDays(-(10 + i)), null, today);
            }

            db.SupplierProfiles.Add(profile);
        }

        await db.SaveChangesAsync(ct);
        await SeedLogosAsync(ct);
        logger.LogInformation("Directory demo data: {Count} fictitious enterprises", Count);
        return true;
    }

    private static string NameVi(int i) =>
        $"{(i % 3 == 0 ? "Công ty CP" : "Công ty TNHH")} {Lines[i % Lines.Length].NameVi} {Houses[i / Lines.Length % Houses.Length]} (mẫu)";

    /// <summary>The demo enterprises that show a logo: one of each sector line, and two more automotive suppliers (ADR 0207).</summary>
    public static readonly int[] LogoIndices = [0, 1, 2, 3, 4, 5, 6, 7, 21, 37];

    /// <summary>Who "uploaded" a demo logo (the audit trail and the image row say so).</summary>
    public const string LogoUploader = "seed-demo (logo mẫu)";

    /// <summary>
    /// A generated "MẪU" logo for each profile of <see cref="LogoIndices"/> that has none yet, published as an approved
    /// change would publish it (the profile names it), in one save with the image rows. Idempotent.
    /// </summary>
    public async Task<int> SeedLogosAsync(CancellationToken ct = default)
    {
        var taxCodes = LogoIndices.Select(TaxCodeOf).ToList();
        var profiles = await db.SupplierProfiles.Include(p => p.CertificationList).Include(p => p.Organization)
            .Where(p => p.IsSample && p.IsPublished && p.LogoImageId == null && p.Organization.TaxCode != null && taxCodes.Contains(p.Organization.TaxCode))
            .ToListAsync(ct);
        if (profiles.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var profile in profiles)
        {
            var index = taxCodes.IndexOf(profile.Organization.TaxCode!);
            var sector = CnhtTaxonomy.Split(profile.SectorCodes) is [var first, ..] ? first : "";
            var logo = new SupplierImage(profile.Id, SupplierImageKind.Logo, "image/png", DemoLogo.For(sector, LogoIndices[index]), LogoUploader, now);
            db.SupplierImages.Add(logo);
            profile.Publish(profile.Content() with { LogoImageId = logo.Id });
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Directory demo data: {Count} generated sample logos", profiles.Count);
        return profiles.Count;
    }
}

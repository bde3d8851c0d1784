using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.Infrastructure.Seeding;

/// <summary>
/// Sample data (marked IsSample, shown as "Dữ liệu mẫu"): lead units and exactly 23 proposals of program
/// 2018-2025 whose sums reproduce the province's report — total cost 27.247,993 triệu, provincial budget
/// 5.500,342 triệu, and the per-group counts, costs and budgets of domain.md — walked through the real
/// lifecycle, with ledger entries. Idempotent: does nothing once sample proposals exist.
/// </summary>
public sealed class DemoDataSeeder(AppDbContext db, CatalogSeeder catalog, SupportRuleSeeder supportRules, ILogger<DemoDataSeeder> logger)
{
    private const decimal Million = 1_000_000m;

    private static readonly Actor Specialist = new("demo.chuyenvien", "Chuyên viên Sở (mẫu)", new HashSet<string> { Roles.DoitSpecialist });
    private static readonly Actor Leader = new("demo.lanhdao", "Lãnh đạo Sở (mẫu)", new HashSet<string> { Roles.DoitLeader });
    private static readonly Actor Center = new("demo.trungtam", "Trung tâm Hỗ trợ và Tư vấn (mẫu)", new HashSet<string> { Roles.SupportCenter });

    /// <summary>
    /// A sample lead unit. District is the former district (history, ADR 0126); CommuneCode a plausible commune or ward of
    /// the map in force for a unit of that name (giá trị minh họa: the units are invented, the codes are the official ones).
    /// </summary>
    private sealed record OrgSeed(string Key, string Name, OrganizationKind Kind, string? TaxCodeStem, string Sector, string District, string CommuneCode);

    /// <summary>Item, lead unit, title, years, total cost and provincial share (triệu đồng), final status.</summary>
    public sealed record ProposalSeed(string ItemCode, string OrgKey, string Title, int StartYear, int EndYear, decimal TotalMillion, decimal ShareMillion, ProposalStatus Final);

    private static readonly OrgSeed[] Orgs =
    [
        new("TT", "Trung tâm Hỗ trợ và Tư vấn phát triển Công Thương Nghệ An", OrganizationKind.Center, null, "Dịch vụ công", "Thành phố Vinh", "16681"),
        new("SCT", "Sở Công Thương Nghệ An", OrganizationKind.StateAgency, null, "Quản lý nhà nước", "Thành phố Vinh", "16681"),
        new("BAO", "Báo Nghệ An", OrganizationKind.StateAgency, null, "Truyền thông", "Thành phố Vinh", "16690"),
        new("DAI", "Đài Phát thanh và Truyền hình Nghệ An", OrganizationKind.StateAgency, null, "Truyền thông", "Thành phố Vinh", "16690"),
        new("CDVD", "Trường Cao đẳng Kỹ thuật Việt - Đức Nghệ An", OrganizationKind.ResearchInstitute, null, "Đào tạo nghề", "Thành phố Vinh", "16702"),
        new("CKV", "Công ty TNHH Cơ khí chính xác Vinh", OrganizationKind.SupportingIndustryEnterprise, "290123456", "Cơ khí", "Thành phố Vinh", "17920"),
        new("NHUA", "Công ty Cổ phần Nhựa kỹ thuật Hoàng Mai", OrganizationKind.SupportingIndustryEnterprise, "290234567", "Nhựa, cao su", "Thị xã Hoàng Mai", "17110"),
        new("DT", "Công ty TNHH Linh kiện điện tử Bắc Vinh", OrganizationKind.SupportingIndustryEnterprise, "290345678", "Điện tử", "Thành phố Vinh", "16708"),
        new("DM", "Công ty Cổ phần May Diễn Châu", OrganizationKind.SupportingIndustryEnterprise, "290456789", "Dệt may", "Huyện Diễn Châu", "17464"),
        new("DG", "Công ty TNHH Phụ liệu da giày Nam Đàn", OrganizationKind.SupportingIndustryEnterprise, "290567891", "Da giày", "Huyện Nam Đàn", "17935"),
        new("KL", "Công ty Cổ phần Kết cấu thép Nghi Sơn - Nghệ An", OrganizationKind.SupportingIndustryEnterprise, "290678912", "Cơ khí", "Huyện Nghi Lộc", "17827"),
        new("OTO", "Công ty TNHH Phụ tùng ô tô Đô Lương", OrganizationKind.SupportingIndustryEnterprise, "290789123", "Cơ khí, ô tô", "Huyện Đô Lương", "17662"),
        new("VL", "Công ty Cổ phần Vật liệu mới Quỳnh Lưu", OrganizationKind.SupportingIndustryEnterprise, "290891234", "Vật liệu", "Huyện Quỳnh Lưu", "17179"),
        new("FDI", "Công ty TNHH Điện tử Luxshare-ICT Nghệ An (mô phỏng)", OrganizationKind.ForeignInvestedEnterprise, "290912345", "Điện tử", "Huyện Nghi Lộc", "17842"),
    ];

    /// <summary>The 23 sample proposals. Per group they sum to the report's figures (domain.md).</summary>
    public static IReadOnlyList<ProposalSeed> Proposals { get; } =
    [
        new("1.1", "TT", "Khảo sát, đánh giá năng lực doanh nghiệp CNHT trên địa bàn tỉnh", 2020, 2020, 100m, 94m, ProposalStatus.Settled),
        new("1.4", "BAO", "Tuyên truyền về hoạt động công nghiệp hỗ trợ trên Báo Nghệ An", 2021, 2021, 65m, 45.5m, ProposalStatus.Settled),
        new("1.4", "DAI", "Phóng sự truyền hình về công nghiệp hỗ trợ Nghệ An", 2022, 2022, 60m, 42m, ProposalStatus.Settled),
        new("1.4", "DG", "Hỗ trợ quảng bá, đăng ký nhãn hiệu sản phẩm phụ liệu da giày", 2023, 2023, 60.9m, 47m, ProposalStatus.Settled),
        new("2.2", "TT", "Tập huấn nâng cao năng lực quản lý cho cán bộ quản lý doanh nghiệp CNHT", 2021, 2021, 72m, 50m, ProposalStatus.Settled),
        new("2.2", "CDVD", "Đào tạo công nhân kỹ thuật hàn và gia công CNC cho doanh nghiệp CNHT", 2023, 2023, 66m, 46m, ProposalStatus.Settled),
        new("3.1", "TT", "Hội thảo giới thiệu quy trình sản xuất và yêu cầu kỹ thuật linh kiện điện tử", 2020, 2020, 130m, 110m, ProposalStatus.Settled),
        new("3.1", "TT", "Phổ biến tiêu chuẩn kỹ thuật sản phẩm cơ khí công nghiệp hỗ trợ", 2022, 2022, 125m, 110m, ProposalStatus.Settled),
        new("3.3", "CKV", "Đổi mới công nghệ gia công chi tiết cơ khí chính xác bằng máy CNC 5 trục", 2019, 2020, 5_200m, 900m, ProposalStatus.Settled),
        new("3.3", "NHUA", "Hoàn thiện dây chuyền ép nhựa kỹ thuật sản xuất linh kiện ô tô, xe máy", 2020, 2021, 4_800m, 800m, ProposalStatus.Settled),
        new("3.3", "DT", "Sản xuất thử nghiệm bo mạch điện tử cho thiết bị gia dụng", 2021, 2022, 3_950.503m, 700m, ProposalStatus.Settled),
        new("3.3", "DM", "Đổi mới công nghệ cắt, may tự động sản phẩm phụ liệu dệt may", 2022, 2023, 3_600m, 650m, ProposalStatus.Settled),
        new("3.3", "KL", "Hoàn thiện công nghệ hàn robot kết cấu thép phục vụ công nghiệp chế tạo", 2023, 2024, 3_135m, 550m, ProposalStatus.Settled),
        new("3.3", "OTO", "Sản xuất thử nghiệm phụ tùng ô tô bằng công nghệ dập nguội", 2024, 2025, 2_700m, 465.252m, ProposalStatus.Accepted),
        new("3.3", "VL", "Đổi mới công nghệ sản xuất vật liệu composite cho linh kiện công nghiệp", 2025, 2025, 2_500m, 400m, ProposalStatus.Implementing),
        new("3.4", "VL", "Hỗ trợ kinh phí nghiên cứu ứng dụng vật liệu composite trong sản xuất phụ tùng", 2021, 2021, 300m, 150m, ProposalStatus.Settled),
        new("6.1", "TT", "Khảo sát, cập nhật cơ sở dữ liệu doanh nghiệp CNHT và sản phẩm hoàn chỉnh", 2021, 2021, 50m, 40m, ProposalStatus.Settled),
        new("6.2", "TT", "Xuất bản ấn phẩm giới thiệu công nghiệp hỗ trợ Nghệ An", 2022, 2022, 30m, 25m, ProposalStatus.Settled),
        new("6.4", "SCT", "Hội thảo xúc tiến đầu tư vào lĩnh vực công nghiệp hỗ trợ tại Nghệ An", 2023, 2023, 120m, 100m, ProposalStatus.Settled),
        new("6.5", "TT", "Hội thảo công bố thông tin về công nghiệp hỗ trợ", 2024, 2024, 38m, 30m, ProposalStatus.Settled),
        new("7.1", "SCT", "Chi quản lý chương trình: khảo sát, kiểm tra, nghiệm thu năm 2020", 2020, 2020, 20.29m, 20.29m, ProposalStatus.Settled),
        new("7.1", "SCT", "Chi quản lý chương trình: khảo sát, kiểm tra, nghiệm thu năm 2023", 2023, 2023, 20.3m, 20.3m, ProposalStatus.Settled),
        new("8.1", "SCT", "Xây dựng Đề án phát triển CNHT trên địa bàn tỉnh Nghệ An đến năm 2025, định hướng đến năm 2030", 2022, 2022, 105m, 105m, ProposalStatus.Settled),
    ];

    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        await catalog.EnsureAsync(ct);
        await Geography.AdministrativeMapSeeder.EnsureAsync(db, logger, ct);
        // The sample rule set also reaches demo databases seeded before it existed; it never changes what this returns.
        await supportRules.EnsureAsync(ct);
        if (await db.Proposals.AnyAsync(p => p.IsSample, ct) || await db.Organizations.AnyAsync(o => o.IsSample, ct))
        {
            logger.LogInformation("Sample data already present; nothing to do");
            return false;
        }

        var program = await db.Programs.AsNoTracking().SingleAsync(p => p.Code == CatalogSeeder.Program2018Code, ct);
        var items = await db.ContentItems.AsNoTracking()
            .Where(i => i.Group.ProgramId == program.Id)
            .ToDictionaryAsync(i => i.Code, i => i.Id, ct);

        var orgs = Orgs.ToDictionary(o => o.Key, o => new Organization(o.Name, o.Kind, o.TaxCodeStem is null ? null : WithCheckDigit(o.TaxCodeStem),
            o.Sector, o.District, isSample: true, communeCode: o.CommuneCode));
        db.Organizations.AddRange(orgs.Values);
        await db.SaveChangesAsync(ct);

        var sequence = new Dictionary<int, int>();
        var decisionNumber = 100;
        foreach (var seed in Proposals)
        {
            var seq = sequence[seed.StartYear] = sequence.GetValueOrDefault(seed.StartYear) + 1;
            var total = seed.TotalMillion * Million;
            var share = seed.ShareMillion * Million;
            var submitted = new DateTime(seed.StartYear, 2, 10 + seq, 2, 0, 0, DateTimeKind.Utc);
            var proposal = new Proposal(
                new ProposalDraft($"CNHT-{seed.StartYear}-{seq:00}", seed.Title, $"Thực hiện nội dung {seed.ItemCode} của Chương trình phát triển CNHT giai đoạn 2018-2025.",
                    null, seed.StartYear, seed.EndYear, total, share),
                new ProposalContext(program.Id, new YearRange(program.StartYear, program.EndYear), items[seed.ItemCode], orgs[seed.OrgKey].Id),
                Specialist, submitted.AddDays(-7), isSample: true);
            proposal.Submit(Specialist, submitted, "Hồ sơ đầy đủ theo quy định.");
            var appraised = DateOnly.FromDateTime(submitted.AddDays(20));
            proposal.Appraise(Center, submitted.AddDays(20), appraised, "Hội đồng thẩm định thống nhất đề nghị hỗ trợ theo dự toán.", total, share);
            var decided = appraised.AddDays(15);
            decisionNumber++;
            proposal.Approve(Leader, submitted.AddDays(35), $"{decisionNumber}/QĐ-SCT", decided, total, share, null);
            db.Proposals.Add(proposal);
            await db.SaveChangesAsync(ct);

            var ledger = LedgerBalance.Empty;
            var voucher = 0;
            DisbursementEntry Post(DateOnly date, decimal amount, FundingSource source, DisbursementKind kind)
            {
                var entry = DisbursementEntry.Record(proposal, ledger, date, amount, source, kind, $"PC-{proposal.Code}-{++voucher}",
                    "Dữ liệu mẫu", Center, date.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc), isSample: true);
                ledger = source == FundingSource.ProvincialBudget
                    ? ledger with { Provincial = ledger.Provincial + entry.Amount }
                    : source == FundingSource.Counterpart ? ledger with { Counterpart = ledger.Counterpart + entry.Amount } : ledger with { Other = ledger.Other + entry.Amount };
                db.DisbursementEntries.Add(entry);
                return entry;
            }

            proposal.StartImplementation(Center, submitted.AddDays(40), "Đơn vị chủ trì bắt đầu triển khai.");
            var advance = decimal.Round(share * 0.5m, 0, MidpointRounding.ToZero);
            if (advance > 0)
            {
                Post(decided.AddDays(10), advance, FundingSource.ProvincialBudget, DisbursementKind.Advance);
            }

            if (seed.Final is ProposalStatus.Accepted or ProposalStatus.Settled)
            {
                var accepted = new DateOnly(seed.EndYear, 11, 20);
                proposal.Accept(Center, accepted.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), accepted, "Đạt yêu cầu; sản phẩm đã bàn giao đầy đủ.");
                if (seed.Final == ProposalStatus.Settled)
                {
                    Post(accepted.AddDays(5), share - advance, FundingSource.ProvincialBudget, DisbursementKind.Payment);
                    if (total > share)
                    {
                        Post(accepted.AddDays(5), total - share, FundingSource.Counterpart, DisbursementKind.Payment);
                    }

                    var settled = accepted.AddDays(20);
                    proposal.Settle(Center, settled.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), $"{decisionNumber}/QĐ-TT", settled, total, share,
                        ledger.Provincial, "Quyết toán theo số được duyệt.");
                }
            }

            await db.SaveChangesAsync(ct);
        }

        logger.LogInformation("Seeded {Organizations} sample lead units and {Proposals} sample proposals", orgs.Count, Proposals.Count);
        return true;
    }

    /// <summary>Completes a nine-digit stem into a valid tax code, stepping the stem until a check digit exists.</summary>
    public static string WithCheckDigit(string stem)
    {
        var n = long.Parse(stem, System.Globalization.CultureInfo.InvariantCulture);
        while (true)
        {
            var s = n.ToString("000000000", System.Globalization.CultureInfo.InvariantCulture);
            var check = TaxCode.CheckDigit(s);
            if (check != '?')
            {
                return s + check;
            }

            n++;
        }
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Sourcing;
using NgheAn.CNHT.IntegrationTests.PublicPortal;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Sourcing;

/// <summary>A buyer posts a need; the portal ranks published suppliers, explaining each match (issue 17 item 4, ADR 0186).</summary>
public sealed class SupplierRankingTests(DirectoryPortal portal) : IClassFixture<DirectoryPortal>
{
    [Fact]
    public async Task A_buyer_sees_published_suppliers_ranked_with_reasons_and_expired_or_unpublished_ones_are_not_counted()
    {
        var (buyer, buyerOrg) = await portal.EnterpriseAsync();
        var (_, fullOrg) = await portal.EnterpriseAsync();
        var (_, expiredOrg) = await portal.EnterpriseAsync();
        var (_, hiddenOrg) = await portal.EnterpriseAsync();
        var (_, otherSectorOrg) = await portal.EnterpriseAsync();
        await SourcingArrange.PublishAsync(portal, fullOrg, "An Bình Cơ Khí Xếp Hạng", ["co-khi"], ["cnc", "han"], [("iso-9001", SourcingArrange.Today.AddYears(1))], verified: true);
        await SourcingArrange.PublishAsync(portal, expiredOrg, "An Cư Cơ Khí Hết Hạn", ["co-khi"], ["cnc"], [("iso-9001", SourcingArrange.Today.AddDays(-1))]);
        await SourcingArrange.PublishAsync(portal, hiddenOrg, "An Khang Chưa Duyệt", ["co-khi"], ["cnc"], [("iso-9001", null)], publish: false);
        await SourcingArrange.PublishAsync(portal, otherSectorOrg, "An Lạc Dệt May", ["det-may"], ["cnc"], [("iso-9001", null)]);
        // The buyer's own published profile is never offered to itself.
        await SourcingArrange.PublishAsync(portal, buyerOrg, "An Mỹ Bên Mua", ["co-khi"], ["cnc"], [("iso-9001", null)]);

        var id = await SourcingArrange.PostAsync(buyer, SourcingArrange.Need("Trục truyền động gia công CNC", "co-khi", "cnc", "iso-9001"));
        var page = await buyer.GetStringAsync($"/DoanhNghiep/NhuCau/ChiTiet/{id}");
        Assert.Contains("Trục truyền động gia công CNC", page);
        Assert.Contains("An Bình Cơ Khí Xếp Hạng", page);
        Assert.Contains("Cùng ngành: Linh kiện cơ khí; có quy trình: Gia công CNC; chứng nhận ISO 9001 còn hiệu lực; đã được Sở Công Thương xác nhận năng lực", page);
        Assert.DoesNotContain("An Khang Chưa Duyệt", page);
        Assert.DoesNotContain("An Lạc Dệt May", page);
        Assert.DoesNotContain("An Mỹ Bên Mua", page);

        var ranked = await portal.ScopedAsync(sp => sp.GetRequiredService<SupplierRanking>().RankAsync("co-khi", "cnc", "iso-9001", buyerOrg));
        var full = ranked.Single(r => r.OrganizationId == fullOrg);
        var expired = ranked.Single(r => r.OrganizationId == expiredOrg);
        Assert.Equal(0, ranked.ToList().IndexOf(full));
        Assert.True(full.Match.MeetsAll);
        Assert.False(expired.Match.MeetsAll);
        Assert.Equal("chưa có chứng nhận ISO 9001 còn hiệu lực", expired.Match.MissingText);
        Assert.True(ranked.ToList().IndexOf(expired) > ranked.Count(r => r.Match.MeetsAll) - 1, "a partial match comes after every full match");
        Assert.DoesNotContain(ranked, r => r.OrganizationId == hiddenOrg || r.OrganizationId == otherSectorOrg || r.OrganizationId == buyerOrg);
        // Every candidate is a published profile of the sector.
        var published = await portal.ReadAsync(db => db.SupplierProfiles.Where(p => p.IsPublished && p.SectorCodes.Contains(";co-khi;")).Select(p => p.OrganizationId).ToListAsync());
        Assert.All(ranked, r => Assert.Contains(r.OrganizationId, published));
        Assert.Equal(published.Count - 1, ranked.Count);
    }

    [Fact]
    public async Task Broken_rules_are_all_shown_in_vietnamese_and_nothing_is_saved()
    {
        var (buyer, buyerOrg) = await portal.EnterpriseAsync();
        var response = await buyer.PostFormAsync("/DoanhNghiep/NhuCau/Tao", new Dictionary<string, string>
        {
            ["Input.Title"] = "",
            ["Input.SectorCode"] = "khong-co",
            ["Input.Deadline"] = SourcingArrange.Today.AddDays(-1).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("Sản phẩm, dịch vụ cần tìm không được để trống.", text);
        Assert.Contains("Chọn lĩnh vực CNHT trong danh mục.", text);
        Assert.Contains("Hạn cần hàng không được trước hôm nay.", text);
        Assert.False(await portal.ReadAsync(db => db.SourcingRequests.AnyAsync(r => r.BuyerOrganizationId == buyerOrg)));

        var (unverified, unverifiedOrg) = await portal.EnterpriseAsync(verified: false);
        var refused = await unverified.PostFormAsync("/DoanhNghiep/NhuCau/Tao", SourcingArrange.Need("Bánh răng", "co-khi"));
        Assert.Contains("chưa được Trung tâm xác minh", await refused.Content.ReadAsStringAsync());
        Assert.False(await portal.ReadAsync(db => db.SourcingRequests.AnyAsync(r => r.BuyerOrganizationId == unverifiedOrg)));
    }

    [Fact]
    public async Task A_specialist_posts_on_a_buyers_behalf_and_the_yearly_statistics_count_requests_matches_and_interests()
    {
        var (buyer, buyerOrg) = await portal.EnterpriseAsync();
        var (supplier, supplierOrg) = await portal.EnterpriseAsync();
        await SourcingArrange.PublishAsync(portal, supplierOrg, "An Phú Năng Lượng Thống Kê", ["nang-luong"], ["han"], [("iso-14001", null)]);
        var taxCode = await portal.ReadAsync(db => db.Organizations.Where(o => o.Id == buyerOrg).Select(o => o.TaxCode!).SingleAsync());
        var year = DateTime.UtcNow.AddHours(7).Year;
        async Task<LinkageYear> StatsAsync() =>
            (await portal.ScopedAsync(sp => sp.GetRequiredService<SourcingStatistics>().ByYearAsync())).SingleOrDefault(y => y.Year == year)
            ?? new LinkageYear(year, 0, 0, 0, 0, 0, 0);
        var before = await StatsAsync();

        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var unknown = await specialist.PostFormAsync("/Sourcing/Create", new Dictionary<string, string>(SourcingArrange.Need("Kết cấu thép điện gió", "nang-luong", "han", "iso-14001")) { ["Input.BuyerTaxCode"] = "0000000000" });
        Assert.Contains("Không có doanh nghiệp nào mang mã số thuế này.", await unknown.Content.ReadAsStringAsync());
        var posted = await specialist.PostFormAsync("/Sourcing/Create", new Dictionary<string, string>(SourcingArrange.Need("Kết cấu thép điện gió", "nang-luong", "han", "iso-14001")) { ["Input.BuyerTaxCode"] = $"{taxCode[..4]} {taxCode[4..7]} {taxCode[7..]}" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode); // the tax code as people write it, in groups
        var id = await portal.ReadAsync(db => db.SourcingRequests.Where(r => r.BuyerOrganizationId == buyerOrg).Select(r => r.Id).SingleAsync());
        Assert.True(await portal.ReadAsync(db => db.SourcingRequests.Where(r => r.Id == id).Select(r => r.PostedByDepartment).SingleAsync()));

        // The buyer sees the request posted for it; the supplier sees it and says it is interested.
        Assert.Contains("Kết cấu thép điện gió", await buyer.GetStringAsync($"/DoanhNghiep/NhuCau/ChiTiet/{id}"));
        var opportunities = await supplier.GetStringAsync("/DoanhNghiep/NhuCau/CoHoi");
        Assert.Contains("Kết cấu thép điện gió", opportunities);
        var interest = await supplier.PostFormAsync("/DoanhNghiep/NhuCau/CoHoi", new Dictionary<string, string>
        {
            ["RequestId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Stamp"] = SourcingArrange.StampFor(opportunities, id),
            ["Message"] = "Chúng tôi làm được kết cấu này.",
        }, "/DoanhNghiep/NhuCau/CoHoi?handler=Interest");
        Assert.Equal(HttpStatusCode.Redirect, interest.StatusCode);
        var buyerPage = await buyer.GetStringAsync($"/DoanhNghiep/NhuCau/ChiTiet/{id}");
        Assert.Contains("An Phú Năng Lượng Thống Kê", buyerPage);
        Assert.Contains("Chúng tôi làm được kết cấu này.", buyerPage);

        var after = await StatsAsync();
        Assert.Equal(before.Requests + 1, after.Requests);
        Assert.Equal(before.Interests + 1, after.Interests);
        Assert.True(after.Matches >= before.Matches + 1);
        var statsPage = await specialist.GetStringAsync("/Sourcing");
        Assert.Contains("Kết quả kết nối chuỗi cung ứng theo năm", statsPage);
        Assert.Contains("Kết cấu thép điện gió", statsPage);

        // Every change is in the audit trail, named in Vietnamese.
        var audited = await portal.ReadAsync(db => db.AuditEntries.Where(a => a.EntityType == "SourcingRequest" || a.EntityType == "SourcingInterest").Select(a => a.EntityType).Distinct().ToListAsync());
        Assert.Contains("SourcingRequest", audited);
        Assert.Contains("SourcingInterest", audited);
    }
}

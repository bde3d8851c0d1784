using System.Net;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Domain.Sourcing;
using NgheAn.CNHT.IntegrationTests.PublicPortal;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Sourcing;

/// <summary>
/// Isolation (ADR 0154, 0185): an enterprise sees only its own requests' interests and its own interests; another
/// enterprise's request ids answer 404 on every page and handler, and nothing changes.
/// </summary>
public sealed class SourcingIsolationTests(DirectoryPortal portal) : IClassFixture<DirectoryPortal>
{
    [Fact]
    public async Task Another_enterprises_request_ids_answer_404_and_never_show_its_interests()
    {
        var (buyer, _) = await portal.EnterpriseAsync();
        var (supplier, supplierOrg) = await portal.EnterpriseAsync();
        var (stranger, strangerOrg) = await portal.EnterpriseAsync();
        await SourcingArrange.PublishAsync(portal, supplierOrg, "Cơ khí Quan Tâm Cách Ly", ["co-khi"], ["dap"], []);
        var id = await SourcingArrange.PostAsync(buyer, SourcingArrange.Need("Chi tiết dập bí mật của bên mua", "co-khi", "dap"));
        var html = await supplier.GetStringAsync("/DoanhNghiep/NhuCau/CoHoi");
        var stamp = SourcingArrange.StampFor(html, id);
        Assert.Equal(HttpStatusCode.Redirect, (await supplier.PostFormAsync("/DoanhNghiep/NhuCau/CoHoi", new Dictionary<string, string>
        {
            ["RequestId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Stamp"] = stamp, ["Message"] = "Lời nhắn riêng cho bên mua",
        }, "/DoanhNghiep/NhuCau/CoHoi?handler=Interest")).StatusCode);

        // The stranger (and the supplier) reach neither the buyer's request page nor its close handler.
        foreach (var client in new[] { stranger, supplier })
        {
            var get = await client.GetAsync($"/DoanhNghiep/NhuCau/ChiTiet/{id}");
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            Assert.DoesNotContain("Lời nhắn riêng cho bên mua", await get.Content.ReadAsStringAsync());
            var requestStamp = await portal.ReadAsync(db => db.SourcingRequests.Where(r => r.Id == id).Select(r => r.ConcurrencyStamp).SingleAsync());
            var close = await client.PostBareFormAsync("/DoanhNghiep/NhuCau", new Dictionary<string, string> { ["Stamp"] = requestStamp.ToString() }, $"/DoanhNghiep/NhuCau/ChiTiet/{id}?handler=Close");
            Assert.Equal(HttpStatusCode.NotFound, close.StatusCode);
            Assert.DoesNotContain("Chi tiết dập bí mật của bên mua", await client.GetStringAsync("/DoanhNghiep/NhuCau"));
        }

        Assert.Equal(SourcingStatus.Open, await portal.ReadAsync(db => db.SourcingRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
        // The stranger has no profile in the sector: the request is not offered, and an interest in it is not found.
        Assert.DoesNotContain("Chi tiết dập bí mật của bên mua", await stranger.GetStringAsync("/DoanhNghiep/NhuCau/CoHoi"));
        await SourcingArrange.PublishAsync(portal, strangerOrg, "Dệt may Người Lạ", ["det-may"], ["cat-may"], []);
        var strangerInterest = await stranger.PostBareFormAsync("/DoanhNghiep/NhuCau/CoHoi", new Dictionary<string, string>
        {
            ["RequestId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Stamp"] = stamp,
        }, "/DoanhNghiep/NhuCau/CoHoi?handler=Interest");
        Assert.Equal(HttpStatusCode.NotFound, strangerInterest.StatusCode);
        Assert.False(await portal.ReadAsync(db => db.SourcingInterests.AnyAsync(i => i.SupplierOrganizationId == strangerOrg)));
        // Nor does the stranger see the supplier's interests.
        Assert.DoesNotContain("Chi tiết dập bí mật của bên mua", await stranger.GetStringAsync("/DoanhNghiep/NhuCau/CoHoi"));

        // The buyer sees the interest; the supplier sees its own interest listed.
        Assert.Contains("Lời nhắn riêng cho bên mua", await buyer.GetStringAsync($"/DoanhNghiep/NhuCau/ChiTiet/{id}"));
        Assert.Contains("Chi tiết dập bí mật của bên mua", await supplier.GetStringAsync("/DoanhNghiep/NhuCau/CoHoi"));
    }

    [Fact]
    public async Task One_interest_per_supplier_a_missing_stamp_is_refused_and_a_closed_request_takes_none()
    {
        var (buyer, buyerOrg) = await portal.EnterpriseAsync();
        var (supplier, supplierOrg) = await portal.EnterpriseAsync();
        await SourcingArrange.PublishAsync(portal, supplierOrg, "Nhựa Một Lần Quan Tâm", ["nhua-cao-su"], ["ep-nhua"], []);
        await SourcingArrange.PublishAsync(portal, buyerOrg, "Nhựa Bên Mua", ["nhua-cao-su"], ["ep-nhua"], []);
        var id = await SourcingArrange.PostAsync(buyer, SourcingArrange.Need("Vỏ nhựa hộp điện", "nhua-cao-su", "ep-nhua"));
        var idText = id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // The buyer never sees its own request among its opportunities, and cannot be interested in it.
        var own = await buyer.GetStringAsync("/DoanhNghiep/NhuCau/CoHoi");
        Assert.DoesNotContain("Vỏ nhựa hộp điện", own);
        var stampValue = (await portal.ReadAsync(db => db.SourcingRequests.Where(r => r.Id == id).Select(r => r.ConcurrencyStamp).SingleAsync())).ToString();
        Assert.Equal(HttpStatusCode.NotFound, (await buyer.PostBareFormAsync("/DoanhNghiep/NhuCau/CoHoi", new Dictionary<string, string> { ["RequestId"] = idText, ["Stamp"] = stampValue }, "/DoanhNghiep/NhuCau/CoHoi?handler=Interest")).StatusCode);

        var noStamp = await supplier.PostBareFormAsync("/DoanhNghiep/NhuCau/CoHoi", new Dictionary<string, string> { ["RequestId"] = idText }, "/DoanhNghiep/NhuCau/CoHoi?handler=Interest");
        Assert.Contains("thiếu dấu phiên bản", await noStamp.Content.ReadAsStringAsync());
        var html = await supplier.GetStringAsync("/DoanhNghiep/NhuCau/CoHoi");
        var stamp = SourcingArrange.StampFor(html, id);
        var fields = new Dictionary<string, string> { ["RequestId"] = idText, ["Stamp"] = stamp };
        Assert.Equal(HttpStatusCode.Redirect, (await supplier.PostBareFormAsync("/DoanhNghiep/NhuCau/CoHoi", fields, "/DoanhNghiep/NhuCau/CoHoi?handler=Interest")).StatusCode);
        var twice = await supplier.PostBareFormAsync("/DoanhNghiep/NhuCau/CoHoi", fields, "/DoanhNghiep/NhuCau/CoHoi?handler=Interest");
        Assert.Contains("Doanh nghiệp đã bày tỏ quan tâm đến nhu cầu này.", await twice.Content.ReadAsStringAsync());
        Assert.Equal(1, await portal.ReadAsync(db => db.SourcingInterests.CountAsync(i => i.SourcingRequestId == id)));

        // The buyer closes it (with its stamp); it disappears from the supplier's opportunities.
        var page = await buyer.GetStringAsync($"/DoanhNghiep/NhuCau/ChiTiet/{id}");
        var close = await buyer.PostFormAsync($"/DoanhNghiep/NhuCau/ChiTiet/{id}", new Dictionary<string, string> { ["Stamp"] = DirectoryPortal.Stamp(page) }, $"/DoanhNghiep/NhuCau/ChiTiet/{id}?handler=Close");
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        Assert.Equal(SourcingStatus.Closed, await portal.ReadAsync(db => db.SourcingRequests.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
        Assert.DoesNotContain("name=\"RequestId\" value=\"" + idText + "\"", await supplier.GetStringAsync("/DoanhNghiep/NhuCau/CoHoi"));
    }

    [Theory]
    [InlineData("/Sourcing")]
    [InlineData("/Sourcing/Create")]
    [InlineData("/Sourcing/Details/1")]
    public async Task An_enterprise_never_reaches_the_departments_sourcing_pages(string path)
    {
        var (enterprise, _) = await portal.EnterpriseAsync();
        var response = await enterprise.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal) == true, path);
    }
}

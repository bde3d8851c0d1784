using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Sourcing;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Suppliers;

namespace NgheAn.CNHT.Infrastructure.Sourcing;

/// <summary>
/// A few sourcing requests of the fictitious directory enterprises (ADR 0185), posted by the demo specialist on the
/// buyers' behalf, with one interest; every text says "minh họa". Runs after <see cref="DirectoryDemoSeeder"/>, once.
/// </summary>
public sealed class SourcingDemoSeeder(AppDbContext db, TimeProvider clock, ILogger<SourcingDemoSeeder> logger)
{
    /// <summary>(buyer index in the directory seed, title, sector, process, certification, quantity, days to deadline).</summary>
    private static readonly (int Buyer, string Title, string Sector, string? Process, string? Certification, string Quantity, int Days)[] Requests =
    [
        (5, "Chi tiết khung gầm gia công CNC (minh họa)", "co-khi", "cnc", "iso-9001", "5.000 chi tiết/tháng (minh họa)", 60),
        (1, "Vỏ nhựa ép phun cho bộ điều khiển (minh họa)", "nhua-cao-su", "ep-nhua", "iso-14001", "20.000 bộ/năm (minh họa)", 45),
        (6, "Sơn tĩnh điện giá đỡ tấm pin mặt trời (minh họa)", "co-khi", "son-tinh-dien", null, "1.200 bộ (minh họa)", 90),
        (2, "Gia công cắt may quần áo bảo hộ (minh họa)", "det-may", "cat-may", null, "10.000 bộ/quý (minh họa)", 30),
    ];

    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        if (await db.SourcingRequests.AnyAsync(r => r.IsSample, ct))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = VnFormat.TodayInVietnam(now);
        var specialist = new Actor("chuyenvien@cnht.demo", "Chuyên viên Sở (mẫu)", new HashSet<string> { Domain.Roles.DoitSpecialist });
        var added = new List<SourcingRequest>();
        foreach (var r in Requests)
        {
            var taxCode = DirectoryDemoSeeder.TaxCodeOf(r.Buyer);
            var buyer = await db.Organizations.Where(o => o.TaxCode == taxCode).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
            if (buyer is null)
            {
                continue;
            }

            var request = new SourcingRequest(buyer.Value, new SourcingNeed(r.Title, r.Sector, r.Process, r.Certification, r.Quantity, today.AddDays(r.Days),
                "Nhu cầu minh họa của doanh nghiệp hư cấu, dùng để thử tính năng kết nối cung ứng."), specialist, now, today);
            request.MarkSample();
            db.SourcingRequests.Add(request);
            added.Add(request);
        }

        if (added.Count == 0)
        {
            return false;
        }

        await db.SaveChangesAsync(ct);

        // One interest: the first published supplier of the first request's sector, other than the buyer.
        var first = added[0];
        var code = ";" + first.SectorCode + ";";
        var supplier = await db.SupplierProfiles.Where(p => p.IsPublished && p.IsSample && p.SectorCodes.Contains(code) && p.OrganizationId != first.BuyerOrganizationId)
            .OrderBy(p => p.Id).Select(p => (int?)p.OrganizationId).FirstOrDefaultAsync(ct);
        if (supplier is { } supplierId)
        {
            db.SourcingInterests.Add(new SourcingInterest(first, supplierId, "Chúng tôi có thể đáp ứng (lời nhắn minh họa).", specialist, now, today));
            await db.SaveChangesAsync(ct);
        }

        logger.LogInformation("Sourcing demo data: {Count} requests", added.Count);
        return true;
    }
}

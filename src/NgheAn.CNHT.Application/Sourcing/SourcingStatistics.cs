using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Sourcing;

namespace NgheAn.CNHT.Application.Sourcing;

/// <summary>
/// The supply-chain linkage figures of one year (ADR 0186): requests posted, requests with at least one supplier
/// meeting every criterion, the suppliers matched (pairs request–supplier meeting every criterion, as the directory
/// stands today), interests expressed and requests that received one, and the distinct suppliers that did.
/// </summary>
public sealed record LinkageYear(int Year, int Requests, int RequestsMatched, int Matches, int Interests, int RequestsWithInterest, int InterestedSuppliers);

/// <summary>The statistics DOIT reports as the program's supply-chain linkage result (kết nối cung ứng).</summary>
public sealed class SourcingStatistics(IAppDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<LinkageYear>> ByYearAsync(CancellationToken ct = default)
    {
        var requests = await db.SourcingRequests.AsNoTracking()
            .Select(r => new { r.Id, r.Year, r.BuyerOrganizationId, r.SectorCode, r.ProcessCode, r.CertificationCode })
            .ToListAsync(ct);
        if (requests.Count == 0)
        {
            return [];
        }

        var today = VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime);
        // Every published supplier once (not once per request): the matcher then runs in memory.
        var suppliers = (await db.SupplierProfiles.AsNoTracking().Where(p => p.IsPublished)
            .Select(p => new
            {
                p.OrganizationId, p.SectorCodes, p.ProcessCodes, Verified = p.CapabilityVerifiedOn != null,
                Certifications = p.CertificationList.Where(c => c.ValidUntil == null || c.ValidUntil >= today).Select(c => c.Code).ToList(),
            })
            .ToListAsync(ct))
            .Select(p => (p.OrganizationId, Facts: new SupplierFacts(p.SectorCodes, p.ProcessCodes, p.Certifications, p.Verified)))
            .ToList();
        var interests = await db.SourcingInterests.AsNoTracking()
            .Select(i => new { i.SourcingRequest.Year, i.SourcingRequestId, i.SupplierOrganizationId })
            .ToListAsync(ct);

        return requests.GroupBy(r => r.Year).OrderByDescending(g => g.Key).Select(g =>
        {
            var matches = g.Select(r => suppliers.Count(s => s.OrganizationId != r.BuyerOrganizationId
                && SupplierMatch.Weigh(r.SectorCode, r.ProcessCode, r.CertificationCode, s.Facts) is { MeetsAll: true })).ToList();
            var yearInterests = interests.Where(i => i.Year == g.Key).ToList();
            return new LinkageYear(g.Key, g.Count(), matches.Count(m => m > 0), matches.Sum(), yearInterests.Count,
                yearInterests.Select(i => i.SourcingRequestId).Distinct().Count(), yearInterests.Select(i => i.SupplierOrganizationId).Distinct().Count());
        }).ToList();
    }
}

using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Sourcing;

namespace NgheAn.CNHT.Application.Sourcing;

/// <summary>One ranked supplier: its public name and address in the directory, and the match explained.</summary>
public sealed record RankedSupplier(int OrganizationId, string Slug, string Name, string? CommuneName, string ZoneCode, bool Verified, MatchResult Match);

public sealed record RankingPage(IReadOnlyList<RankedSupplier> Rows, int Total, int FullMatches, int Page, int PageCount);

/// <summary>
/// Ranks the directory's suppliers for a need (ADR 0186). Its own query over published profiles of the request's
/// sector (one LIKE on the delimited code column, the directory's own facet shape): the directory's text search is
/// not involved, so replacing it changes nothing here. Certifications are read only while valid today.
/// </summary>
public sealed class SupplierRanking(IAppDbContext db, TimeProvider clock)
{
    public const int PageSize = 20;

    private DateOnly Today => VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime);

    /// <summary>Every matching supplier, best first (full matches, then score, then the capability mark, then name).</summary>
    public async Task<IReadOnlyList<RankedSupplier>> RankAsync(string sectorCode, string? processCode, string? certificationCode, int? excludeOrganizationId, CancellationToken ct = default)
    {
        var code = ";" + sectorCode + ";";
        var today = Today;
        var candidates = await db.SupplierProfiles.AsNoTracking()
            .Where(p => p.IsPublished && p.SectorCodes.Contains(code) && p.OrganizationId != (excludeOrganizationId ?? 0))
            .Select(p => new
            {
                p.OrganizationId, p.Slug, p.NameVi, p.CommuneName, p.ZoneCode, p.SectorCodes, p.ProcessCodes,
                Verified = p.CapabilityVerifiedOn != null,
                Certifications = p.CertificationList.Where(c => c.ValidUntil == null || c.ValidUntil >= today).Select(c => c.Code).ToList(),
            })
            .ToListAsync(ct);
        return candidates
            .Select(c => (c, Match: SupplierMatch.Weigh(sectorCode, processCode, certificationCode, new SupplierFacts(c.SectorCodes, c.ProcessCodes, c.Certifications, c.Verified))))
            .Where(x => x.Match is not null)
            .Select(x => new RankedSupplier(x.c.OrganizationId, x.c.Slug, x.c.NameVi, x.c.CommuneName, x.c.ZoneCode, x.c.Verified, x.Match!))
            .OrderByDescending(r => r.Match.MeetsAll)
            .ThenByDescending(r => r.Match.Score)
            .ThenBy(r => r.Name, StringComparer.Create(VnFormat.Culture, false))
            .ThenBy(r => r.OrganizationId)
            .ToList();
    }

    public async Task<RankingPage> PageAsync(SourcingRequest request, int page, CancellationToken ct = default)
    {
        var all = await RankAsync(request.SectorCode, request.ProcessCode, request.CertificationCode, request.BuyerOrganizationId, ct);
        var pageCount = Math.Max(1, (all.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        return new RankingPage(all.Skip((page - 1) * PageSize).Take(PageSize).ToList(), all.Count, all.Count(r => r.Match.MeetsAll), page, pageCount);
    }
}

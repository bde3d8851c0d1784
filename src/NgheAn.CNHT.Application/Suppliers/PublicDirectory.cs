using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Search;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Suppliers;

namespace NgheAn.CNHT.Application.Suppliers;

/// <summary>The filters of the public directory (all optional).</summary>
public sealed record DirectoryFilter(
    string? Query = null, string? Sector = null, string? Process = null, string? Certification = null,
    string? Zone = null, string? Commune = null, WorkforceSize? Size = null, bool VerifiedOnly = false, int Page = 1);

public sealed record PublicCertification(string Code, DateOnly? ValidUntil);

/// <summary>
/// A profile as the public may see it. Every optional field is already null unless the enterprise marked it public,
/// and only the approved (published) content is read: this record is the only shape in which directory data leaves
/// the portal — pages, open data files and sitemap all use it (ADR 0182).
/// </summary>
public sealed record PublicProfile(
    int Id, string Slug, string NameVi, string? NameEn, string? TaxCode, string? CommuneCode, string? CommuneName, string ZoneCode, string? Address,
    string SectorCodes, string ProcessCodes, string? ProductsVi, string? ProductsEn, string? Capacity, WorkforceSize? Workforce,
    string? ExportMarkets, string? Website, string? ContactName, string? ContactPhone, string? ContactEmail,
    IReadOnlyList<PublicCertification> Certifications, DateOnly? VerifiedOn, string? VerifiedProposalCode, DateTime LastChanged)
{
    public string Name(bool english) => english && !string.IsNullOrEmpty(NameEn) ? NameEn : NameVi;
    public string? Products(bool english) => english && !string.IsNullOrEmpty(ProductsEn) ? ProductsEn : ProductsVi;

    /// <summary>The approved logo and photos (ADR 0193), served by /danh-ba/anh/{id}.</summary>
    public Guid? LogoImageId { get; init; }
    public string PhotoImageIds { get; init; } = "";
    public IReadOnlyList<Guid> Photos => SupplierImage.Split(PhotoImageIds);
}

public sealed record DirectoryRow(
    string Slug, string NameVi, string? NameEn, string SectorCodes, string ProcessCodes, string ZoneCode, string? CommuneName,
    WorkforceSize? Workforce, bool Verified, string? ProductsVi, string? ProductsEn, IReadOnlyList<PublicCertification> Certifications)
{
    public string Name(bool english) => english && !string.IsNullOrEmpty(NameEn) ? NameEn : NameVi;
    public string? Products(bool english) => english && !string.IsNullOrEmpty(ProductsEn) ? ProductsEn : ProductsVi;

    /// <summary>The approved logo, shown as a thumbnail in the list (ADR 0193).</summary>
    public Guid? LogoImageId { get; init; }
}

public sealed record DirectoryPage(IReadOnlyList<DirectoryRow> Rows, int Total, int Page, int PageCount);

public sealed record CommuneOption(string Code, string Name);

public sealed record DirectoryHome(int Enterprises, int Verified, bool HasSampleData, IReadOnlyList<(TaxonomyEntry Sector, int Count)> Sectors, IReadOnlyList<(TaxonomyEntry Zone, int Count)> Zones);

/// <summary>
/// Reads of the public directory: faceted, diacritics-insensitive search, the profile page, the open data and the
/// sitemap. Reads only published profiles and only through the public projection (ADR 0181, 0182).
/// </summary>
public sealed class DirectoryQuery(IAppDbContext db, TimeProvider clock)
{
    public const int PageSize = 20;

    private IQueryable<Domain.Suppliers.SupplierProfile> Published => db.SupplierProfiles.AsNoTracking().Where(p => p.IsPublished);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<DirectoryPage> SearchAsync(DirectoryFilter filter, CancellationToken ct = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var today = Today;
        var rows = await query
            .OrderByDescending(p => p.CapabilityVerifiedOn != null)
            .ThenBy(p => p.NameVi)
            .ThenBy(p => p.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(p => new DirectoryRow(
                p.Slug, p.NameVi, p.NameEn, p.SectorCodes, p.ProcessCodes, p.ZoneCode, p.CommuneName,
                p.ShowWorkforce ? p.Workforce : null, p.CapabilityVerifiedOn != null, p.ProductsVi, p.ProductsEn,
                p.CertificationList.Where(c => c.ValidUntil == null || c.ValidUntil >= today).OrderBy(c => c.Code).Select(c => new PublicCertification(c.Code, c.ValidUntil)).ToList())
            { LogoImageId = p.LogoImageId })
            .ToListAsync(ct);
        return new DirectoryPage(rows, total, page, pageCount);
    }

    /// <summary>The filtered set: each facet an indexed comparison or a LIKE on a delimited code column, search terms on the folded column.</summary>
    public IQueryable<Domain.Suppliers.SupplierProfile> Filtered(DirectoryFilter filter)
    {
        var query = Published;
        // The words as one phrase: "co khi" means "cơ khí", not "cơ" somewhere and "khí" somewhere else
        // ("công nghệ … điều khiển" would match word by word). ADR 0181; the full-text index on SQLite, ADR 0106.
        query = query.Matching(db, filter.Query);

        if (CnhtTaxonomy.Sector(filter.Sector ?? "") is { } sector)
        {
            var code = ";" + sector.Code + ";";
            query = query.Where(p => p.SectorCodes.Contains(code));
        }

        if (CnhtTaxonomy.Process(filter.Process ?? "") is { } process)
        {
            var code = ";" + process.Code + ";";
            query = query.Where(p => p.ProcessCodes.Contains(code));
        }

        if (CnhtTaxonomy.Certification(filter.Certification ?? "") is { } certification)
        {
            var today = Today;
            var code = certification.Code;
            query = query.Where(p => p.CertificationList.Any(c => c.Code == code && (c.ValidUntil == null || c.ValidUntil >= today)));
        }

        if (CnhtTaxonomy.Zone(filter.Zone ?? "") is { } zone)
        {
            var code = zone.Code;
            query = query.Where(p => p.ZoneCode == code);
        }

        if (!string.IsNullOrWhiteSpace(filter.Commune))
        {
            var commune = filter.Commune.Trim();
            query = query.Where(p => p.CommuneCode == commune);
        }

        if (filter.Size is { } size && Enum.IsDefined(size))
        {
            // A size the enterprise keeps private is not searchable either.
            query = query.Where(p => p.ShowWorkforce && p.Workforce == size);
        }

        if (filter.VerifiedOnly)
        {
            query = query.Where(p => p.CapabilityVerifiedOn != null);
        }

        return query;
    }

    /// <summary>The communes and wards that published profiles are in (the location facet).</summary>
    public async Task<IReadOnlyList<CommuneOption>> CommunesAsync(CancellationToken ct = default) =>
        (await Published.Where(p => p.CommuneCode != null && p.CommuneName != null)
            .Select(p => new { p.CommuneCode, p.CommuneName }).Distinct().ToListAsync(ct))
        .Select(c => new CommuneOption(c.CommuneCode!, c.CommuneName!))
        .OrderBy(c => c.Name, StringComparer.Create(VnFormat.Culture, false))
        .ToList();

    public Task<PublicProfile?> ProfileAsync(string slug, CancellationToken ct = default) =>
        Project(Published.Where(p => p.Slug == slug)).FirstOrDefaultAsync(ct);

    /// <summary>Every published profile in the public shape (open data files, sitemap), by name.</summary>
    public async Task<IReadOnlyList<PublicProfile>> AllAsync(CancellationToken ct = default) =>
        await Project(Published.OrderBy(p => p.NameVi).ThenBy(p => p.Id)).ToListAsync(ct);

    public async Task<DirectoryHome> HomeAsync(CancellationToken ct = default)
    {
        var total = await Published.CountAsync(ct);
        var verified = await Published.CountAsync(p => p.CapabilityVerifiedOn != null, ct);
        var sectors = new List<(TaxonomyEntry, int)>();
        foreach (var sector in CnhtTaxonomy.Sectors)
        {
            var code = ";" + sector.Code + ";";
            sectors.Add((sector, await Published.CountAsync(p => p.SectorCodes.Contains(code), ct)));
        }

        var byZone = await Published.GroupBy(p => p.ZoneCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var zones = CnhtTaxonomy.Zones.Select(z => (z, byZone.FirstOrDefault(x => x.Key == z.Code)?.Count ?? 0)).ToList();
        return new DirectoryHome(total, verified, await Published.AnyAsync(p => p.IsSample, ct), sectors, zones);
    }

    /// <summary>
    /// The one public projection: an optional field is copied only when its public flag is set; contact data never
    /// comes from the organization's own (internal) contact columns.
    /// </summary>
    private IQueryable<PublicProfile> Project(IQueryable<Domain.Suppliers.SupplierProfile> profiles) =>
        profiles.Select(p => new PublicProfile(
            p.Id, p.Slug, p.NameVi, p.NameEn,
            p.ShowTaxCode ? p.Organization.TaxCode : null,
            p.CommuneCode, p.CommuneName, p.ZoneCode,
            p.ShowAddress ? p.Address : null,
            p.SectorCodes, p.ProcessCodes, p.ProductsVi, p.ProductsEn,
            p.ShowCapacity ? p.Capacity : null,
            p.ShowWorkforce ? p.Workforce : null,
            p.ShowExportMarkets ? p.ExportMarkets : null,
            p.ShowWebsite ? p.Website : null,
            p.ShowContactName ? p.ContactName : null,
            p.ShowContactPhone ? p.ContactPhone : null,
            p.ShowContactEmail ? p.ContactEmail : null,
            p.CertificationList.OrderBy(c => c.Code).Select(c => new PublicCertification(c.Code, c.ValidUntil)).ToList(),
            p.CapabilityVerifiedOn,
            db.Proposals.Where(x => x.Id == p.CapabilityProposalId).Select(x => x.Code).FirstOrDefault(),
            p.UpdatedAt ?? p.CreatedAt)
        { LogoImageId = p.LogoImageId, PhotoImageIds = p.PhotoImageIds });
}

using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Organizations;

namespace NgheAn.CNHT.Application.Organizations;

/// <param name="CommuneName">Commune or ward of the map in force (ADR 0126); <paramref name="District"/> is the former district, history.</param>
public sealed record OrganizationRow(int Id, string Name, OrganizationKind Kind, string? TaxCode, string? Sector, string? District, int ProposalCount, bool IsSample,
    string? CommuneName = null);

public sealed record OrganizationPage(IReadOnlyList<OrganizationRow> Rows, int TotalCount, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

public sealed record OrganizationDetails(
    int Id,
    string Name,
    OrganizationKind Kind,
    string? TaxCode,
    string? Sector,
    string? District,
    string? CommuneCode,
    string? CommuneName,
    string? Address,
    string? ContactPerson,
    string? Phone,
    string? Email,
    bool IsSample,
    Guid ConcurrencyStamp,
    string CreatedBy,
    DateTime CreatedAt,
    string? UpdatedBy,
    DateTime? UpdatedAt);

public sealed class OrganizationQueries(IAppDbContext db)
{
    public const int PageSize = 50;

    /// <summary>Lead units by name or tax code (with or without diacritics), optionally of one kind.</summary>
    public async Task<OrganizationPage> ListAsync(string? search, OrganizationKind? kind, int page, CancellationToken ct = default)
    {
        var query = db.Organizations.AsNoTracking();
        foreach (var term in SearchText.Terms(search))
        {
            query = query.Where(o => o.SearchText.Contains(term));
        }

        if (kind is { } k)
        {
            query = query.Where(o => o.Kind == k);
        }

        var count = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await query
            .OrderByVietnamese(o => o.Name).ThenBy(o => o.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(o => new OrganizationRow(o.Id, o.Name, o.Kind, o.TaxCode, o.Sector, o.District,
                db.Proposals.Count(p => p.LeadOrganizationId == o.Id), o.IsSample,
                db.AdministrativeUnits.Where(u => u.Code == o.CommuneCode).Select(u => u.Name).FirstOrDefault()))
            .ToListAsync(ct);
        return new OrganizationPage(rows, count, page, PageSize);
    }

    public async Task<OrganizationDetails?> DetailsAsync(int id, CancellationToken ct = default) =>
        await db.Organizations.AsNoTracking()
            .Where(o => o.Id == id)
            .Select(o => new OrganizationDetails(o.Id, o.Name, o.Kind, o.TaxCode, o.Sector, o.District, o.CommuneCode,
                db.AdministrativeUnits.Where(u => u.Code == o.CommuneCode).Select(u => u.Name).FirstOrDefault(), o.Address, o.ContactPerson,
                o.Phone, o.Email, o.IsSample, o.ConcurrencyStamp, o.CreatedBy, o.CreatedAt, o.UpdatedBy, o.UpdatedAt))
            .FirstOrDefaultAsync(ct);
}

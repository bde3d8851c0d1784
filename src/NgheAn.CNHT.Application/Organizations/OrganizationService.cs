using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Auditing;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Geography;
using NgheAn.CNHT.Domain.Organizations;

namespace NgheAn.CNHT.Application.Organizations;

/// <summary>What a specialist types for a lead unit.</summary>
public sealed record OrganizationInput(
    string Name,
    OrganizationKind Kind,
    string? TaxCode,
    string? Sector,
    string? CommuneCode,
    string? Address = null,
    string? ContactPerson = null,
    string? Phone = null,
    string? Email = null);

/// <summary>Creating and editing lead units (đơn vị chủ trì). DOIT specialists keep this list.</summary>
public sealed class OrganizationService(IAppDbContext db, ICurrentUser user, AuditTrail audit, ILogger<OrganizationService> logger)
{
    public async Task<int> CreateAsync(OrganizationInput input, CancellationToken ct = default)
    {
        var organization = await AddAsync(input, ct);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Organization {OrganizationId} created", organization.Id);
        return organization.Id;
    }

    /// <summary>Every rule of a new lead unit (its fields and a free tax code) in one pass, adding nothing.</summary>
    public async Task CheckAsync(OrganizationInput input, CancellationToken ct = default)
    {
        var check = new RuleCheck();
        var organization = check.Run<Organization?>(() => New(input));
        if (organization is not null)
        {
            await check.RunAsync(() => EnsureTaxCodeFreeAsync(organization.TaxCode, null, ct));
        }

        await check.RunAsync(() => EnsureCommuneKnownAsync(input.CommuneCode, ct));
        check.ThrowIfBroken();
    }

    /// <summary>
    /// Validates and adds a new lead unit to the context without saving, so a caller can save it in the
    /// same transaction as the proposal that names it.
    /// </summary>
    public async Task<Organization> AddAsync(OrganizationInput input, CancellationToken ct = default)
    {
        EnsureMayEdit();
        var check = new RuleCheck();
        var organization = check.Run<Organization?>(() => New(input));
        if (organization is not null)
        {
            await check.RunAsync(() => EnsureTaxCodeFreeAsync(organization.TaxCode, null, ct));
        }

        await check.RunAsync(() => EnsureCommuneKnownAsync(input.CommuneCode, ct));
        check.ThrowIfBroken();
        db.Organizations.Add(organization!);
        return organization!;
    }

    public async Task UpdateAsync(int id, Guid stamp, OrganizationInput input, CancellationToken ct = default)
    {
        EnsureMayEdit();
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException($"Không tìm thấy đơn vị số {id}.");
        if (organization.ConcurrencyStamp != stamp)
        {
            throw await ConflictAsync(id, stamp, organization.ConcurrencyStamp, ct);
        }

        var check = new RuleCheck();
        check.Run(() => organization.Update(input.Name, input.Kind, input.TaxCode, input.Sector, input.CommuneCode,
            input.Address, input.ContactPerson, input.Phone, input.Email));
        await check.RunAsync(() => EnsureTaxCodeFreeAsync(organization.TaxCode, id, ct));
        await check.RunAsync(() => EnsureCommuneKnownAsync(input.CommuneCode, ct));
        check.ThrowIfBroken();
        db.Entry(organization).Property(o => o.ConcurrencyStamp).OriginalValue = stamp;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => o.ConcurrencyStamp).FirstOrDefaultAsync(ct);
            throw await ConflictAsync(id, stamp, current, ct);
        }

        logger.LogInformation("Organization {OrganizationId} updated", id);
    }

    /// <summary>The former district is history (ADR 0126): a unit created on the form has none.</summary>
    private static Organization New(OrganizationInput input) => new(input.Name, input.Kind, input.TaxCode, input.Sector, district: null,
        input.Address, input.ContactPerson, input.Phone, input.Email, communeCode: input.CommuneCode);

    /// <summary>A commune must be one of the reference table's (ADR 0126); a well-formed but unknown code is refused.</summary>
    private async Task EnsureCommuneKnownAsync(string? communeCode, CancellationToken ct)
    {
        communeCode = communeCode?.Trim();
        if (!AdministrativeUnit.IsWellFormedCode(communeCode) || await db.AdministrativeUnits.AnyAsync(u => u.Code == communeCode, ct))
        {
            return;
        }

        throw new DomainException($"Mã xã/phường {communeCode} không có trong danh mục xã, phường của tỉnh Nghệ An (bản đồ hành chính từ 01/7/2025). Vui lòng chọn trong danh sách.",
            nameof(Organization.CommuneCode));
    }

    private void EnsureMayEdit()
    {
        if (!user.Actor.IsIn(Roles.DoitSpecialist))
        {
            throw new DomainException("Chỉ Chuyên viên Sở được thêm, sửa đơn vị chủ trì.");
        }
    }

    private async Task EnsureTaxCodeFreeAsync(string? taxCode, int? exceptId, CancellationToken ct)
    {
        if (taxCode is null)
        {
            return;
        }

        var holder = await db.Organizations.AsNoTracking()
            .Where(o => o.TaxCode == taxCode && o.Id != (exceptId ?? 0))
            .Select(o => o.Name)
            .FirstOrDefaultAsync(ct);
        if (holder is not null)
        {
            throw new DomainException($"Mã số thuế {taxCode} đã được dùng cho đơn vị \"{holder}\".", nameof(Organization.TaxCode));
        }
    }

    private async Task<ConcurrencyConflictException> ConflictAsync(int id, Guid stamp, Guid current, CancellationToken ct)
    {
        var changes = await audit.DescribeChangesSinceAsync(nameof(Organization), id, stamp, ct);
        return new ConcurrencyConflictException(
            "Đơn vị này vừa được người khác sửa trong khi bạn đang sửa; thay đổi của bạn chưa được lưu.", changes, current);
    }
}

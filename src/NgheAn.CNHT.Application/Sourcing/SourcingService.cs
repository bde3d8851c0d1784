using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Enterprises;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Sourcing;

namespace NgheAn.CNHT.Application.Sourcing;

public sealed record SourcingRow(
    int Id, string Title, string BuyerName, string SectorCode, string? ProcessCode, string? CertificationCode, string? Quantity,
    DateOnly Deadline, SourcingStatus Status, DateTime PostedAt, bool PostedByDepartment, int Interests);

public sealed record SourcingPage(IReadOnlyList<SourcingRow> Rows, int Total, int Page, int PageCount);

/// <summary>A request as its buyer (or DOIT) sees it, with the interests suppliers expressed.</summary>
public sealed record SourcingView(
    int Id, string Title, int BuyerOrganizationId, string BuyerName, string SectorCode, string? ProcessCode, string? CertificationCode,
    string? Quantity, DateOnly Deadline, string? Description, SourcingStatus Status, string PostedBy, bool PostedByDepartment, DateTime PostedAt,
    DateTime? ClosedAt, Guid Stamp, IReadOnlyList<InterestRow> Interests, bool IsOpen);

public sealed record InterestRow(int SupplierOrganizationId, string SupplierName, string? SupplierSlug, string? Message, string ExpressedBy, DateTime ExpressedAt);

/// <summary>An open request shown to a supplier it matches, with the match explained and whether it already said it is interested.</summary>
public sealed record OpportunityRow(SourcingRow Request, string? Description, MatchResult Match, bool Interested, Guid Stamp);

public sealed record OpportunityPage(IReadOnlyList<OpportunityRow> Rows, int Total, int Page, int PageCount, bool HasPublishedProfile);

/// <summary>
/// Sourcing requests (issue 17 item 4, ADR 0185): posting, closing, interests and the lists. An enterprise account
/// always acts for the organization of its account (<see cref="EnterpriseContext"/>), never one named in the request:
/// another enterprise's request is "not found" (ADR 0154). A DOIT specialist reads every request and posts on a
/// buyer's behalf.
/// </summary>
public sealed class SourcingService(IAppDbContext db, EnterpriseContext enterprise, ICurrentUser user, TimeProvider clock, SupplierRanking ranking, ILogger<SourcingService> logger)
{
    public const int PageSize = 20;

    private DateOnly Today => VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime);

    private bool IsDepartment => user.Actor.IsIn(Roles.DoitSpecialist);

    /// <summary>The organization the caller acts for: its own for an enterprise, none (all) for DOIT.</summary>
    private async Task<int?> ScopeAsync(CancellationToken ct)
    {
        if (user.Actor.IsIn(Roles.Enterprise))
        {
            return (await enterprise.CurrentAsync(ct)).OrganizationId;
        }

        return IsDepartment ? null : throw new NotFoundException("Không tìm thấy nhu cầu tìm nhà cung ứng.");
    }

    /// <summary>An enterprise posts its own need (a verified account only).</summary>
    public async Task<int> PostAsync(SourcingNeed need, CancellationToken ct = default)
    {
        var account = await enterprise.CurrentAsync(ct);
        if (!account.IsVerified)
        {
            throw new DomainException("Tài khoản chưa được Trung tâm xác minh; chưa thể đăng nhu cầu tìm nhà cung ứng.");
        }

        return await SaveNewAsync(account.OrganizationId, need, ct);
    }

    /// <summary>A DOIT specialist posts on a buyer's behalf, naming it by its tax code.</summary>
    public async Task<int> PostOnBehalfAsync(string? buyerTaxCode, SourcingNeed need, CancellationToken ct = default)
    {
        if (!IsDepartment)
        {
            throw new DomainException("Chỉ chuyên viên Sở Công Thương đăng nhu cầu thay doanh nghiệp.");
        }

        var check = new RuleCheck();
        // Written as people write it ("0123 456 789", "0123.456.789"): a valid code is looked up in its canonical form.
        var taxCode = (buyerTaxCode ?? "").Trim();
        if (TaxCode.IsValid(taxCode))
        {
            taxCode = TaxCode.Normalize(taxCode);
        }

        var buyer = taxCode.Length == 0 ? null : await db.Organizations.AsNoTracking().Where(o => o.TaxCode == taxCode).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        if (buyer is null)
        {
            check.Add(new DomainException(taxCode.Length == 0 ? "Nhập mã số thuế của doanh nghiệp cần tìm nhà cung ứng." : "Không có doanh nghiệp nào mang mã số thuế này.", "BuyerTaxCode"));
        }

        check.Run(() => need.Checked(Today));
        check.ThrowIfBroken();
        return await SaveNewAsync(buyer!.Value, need, ct);
    }

    private async Task<int> SaveNewAsync(int buyerOrganizationId, SourcingNeed need, CancellationToken ct)
    {
        var request = new SourcingRequest(buyerOrganizationId, need, user.Actor, clock.GetUtcNow().UtcDateTime, Today);
        db.SourcingRequests.Add(request);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Sourcing request {RequestId} posted for organization {OrganizationId} by {User}", request.Id, buyerOrganizationId, user.UserName);
        return request.Id;
    }

    public async Task CloseAsync(int id, Guid? stamp, CancellationToken ct = default)
    {
        var request = await LoadOwnAsync(id, stamp, ct);
        request.Close(user.Actor, clock.GetUtcNow().UtcDateTime);
        await SaveAsync(ct);
        logger.LogInformation("Sourcing request {RequestId} closed by {User}", id, user.UserName);
    }

    /// <summary>The caller's request (any for DOIT): another enterprise's id is not found.</summary>
    public async Task<SourcingView> ViewAsync(int id, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        var today = Today;
        var view = await db.SourcingRequests.AsNoTracking()
            .Where(r => r.Id == id && (scope == null || r.BuyerOrganizationId == scope))
            .Select(r => new SourcingView(r.Id, r.Title, r.BuyerOrganizationId, r.BuyerOrganization.Name, r.SectorCode, r.ProcessCode, r.CertificationCode,
                r.Quantity, r.Deadline, r.Description, r.Status, r.PostedBy, r.PostedByDepartment, r.PostedAt, r.ClosedAt, r.ConcurrencyStamp,
                db.SourcingInterests.Where(i => i.SourcingRequestId == r.Id).OrderBy(i => i.ExpressedAt)
                    .Select(i => new InterestRow(i.SupplierOrganizationId, i.SupplierOrganization.Name,
                        db.SupplierProfiles.Where(p => p.OrganizationId == i.SupplierOrganizationId && p.IsPublished).Select(p => p.Slug).FirstOrDefault(),
                        i.Message, i.ExpressedBy, i.ExpressedAt)).ToList(),
                r.Status == SourcingStatus.Open && r.Deadline >= today))
            .FirstOrDefaultAsync(ct);
        return view ?? throw new NotFoundException($"Không tìm thấy nhu cầu tìm nhà cung ứng số {id}.");
    }

    /// <summary>The ranked suppliers of the caller's request (ADR 0186).</summary>
    public async Task<RankingPage> RankingAsync(int id, int page, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        var request = await db.SourcingRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && (scope == null || r.BuyerOrganizationId == scope), ct)
            ?? throw new NotFoundException($"Không tìm thấy nhu cầu tìm nhà cung ứng số {id}.");
        return await ranking.PageAsync(request, page, ct);
    }

    /// <summary>The caller's requests (every request for DOIT), newest first, optionally of one year.</summary>
    public async Task<SourcingPage> ListAsync(int? year, int page, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        var query = db.SourcingRequests.AsNoTracking().Where(r => scope == null || r.BuyerOrganizationId == scope);
        if (year is { } y)
        {
            query = query.Where(r => r.Year == y);
        }

        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await query.OrderByDescending(r => r.PostedAt).ThenByDescending(r => r.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(r => new SourcingRow(r.Id, r.Title, r.BuyerOrganization.Name, r.SectorCode, r.ProcessCode, r.CertificationCode, r.Quantity,
                r.Deadline, r.Status, r.PostedAt, r.PostedByDepartment, db.SourcingInterests.Count(i => i.SourcingRequestId == r.Id)))
            .ToListAsync(ct);
        return new SourcingPage(rows, total, page, pageCount);
    }

    /// <summary>
    /// The open requests of other buyers that match the signed-in supplier's published profile (same sector), best
    /// match first, each explained, and whether the supplier already said it is interested.
    /// </summary>
    public async Task<OpportunityPage> OpportunitiesAsync(int page, CancellationToken ct = default)
    {
        var account = await enterprise.CurrentAsync(ct);
        var supplier = await SupplierFactsAsync(account.OrganizationId, ct);
        if (supplier is null)
        {
            return new OpportunityPage([], 0, 1, 1, false);
        }

        var today = Today;
        var sectors = Domain.Suppliers.CnhtTaxonomy.Split(supplier.SectorCodes).ToList();
        var open = await db.SourcingRequests.AsNoTracking()
            .Where(r => r.Status == SourcingStatus.Open && r.Deadline >= today && r.BuyerOrganizationId != account.OrganizationId && sectors.Contains(r.SectorCode))
            .Select(r => new
            {
                Row = new SourcingRow(r.Id, r.Title, r.BuyerOrganization.Name, r.SectorCode, r.ProcessCode, r.CertificationCode, r.Quantity,
                    r.Deadline, r.Status, r.PostedAt, r.PostedByDepartment, 0),
                r.Description,
                r.ConcurrencyStamp,
                Interested = db.SourcingInterests.Any(i => i.SourcingRequestId == r.Id && i.SupplierOrganizationId == account.OrganizationId),
            })
            .ToListAsync(ct);
        var rows = open
            .Select(o => new OpportunityRow(o.Row, o.Description, SupplierMatch.Weigh(o.Row.SectorCode, o.Row.ProcessCode, o.Row.CertificationCode, supplier)!, o.Interested, o.ConcurrencyStamp))
            .OrderByDescending(o => o.Match.MeetsAll).ThenByDescending(o => o.Match.Score).ThenBy(o => o.Request.Deadline).ThenBy(o => o.Request.Id)
            .ToList();
        var pageCount = Math.Max(1, (rows.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        return new OpportunityPage(rows.Skip((page - 1) * PageSize).Take(PageSize).ToList(), rows.Count, page, pageCount, true);
    }

    /// <summary>
    /// The signed-in supplier says it is interested: once per request; only in an open request of another buyer that
    /// matches its published profile — any other id is not found, whoever it belongs to.
    /// </summary>
    public async Task ExpressInterestAsync(int requestId, Guid? stamp, string? message, CancellationToken ct = default)
    {
        var account = await enterprise.CurrentAsync(ct);
        if (!account.IsVerified)
        {
            throw new DomainException("Tài khoản chưa được Trung tâm xác minh; chưa thể bày tỏ quan tâm.");
        }

        var supplier = await SupplierFactsAsync(account.OrganizationId, ct)
            ?? throw new DomainException("Doanh nghiệp cần có hồ sơ danh bạ đã được duyệt trước khi bày tỏ quan tâm.");
        var request = await db.SourcingRequests.FirstOrDefaultAsync(r => r.Id == requestId && r.BuyerOrganizationId != account.OrganizationId, ct);
        if (request is null || !SupplierMatch.SameSector(request.SectorCode, supplier.SectorCodes))
        {
            throw new NotFoundException($"Không tìm thấy nhu cầu tìm nhà cung ứng số {requestId}.");
        }

        if (stamp is null || stamp == Guid.Empty)
        {
            throw new ConcurrencyConflictException("Biểu mẫu thiếu dấu phiên bản; vui lòng tải lại trang rồi thực hiện lại.");
        }

        if (request.ConcurrencyStamp != stamp)
        {
            throw new ConcurrencyConflictException("Nhu cầu vừa được bên mua thay đổi hoặc đóng sau khi bạn mở trang; vui lòng tải lại trang.");
        }

        if (await db.SourcingInterests.AnyAsync(i => i.SourcingRequestId == requestId && i.SupplierOrganizationId == account.OrganizationId, ct))
        {
            throw new DomainException("Doanh nghiệp đã bày tỏ quan tâm đến nhu cầu này.");
        }

        db.SourcingInterests.Add(new SourcingInterest(request, account.OrganizationId, message, user.Actor, clock.GetUtcNow().UtcDateTime, Today));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index (request, supplier): a second click of another member of the same enterprise.
            throw new DomainException("Doanh nghiệp đã bày tỏ quan tâm đến nhu cầu này.");
        }

        logger.LogInformation("Interest in sourcing request {RequestId} expressed by organization {OrganizationId} ({User})", requestId, account.OrganizationId, user.UserName);
    }

    /// <summary>The requests the signed-in supplier said it is interested in (its own interests only).</summary>
    public async Task<SourcingPage> MyInterestsAsync(int page, CancellationToken ct = default)
    {
        var account = await enterprise.CurrentAsync(ct);
        var query = db.SourcingInterests.AsNoTracking().Where(i => i.SupplierOrganizationId == account.OrganizationId);
        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await query.OrderByDescending(i => i.ExpressedAt).ThenByDescending(i => i.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(i => new SourcingRow(i.SourcingRequest.Id, i.SourcingRequest.Title, i.SourcingRequest.BuyerOrganization.Name, i.SourcingRequest.SectorCode,
                i.SourcingRequest.ProcessCode, i.SourcingRequest.CertificationCode, i.SourcingRequest.Quantity, i.SourcingRequest.Deadline,
                i.SourcingRequest.Status, i.ExpressedAt, i.SourcingRequest.PostedByDepartment, 1))
            .ToListAsync(ct);
        return new SourcingPage(rows, total, page, pageCount);
    }

    private async Task<SupplierFacts?> SupplierFactsAsync(int organizationId, CancellationToken ct)
    {
        var today = Today;
        var profile = await db.SupplierProfiles.AsNoTracking()
            .Where(p => p.OrganizationId == organizationId && p.IsPublished)
            .Select(p => new
            {
                p.SectorCodes, p.ProcessCodes, Verified = p.CapabilityVerifiedOn != null,
                Certifications = p.CertificationList.Where(c => c.ValidUntil == null || c.ValidUntil >= today).Select(c => c.Code).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        return profile is null ? null : new SupplierFacts(profile.SectorCodes, profile.ProcessCodes, profile.Certifications, profile.Verified);
    }

    private async Task<SourcingRequest> LoadOwnAsync(int id, Guid? stamp, CancellationToken ct)
    {
        var scope = await ScopeAsync(ct);
        var request = await db.SourcingRequests.FirstOrDefaultAsync(r => r.Id == id && (scope == null || r.BuyerOrganizationId == scope), ct)
            ?? throw new NotFoundException($"Không tìm thấy nhu cầu tìm nhà cung ứng số {id}.");
        if (stamp is null || stamp == Guid.Empty)
        {
            throw new ConcurrencyConflictException("Biểu mẫu thiếu dấu phiên bản; vui lòng tải lại trang rồi thực hiện lại.");
        }

        db.Entry(request).Property(r => r.ConcurrencyStamp).OriginalValue = stamp.Value;
        return request;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Nhu cầu vừa được thay đổi sau khi bạn mở trang; vui lòng tải lại trang.");
        }
    }
}

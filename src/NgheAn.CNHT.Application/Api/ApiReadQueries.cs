using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.Api;

/// <summary>One page of a list: the items, where it is, and how many there are in all.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => TotalCount == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
}

public sealed record ApiLeadUnit(string Name, string? TaxCode);

/// <summary>A proposal as other systems read it. Amounts are whole đồng; <c>totalCost</c>/<c>provincialShare</c> are the figures reports count.</summary>
public sealed record ApiProposal(
    string Code,
    string Title,
    string ProgramCode,
    string GroupCode,
    string ItemCode,
    ApiLeadUnit LeadUnit,
    int StartYear,
    int EndYear,
    ProposalStatus Status,
    bool Counted,
    decimal TotalCost,
    decimal ProvincialShare,
    decimal RequestedTotalCost,
    decimal RequestedProvincialShare,
    decimal? ApprovedTotalCost,
    decimal? ApprovedProvincialShare,
    decimal? SettledTotalCost,
    decimal? SettledProvincialShare,
    string? DecisionNumber,
    DateOnly? DecisionDate,
    DateOnly? AcceptanceDate,
    DateOnly? SettlementDate);

/// <summary>A ledger entry; <c>amount</c> is signed (recoveries and reversals negative).</summary>
public sealed record ApiLedgerEntry(
    int Id,
    string ProposalCode,
    DateOnly EntryDate,
    string VoucherNumber,
    FundingSource Source,
    DisbursementKind Kind,
    decimal Amount,
    int? ReversesEntryId,
    string? Note,
    DateTime RecordedAt);

// The API's query strings, bound with [AsParameters] by code generated at compile time (ADR 0242). Its generator writes
// typeof(string?) for a nullable-annotated constructor, which does not compile (CS8639): no annotations here, and each
// parameter optional through its default (null: not asked for).
#nullable disable
public sealed record ProposalFilter(string Status = null, string Item = null, string Group = null, int? FromYear = null, int? ToYear = null, string TaxCode = null, string Q = null, int Page = 1, int PageSize = 50);

public sealed record LedgerFilter(string Proposal = null, DateOnly? From = null, DateOnly? To = null, string Source = null, int Page = 1, int PageSize = 100);
#nullable restore

/// <summary>The read-only API's lists: SQL projections, filtered and paged in the database.</summary>
public sealed class ApiReadQueries(IAppDbContext db)
{
    public const int MaxPageSize = 500;

    public async Task<PagedResult<ApiProposal>?> ProposalsAsync(string programCode, ProposalFilter f, CancellationToken ct)
    {
        var programId = await db.Programs.AsNoTracking().Where(p => p.Code == programCode).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (programId is null)
        {
            return null;
        }

        var query = db.Proposals.AsNoTracking().Where(p => p.ProgramId == programId);
        if (!string.IsNullOrWhiteSpace(f.Status))
        {
            var statuses = f.Status.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => Enum.TryParse<ProposalStatus>(s, ignoreCase: true, out var v) ? v : throw new ArgumentException($"Trạng thái không hợp lệ: {s}.", nameof(f)))
                .ToList();
            query = query.Where(p => statuses.Contains(p.Status));
        }

        if (!string.IsNullOrWhiteSpace(f.Item))
        {
            query = query.Where(p => p.ContentItem.Code == f.Item);
        }

        if (!string.IsNullOrWhiteSpace(f.Group))
        {
            query = query.Where(p => p.ContentItem.Group.Code == f.Group);
        }

        if (f.FromYear is { } from)
        {
            query = query.Where(p => p.StartYear >= from);
        }

        if (f.ToYear is { } to)
        {
            query = query.Where(p => p.StartYear <= to);
        }

        if (!string.IsNullOrWhiteSpace(f.TaxCode))
        {
            query = query.Where(p => p.LeadOrganization.TaxCode == f.TaxCode);
        }

        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            query = query.Where(p => p.Code.Contains(f.Q) || p.Title.Contains(f.Q));
        }

        var (page, size) = Paging(f.Page, f.PageSize);
        var total = await query.CountAsync(ct);
        var counted = ProposalStatusText.Counted.ToArray();
        var items = await query
            .OrderBy(p => p.StartYear).ThenBy(p => p.Code)
            .Skip((page - 1) * size).Take(size)
            .Select(p => new ApiProposal(p.Code, p.Title, programCode, p.ContentItem.Group.Code, p.ContentItem.Code,
                new ApiLeadUnit(p.LeadOrganization.Name, p.LeadOrganization.TaxCode), p.StartYear, p.EndYear, p.Status, counted.Contains(p.Status),
                p.EffectiveTotalCost(), p.EffectiveProvincialShare(),
                p.RequestedTotalCost, p.RequestedProvincialShare, p.ApprovedTotalCost, p.ApprovedProvincialShare, p.SettledTotalCost, p.SettledProvincialShare,
                p.DecisionNumber, p.DecisionDate, p.AcceptanceDate, p.SettlementDate))
            .ToListAsync(ct);
        return new PagedResult<ApiProposal>(items, page, size, total);
    }

    public async Task<PagedResult<ApiLedgerEntry>?> LedgerAsync(string programCode, LedgerFilter f, CancellationToken ct)
    {
        var programId = await db.Programs.AsNoTracking().Where(p => p.Code == programCode).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (programId is null)
        {
            return null;
        }

        var query = db.DisbursementEntries.AsNoTracking().Where(e => e.ProgramId == programId);
        if (!string.IsNullOrWhiteSpace(f.Proposal))
        {
            query = query.Where(e => e.Proposal.Code == f.Proposal);
        }

        if (f.From is { } from)
        {
            query = query.Where(e => e.EntryDate >= from);
        }

        if (f.To is { } to)
        {
            query = query.Where(e => e.EntryDate <= to);
        }

        if (!string.IsNullOrWhiteSpace(f.Source))
        {
            var source = Enum.TryParse<FundingSource>(f.Source, ignoreCase: true, out var s) ? s : throw new ArgumentException($"Nguồn kinh phí không hợp lệ: {f.Source}.", nameof(f));
            query = query.Where(e => e.Source == source);
        }

        var (page, size) = Paging(f.Page, f.PageSize);
        var total = await query.CountAsync(ct);
        var items = await query
            .OrderBy(e => e.EntryDate).ThenBy(e => e.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(e => new ApiLedgerEntry(e.Id, e.Proposal.Code, e.EntryDate, e.VoucherNumber, e.Source, e.Kind, e.Amount, e.ReversesEntryId, e.Note, e.RecordedAt))
            .ToListAsync(ct);
        return new PagedResult<ApiLedgerEntry>(items, page, size, total);
    }

    private static (int Page, int Size) Paging(int page, int size)
    {
        if (page < 1)
        {
            throw new ArgumentException("page phải từ 1 trở lên.", nameof(page));
        }

        if (size is < 1 or > MaxPageSize)
        {
            throw new ArgumentException($"pageSize phải từ 1 đến {MaxPageSize}.", nameof(size));
        }

        return (page, size);
    }
}

using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Disbursements;

namespace NgheAn.CNHT.Application.DataExchange;

/// <summary>
/// A program's data (catalog, lead units, proposals, ledger) in the import template's format, so that an
/// export imported into an empty database gives the same appendix. With <c>template</c> only the catalog.
/// <see cref="OpenAsync"/> gives the same rows as streams for the bulk export (ADR 0108).
/// </summary>
public sealed class ExportQuery(IAppDbContext db, CatalogQueries catalog)
{
    public async Task<ProgramWorkbook> BuildAsync(string programCode, bool template = false, CancellationToken ct = default)
    {
        var (head, programId) = await HeadAsync(programCode, template, ct);
        if (template)
        {
            return head;
        }

        var proposals = await ProposalRows(programId).ToListAsync(ct);
        var ledger = await LedgerRows(programId).ToListAsync(ct);
        return head with { Proposals = proposals, Ledger = ledger.Select(ToLine).ToList() };
    }

    /// <summary>
    /// The export as streams: the catalog and units loaded, the proposals and the ledger read row by row when enumerated
    /// (one after the other, never both at once), so memory does not grow with the program.
    /// </summary>
    public async Task<ProgramExport> OpenAsync(string programCode, CancellationToken ct = default)
    {
        var (head, programId) = await HeadAsync(programCode, template: false, ct);
        var proposalCount = await db.Proposals.CountAsync(p => p.ProgramId == programId, ct);
        var ledgerCount = await db.DisbursementEntries.CountAsync(e => e.ProgramId == programId, ct);
        return new ProgramExport(head, proposalCount, ledgerCount, ProposalRows(programId).AsAsyncEnumerable(), Ledger(programId));

        async IAsyncEnumerable<LedgerLine> Ledger(int id)
        {
            await foreach (var row in LedgerRows(id).AsAsyncEnumerable())
            {
                yield return ToLine(row);
            }
        }
    }

    private async Task<(ProgramWorkbook Head, int ProgramId)> HeadAsync(string programCode, bool template, CancellationToken ct)
    {
        var program = await catalog.GetAsync(programCode, ct)
            ?? throw new NotFoundException($"Không có chương trình mã {programCode}.");
        var lines = program.Groups.SelectMany(g => new[] { new CatalogLine(g.Code, null, g.Name, g.Plan) }
            .Concat(g.Items.Select(i => new CatalogLine(g.Code, i.Code, i.Name, i.PlanAmount)))).ToList();
        if (template)
        {
            return (new ProgramWorkbook(program.Code, program.Name, program.StartYear, program.EndYear, program.LegalBasis, lines, [], [], [], IsTemplate: true), program.Id);
        }

        // The unit register is shared by programs: all of it goes with the export.
        var units = await db.Organizations.AsNoTracking()
            .OrderBy(o => o.Name)
            .Select(o => new UnitLine(o.Name, o.Kind, o.TaxCode, o.Sector, o.District, o.Address))
            .ToListAsync(ct);
        return (new ProgramWorkbook(program.Code, program.Name, program.StartYear, program.EndYear, program.LegalBasis, lines, units, [], [], IsTemplate: false), program.Id);
    }

    private IQueryable<ProposalLine> ProposalRows(int programId) =>
        db.Proposals.AsNoTracking()
            .Where(p => p.ProgramId == programId)
            .OrderBy(p => p.StartYear).ThenBy(p => p.Code)
            .Select(p => new ProposalLine(
                p.Code, p.Title, p.ContentItem.Code, p.LeadOrganization.Name, p.LeadOrganization.TaxCode, p.StartYear, p.EndYear,
                p.ApprovedTotalCost ?? p.RequestedTotalCost, p.ApprovedProvincialShare ?? p.RequestedProvincialShare, p.Status,
                p.DecisionNumber, p.DecisionDate ?? p.AppraisalDate, p.AcceptanceDate, p.SettlementDecisionNumber, p.SettlementDate,
                p.SettledTotalCost, p.SettledProvincialShare));

    private sealed record LedgerRow(string Code, DateOnly EntryDate, string VoucherNumber, FundingSource Source, DisbursementKind Kind, decimal Amount,
        string? Note, string? Original);

    private IQueryable<LedgerRow> LedgerRows(int programId) =>
        db.DisbursementEntries.AsNoTracking()
            .Where(e => e.ProgramId == programId)
            .OrderBy(e => e.Proposal.StartYear).ThenBy(e => e.Proposal.Code).ThenBy(e => e.EntryDate).ThenBy(e => e.Id)
            .Select(e => new LedgerRow(
                e.Proposal.Code,
                e.EntryDate,
                e.VoucherNumber,
                e.Source,
                e.Kind,
                e.Amount,
                e.Note,
                db.DisbursementEntries.Where(o => o.Id == e.ReversesEntryId).Select(o => o.VoucherNumber).FirstOrDefault()));

    private static LedgerLine ToLine(LedgerRow e) => new(e.Code, e.EntryDate, e.VoucherNumber, e.Source, e.Kind, Math.Abs(e.Amount), e.Note,
        e.Kind == DisbursementKind.Reversal ? e.Original : null);
}

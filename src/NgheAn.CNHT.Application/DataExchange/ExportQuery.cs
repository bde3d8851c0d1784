using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Disbursements;

namespace NgheAn.CNHT.Application.DataExchange;

/// <summary>
/// A program's data (catalog, lead units, proposals, ledger) in the import template's format, so that an
/// export imported into an empty database gives the same appendix. With <c>template</c> only the catalog.
/// </summary>
public sealed class ExportQuery(IAppDbContext db, CatalogQueries catalog)
{
    public async Task<ProgramWorkbook> BuildAsync(string programCode, bool template = false, CancellationToken ct = default)
    {
        var program = await catalog.GetAsync(programCode, ct)
            ?? throw new NotFoundException($"Không có chương trình mã {programCode}.");
        var lines = program.Groups.SelectMany(g => new[] { new CatalogLine(g.Code, null, g.Name, g.Plan) }
            .Concat(g.Items.Select(i => new CatalogLine(g.Code, i.Code, i.Name, i.PlanAmount)))).ToList();
        if (template)
        {
            return new ProgramWorkbook(program.Code, program.Name, program.StartYear, program.EndYear, program.LegalBasis, lines, [], [], [], IsTemplate: true);
        }

        var proposals = await db.Proposals.AsNoTracking()
            .Where(p => p.ProgramId == program.Id)
            .OrderBy(p => p.StartYear).ThenBy(p => p.Code)
            .Select(p => new ProposalLine(
                p.Code, p.Title, p.ContentItem.Code, p.LeadOrganization.Name, p.LeadOrganization.TaxCode, p.StartYear, p.EndYear,
                p.ApprovedTotalCost ?? p.RequestedTotalCost, p.ApprovedProvincialShare ?? p.RequestedProvincialShare, p.Status,
                p.DecisionNumber, p.DecisionDate ?? p.AppraisalDate, p.AcceptanceDate, p.SettlementDecisionNumber, p.SettlementDate,
                p.SettledTotalCost, p.SettledProvincialShare))
            .ToListAsync(ct);

        // The unit register is shared by programs: all of it goes with the export.
        var units = await db.Organizations.AsNoTracking()
            .OrderBy(o => o.Name)
            .Select(o => new UnitLine(o.Name, o.Kind, o.TaxCode, o.Sector, o.District, o.Address))
            .ToListAsync(ct);

        var entries = await db.DisbursementEntries.AsNoTracking()
            .Where(e => e.Proposal.ProgramId == program.Id)
            .OrderBy(e => e.Proposal.StartYear).ThenBy(e => e.Proposal.Code).ThenBy(e => e.EntryDate).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Proposal.Code,
                e.EntryDate,
                e.VoucherNumber,
                e.Source,
                e.Kind,
                e.Amount,
                e.Note,
                Original = db.DisbursementEntries.Where(o => o.Id == e.ReversesEntryId).Select(o => o.VoucherNumber).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var ledger = entries.Select(e => new LedgerLine(e.Code, e.EntryDate, e.VoucherNumber, e.Source, e.Kind, Math.Abs(e.Amount), e.Note,
            e.Kind == DisbursementKind.Reversal ? e.Original : null)).ToList();

        return new ProgramWorkbook(program.Code, program.Name, program.StartYear, program.EndYear, program.LegalBasis, lines, units, proposals, ledger, IsTemplate: false);
    }
}

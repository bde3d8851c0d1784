using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.PublicContent;

/// <summary>One supported proposal as the public sees it: who benefits, for what, which year, how much the province approved. No person, no file.</summary>
public sealed record SupportedProposal(string Code, string Beneficiary, string ItemCode, string ItemName, string Title, int Year, decimal? ApprovedSupport);

public sealed record ProgramChoice(string Code, string Name, int StartYear, int EndYear);

/// <summary>The program's public page: its plan and results (the appendix, read-only) and the programs a visitor can switch to.</summary>
public sealed record ProgramTransparency(ProgramChoice Program, IReadOnlyList<ProgramChoice> Programs, AppendixReport Appendix);

/// <summary>
/// Program transparency (issue 17 item 6, ADR 0189): the plan and the appendix come from <see cref="AppendixQuery"/>
/// unchanged, so the public page can never disagree with the reports; the supported proposals are those the appendix
/// counts (approved or later) with public fields only.
/// </summary>
public sealed class ProgramTransparencyQuery(IAppDbContext db, CatalogQueries catalog, AppendixQuery appendix)
{
    public const int PageSize = 25;

    /// <summary>The program asked for, or the newest one that has supported proposals (else the newest).</summary>
    public async Task<ProgramTransparency?> ProgramAsync(string? code, CancellationToken ct = default)
    {
        var programs = (await catalog.ListProgramsAsync(ct)).Select(p => new ProgramChoice(p.Code, p.Name, p.StartYear, p.EndYear)).ToList();
        if (programs.Count == 0)
        {
            return null;
        }

        ProgramChoice? chosen;
        if (!string.IsNullOrWhiteSpace(code))
        {
            chosen = programs.FirstOrDefault(p => p.Code == code.Trim());
        }
        else
        {
            var counted = ProposalStatusText.Counted.ToArray();
            // Per program, whether any counted proposal exists: one probe of (ProgramId, Status) each, never a pass over
            // every counted proposal of the database (issue 21).
            var codes = await db.Programs.AsNoTracking()
                .Where(g => db.Proposals.Any(p => p.ProgramId == g.Id && counted.Contains(p.Status))).Select(p => p.Code).ToListAsync(ct);
            chosen = programs.LastOrDefault(p => codes.Contains(p.Code)) ?? programs[^1];
        }

        if (chosen is null)
        {
            return null;
        }

        return new ProgramTransparency(chosen, programs, await appendix.BuildAsync(chosen.Code, ct: ct));
    }

    public async Task<PublicListPage<SupportedProposal>> SupportedAsync(string programCode, int page, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        // By the program's id, not a lookup of its code per proposal (ADR 0232).
        var programId = await db.Programs.AsNoTracking().Where(g => g.Code == programCode).Select(g => g.Id).FirstOrDefaultAsync(ct);
        var total = await Supported(db, programId).CountAsync(ct);
        var rows = await Page(db, programId, page).ToListAsync(ct);
        return new PublicListPage<SupportedProposal>(rows, total, page, PageSize);
    }

    /// <summary>The program's supported (counted) proposals; counted from IX_Proposals_Figures' (ProgramId, Status) ranges.</summary>
    public static IQueryable<Proposal> Supported(IAppDbContext db, int programId)
    {
        var counted = ProposalStatusText.Counted.ToArray();
        return db.Proposals.AsNoTracking().Where(p => p.ProgramId == programId && counted.Contains(p.Status));
    }

    /// <summary>
    /// One page of them, newest start year first, then by code: read in the order of IX_Proposals_PublicOrder, so a page
    /// stops after its rows instead of sorting a national program's 58.600 counted proposals per request (ADR 0232).
    /// </summary>
    public static IQueryable<SupportedProposal> Page(IAppDbContext db, int programId, int page, int pageSize = PageSize) =>
        Supported(db, programId).OrderByDescending(p => p.StartYear).ThenBy(p => p.Code)
            .Skip((Math.Max(1, page) - 1) * pageSize).Take(pageSize)
            .Select(p => new SupportedProposal(p.Code, p.LeadOrganization.Name, p.ContentItem.Code, p.ContentItem.Name, p.Title, p.StartYear, p.ApprovedProvincialShare));
}

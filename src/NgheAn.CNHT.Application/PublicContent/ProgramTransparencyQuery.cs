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
            var withProposals = await db.Proposals.AsNoTracking().Where(p => counted.Contains(p.Status))
                .Select(p => p.ProgramId).Distinct().ToListAsync(ct);
            var codes = await db.Programs.AsNoTracking().Where(p => withProposals.Contains(p.Id)).Select(p => p.Code).ToListAsync(ct);
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
        var counted = ProposalStatusText.Counted.ToArray();
        var proposals = db.Proposals.AsNoTracking().Where(p => counted.Contains(p.Status) && db.Programs.Any(g => g.Id == p.ProgramId && g.Code == programCode));
        var total = await proposals.CountAsync(ct);
        var rows = await proposals.OrderByDescending(p => p.StartYear).ThenBy(p => p.Code)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(p => new SupportedProposal(p.Code, p.LeadOrganization.Name, p.ContentItem.Code, p.ContentItem.Name, p.Title, p.StartYear, p.ApprovedProvincialShare))
            .ToListAsync(ct);
        return new PublicListPage<SupportedProposal>(rows, total, page, PageSize);
    }
}

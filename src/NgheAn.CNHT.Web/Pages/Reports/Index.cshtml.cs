using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Authorization;

namespace NgheAn.CNHT.Web.Pages.Reports;

/// <summary>The reports of a program: view any of them on screen or download it as PDF, Excel, HTML or JSON.</summary>
public sealed class IndexModel(CatalogQueries catalog, IAuthorizationService auth, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "program")]
    public string? ProgramCode { get; set; }

    [FromQuery(Name = "from")]
    public int? FromYear { get; set; }

    [FromQuery(Name = "to")]
    public int? ToYear { get; set; }

    public ReportFilter Filter { get; private set; } = null!;
    public bool CanEditNarratives { get; private set; }
    public bool CanIssue { get; private set; }
    public bool CanSeeDownloads { get; private set; }

    public static IReadOnlyList<ReportKind> Kinds => ReportKinds.All;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var programs = await catalog.ListProgramsAsync(ct);
        ProgramCode ??= await catalog.DefaultProgramCodeAsync(VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime).Year, ct);
        if (ProgramCode is null || programs.All(p => p.Code != ProgramCode))
        {
            return NotFound();
        }

        Filter = new ReportFilter(programs, ProgramCode, FromYear, ToYear, "Chọn");
        CanEditNarratives = (await auth.AuthorizeAsync(User, Policies.EditNarratives)).Succeeded;
        CanIssue = (await auth.AuthorizeAsync(User, Policies.IssueReports)).Succeeded;
        CanSeeDownloads = (await auth.AuthorizeAsync(User, Policies.ViewAudit)).Succeeded;
        return Page();
    }
}

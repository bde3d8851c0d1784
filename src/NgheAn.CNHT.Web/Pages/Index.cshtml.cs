using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Authorization;

namespace NgheAn.CNHT.Web.Pages;

public sealed class IndexModel(IAuthorizationService auth, CatalogQueries catalog, AppendixQuery appendix, IAppDbContext db, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "program")]
    public string? ProgramCode { get; set; }

    [FromQuery(Name = "from")]
    public int? FromYear { get; set; }

    [FromQuery(Name = "to")]
    public int? ToYear { get; set; }

    public bool CanRead { get; private set; }
    public IReadOnlyList<ProgramSummary> Programs { get; private set; } = [];
    public AppendixReport? Appendix { get; private set; }
    public bool HasSampleData { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanRead = (await auth.AuthorizeAsync(User, Policies.ReadProgramData)).Succeeded;
        if (!CanRead)
        {
            return;
        }

        Programs = await catalog.ListProgramsAsync(ct);
        ProgramCode ??= await catalog.DefaultProgramCodeAsync(VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime).Year, ct);
        if (ProgramCode is null)
        {
            return;
        }

        try
        {
            Appendix = await appendix.BuildAsync(ProgramCode, FromYear, ToYear, ct);
        }
        catch (DomainException ex)
        {
            Problem = ex.Message;
            Appendix = await appendix.BuildAsync(ProgramCode, null, null, ct);
        }
        catch (NotFoundException ex)
        {
            Problem = ex.Message;
            return;
        }

        HasSampleData = await db.Proposals.AnyAsync(p => p.IsSample, ct);
    }
}

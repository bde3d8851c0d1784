using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Web.Authorization;

namespace NgheAn.CNHT.Web.Pages.Reports.Issued;

public sealed class IndexModel(IssuedReportService issued, IAuthorizationService auth) : PageModel
{
    public IReadOnlyList<IssuedReportSummary> Reports { get; private set; } = [];
    public bool CanIssue { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Reports = await issued.ListAsync(ct);
        CanIssue = (await auth.AuthorizeAsync(User, Policies.IssueReports)).Succeeded;
    }
}

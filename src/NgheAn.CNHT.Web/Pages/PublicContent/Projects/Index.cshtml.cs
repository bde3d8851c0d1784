using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.PublicContent;

namespace NgheAn.CNHT.Web.Pages.PublicContent.Projects;

/// <summary>The priority project list as DOIT maintains it: published and withdrawn projects, paged.</summary>
public sealed class IndexModel(InvestmentProjectAdmin projects) : PageModel
{
    public ProjectAdminPage Result { get; private set; } = null!;

    public async Task OnGetAsync(int? page, CancellationToken ct) => Result = await projects.PageAsync(page ?? 1, ct);
}

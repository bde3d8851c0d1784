using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Catalog;

namespace NgheAn.CNHT.Web.Pages.Catalog;

public sealed class ProgramModel(CatalogQueries catalog, CatalogService service) : PageModel
{
    public ProgramCatalog Program { get; private set; } = null!;
    public IReadOnlyList<PlanRevisionView> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var program = await catalog.GetAsync(code, ct);
        if (program is null)
        {
            return NotFound();
        }

        Program = program;
        History = await service.PlanHistoryAsync(code, ct);
        return Page();
    }
}

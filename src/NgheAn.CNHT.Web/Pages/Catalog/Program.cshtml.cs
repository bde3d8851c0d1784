using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Catalog;

namespace NgheAn.CNHT.Web.Pages.Catalog;

public sealed class ProgramModel(CatalogQueries catalog) : PageModel
{
    public ProgramCatalog Program { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var program = await catalog.GetAsync(code, ct);
        if (program is null)
        {
            return NotFound();
        }

        Program = program;
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Catalog;

namespace NgheAn.CNHT.Web.Pages.Catalog;

public sealed class IndexModel(CatalogQueries catalog) : PageModel
{
    public IReadOnlyList<ProgramSummary> Programs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Programs = await catalog.ListProgramsAsync(ct);
}

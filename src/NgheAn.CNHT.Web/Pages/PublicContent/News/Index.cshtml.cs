using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.PublicContent;

namespace NgheAn.CNHT.Web.Pages.PublicContent.News;

/// <summary>News and events as DOIT maintains them: published and taken down, newest first, paged.</summary>
public sealed class IndexModel(NewsAdmin news) : PageModel
{
    public NewsAdminPage Result { get; private set; } = null!;

    public async Task OnGetAsync(int? page, CancellationToken ct) => Result = await news.PageAsync(page ?? 1, ct);
}

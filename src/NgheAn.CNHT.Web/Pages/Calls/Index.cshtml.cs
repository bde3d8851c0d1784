using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Calls;

namespace NgheAn.CNHT.Web.Pages.Calls;

/// <summary>Open calls for applications, readable by anyone (enterprises find them before they have an account).</summary>
public sealed class IndexModel(CallService calls, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CallRow> Calls { get; private set; } = [];
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Calls = await calls.OpenCallsAsync(ct);
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Calls;

namespace NgheAn.CNHT.Web.Pages.Calls;

/// <summary>One published call: guidance, contact, open items with their checklists; an enterprise starts an application here.</summary>
public sealed class DetailsModel(CallService calls, TimeProvider clock) : PageModel
{
    public CallView Call { get; private set; } = null!;
    public bool IsOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var call = await calls.ViewAsync(id, ct);
        if (call is null)
        {
            return NotFound();
        }

        Call = call;
        IsOpen = call.IsOpenAt(clock.GetUtcNow().UtcDateTime);
        return Page();
    }
}

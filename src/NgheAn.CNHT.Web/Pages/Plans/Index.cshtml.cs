using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Plans;

namespace NgheAn.CNHT.Web.Pages.Plans;

/// <summary>The yearly plans of a program beside its period plan, saying by how much the years do not add up (ADR 0170).</summary>
public sealed class IndexModel(YearlyPlanQuery plans) : PageModel
{
    public YearlyPlanView Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? program, CancellationToken ct)
    {
        var plan = await plans.GetAsync(string.IsNullOrWhiteSpace(program) ? "2026-2030" : program, ct);
        if (plan is null)
        {
            return NotFound();
        }

        Plan = plan;
        return Page();
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Sourcing;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.Sourcing;

/// <summary>A DOIT specialist posts a need on a buyer's behalf (the buyer named by its tax code).</summary>
public sealed class CreateModel(SourcingService sourcing) : PageModel
{
    [BindProperty]
    public SourcingForm Input { get; set; } = new();

    public void OnGet() => Input.Deadline ??= DateOnly.FromDateTime(DateTime.Today.AddDays(30));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var id = await sourcing.PostOnBehalfAsync(Input.BuyerTaxCode, Input.ToNeed(), ct);
            TempData["Success"] = "Đã đăng nhu cầu; danh sách nhà cung ứng phù hợp ở bên dưới.";
            return RedirectToPage("./Details", new { id });
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex);
            return Page();
        }
    }
}

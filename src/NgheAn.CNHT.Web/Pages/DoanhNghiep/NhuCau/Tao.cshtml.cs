using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Sourcing;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Forms;
using NgheAn.CNHT.Web.Pages.Sourcing;

namespace NgheAn.CNHT.Web.Pages.DoanhNghiep.NhuCau;

/// <summary>The enterprise posts a need for itself (the buyer is always the account's organization; the form names none).</summary>
public sealed class TaoModel(SourcingService sourcing) : PageModel
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
            var id = await sourcing.PostAsync(Input.ToNeed(), ct);
            TempData["Success"] = "Đã đăng nhu cầu; danh sách nhà cung ứng phù hợp ở bên dưới.";
            return RedirectToPage("./ChiTiet", new { id });
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex);
            return Page();
        }
    }
}

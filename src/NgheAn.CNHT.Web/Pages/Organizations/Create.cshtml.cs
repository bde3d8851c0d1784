using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Organizations;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Services;

namespace NgheAn.CNHT.Web.Pages.Organizations;

public sealed class CreateModel(OrganizationService organizations) : PageModel
{
    [BindProperty]
    public OrganizationInputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var id = await organizations.CreateAsync(Input.ToInput(), ct);
            TempData["Success"] = "Đã thêm đơn vị chủ trì.";
            return RedirectToPage("./Details", new { id });
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, "Input.", formFields: OrganizationInputModel.Fields);
            return Page();
        }
    }
}

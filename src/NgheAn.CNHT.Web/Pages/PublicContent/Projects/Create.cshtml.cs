using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.PublicContent;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.PublicContent.Projects;

/// <summary>Adds a priority project to the public list.</summary>
public sealed class CreateModel(InvestmentProjectAdmin projects) : PageModel
{
    [BindProperty]
    public ProjectInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ProjectAmount.TryRead(ModelState, Input.TotalInvestment, out var total) || !ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var id = await projects.CreateAsync(Input.ToDraft(total), ct);
            TempData["Success"] = "Đã thêm dự án vào danh mục công khai.";
            return RedirectToPage("./Edit", new { id });
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex);
            return Page();
        }
    }
}

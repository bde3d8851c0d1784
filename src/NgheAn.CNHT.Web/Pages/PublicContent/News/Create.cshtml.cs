using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.PublicContent;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.PublicContent.News;

/// <summary>Publishes a news post or an event.</summary>
public sealed class CreateModel(NewsAdmin news) : PageModel
{
    [BindProperty]
    public NewsInput Input { get; set; } = new();

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
            var id = await news.CreateAsync(Input.ToDraft(), ct);
            TempData["Success"] = "Đã đăng tin trên cổng thông tin.";
            return RedirectToPage("./Edit", new { id });
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex);
            return Page();
        }
    }
}

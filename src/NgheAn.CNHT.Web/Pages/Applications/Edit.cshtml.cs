using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Applications;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Services;

namespace NgheAn.CNHT.Web.Pages.Applications;

/// <summary>Edits the fields and cost lines of a draft, or of an application asked for a supplement.</summary>
public sealed class EditModel(ApplicationService applications, ApplicationQueries queries) : PageModel
{
    [BindProperty]
    public ApplicationForm Input { get; set; } = new();

    [BindProperty]
    [Display(Name = "Phiên bản")]
    public Guid? Stamp { get; set; }

    public ApplicationView Application { get; private set; } = null!;
    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var view = await queries.ViewAsync(id, ct);
        if (view is null)
        {
            return NotFound();
        }

        Application = view;
        Input = ApplicationForm.From(view, await applications.IndicatorsOfCallItemAsync(view.CallItemId, ct));
        Stamp = view.Stamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var view = await queries.ViewAsync(id, ct);
        if (view is null)
        {
            return NotFound();
        }

        Application = view;
        Input.CallItemId = view.CallItemId;
        Input.OfferIndicators(await applications.IndicatorsOfCallItemAsync(view.CallItemId, ct));
        var input = Input.Read(ModelState, "Input");
        if (input is null || !ModelState.IsValid)
        {
            Input.PadLines();
            return Page();
        }

        try
        {
            await applications.UpdateAsync(id, Stamp, input, ct);
            TempData["Success"] = "Đã lưu hồ sơ.";
            return RedirectToPage("./Details", new { id });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, "Input.", null, Input.FieldNames(CreateModel.FormFields));
        }
        catch (ConcurrencyConflictException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
        }

        Input.PadLines();
        return Page();
    }
}

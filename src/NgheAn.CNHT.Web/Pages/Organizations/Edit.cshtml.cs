using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Organizations;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Services;

namespace NgheAn.CNHT.Web.Pages.Organizations;

public sealed class EditModel(OrganizationQueries queries, OrganizationService organizations) : PageModel
{
    [BindProperty]
    public OrganizationInputModel Input { get; set; } = new();

    public string Name { get; private set; } = "";
    /// <summary>The former district, shown read-only (ADR 0126).</summary>
    public string? FormerDistrict { get; private set; }
    public ConcurrencyConflictException? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var o = await queries.DetailsAsync(id, ct);
        if (o is null)
        {
            return NotFound();
        }

        Name = o.Name;
        FormerDistrict = o.District;
        Input = new OrganizationInputModel
        {
            Name = o.Name, Kind = o.Kind, TaxCode = o.TaxCode, Sector = o.Sector, CommuneCode = o.CommuneCode, Address = o.Address,
            ContactPerson = o.ContactPerson, Phone = o.Phone, Email = o.Email, ConcurrencyStamp = o.ConcurrencyStamp,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var o = await queries.DetailsAsync(id, ct);
        if (o is null)
        {
            return NotFound();
        }

        Name = o.Name;
        FormerDistrict = o.District;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await organizations.UpdateAsync(id, Input.ConcurrencyStamp, Input.ToInput(), ct);
            TempData["Success"] = "Đã lưu thông tin đơn vị.";
            return RedirectToPage("./Details", new { id });
        }
        catch (ConcurrencyConflictException ex)
        {
            Conflict = ex;
            Input.ConcurrencyStamp = ex.CurrentStamp;
            ModelState.Remove("Input.ConcurrencyStamp");
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, "Input.", formFields: OrganizationInputModel.Fields);
        }

        return Page();
    }
}

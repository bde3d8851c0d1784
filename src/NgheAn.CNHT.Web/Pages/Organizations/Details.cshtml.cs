using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Organizations;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Web.Authorization;

namespace NgheAn.CNHT.Web.Pages.Organizations;

/// <summary>A lead unit and the proposals it leads (the register filtered to it, with its totals).</summary>
public sealed class DetailsModel(OrganizationQueries organizations, ProposalQueries proposals, IAuthorizationService auth) : PageModel
{
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public OrganizationDetails Organization { get; private set; } = null!;
    public RegisterPage Proposals { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool CanViewAudit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var organization = await organizations.DetailsAsync(id, ct);
        if (organization is null)
        {
            return NotFound();
        }

        Organization = organization;
        Proposals = await proposals.RegisterAsync(new RegisterFilter(OrganizationId: id, Sort: RegisterSort.Year, Descending: true, Page: PageNumber), ct);
        CanEdit = (await auth.AuthorizeAsync(User, Policies.EditProposals)).Succeeded;
        CanViewAudit = (await auth.AuthorizeAsync(User, Policies.ViewAudit)).Succeeded;
        return Page();
    }
}

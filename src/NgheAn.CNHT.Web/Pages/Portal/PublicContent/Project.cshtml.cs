using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using NgheAn.CNHT.Application.PublicContent;
using NgheAn.CNHT.Web.Portal;
using NgheAn.CNHT.Web.PublicContent;

namespace NgheAn.CNHT.Web.Pages.Portal.PublicContent;

/// <summary>One priority project (/du-an-uu-tien/{slug}, /en/priority-projects/{slug}).</summary>
[OutputCache(PolicyName = PortalCaching.Policy)]
public sealed class ProjectModel(PublicContentQuery content) : PortalPage
{
    public PublicProject Project { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var project = await content.ProjectAsync(slug, ct);
        if (project is null)
        {
            return NotFound();
        }

        Project = project;
        var summary = project.Summary(English);
        Describe(PublicContentUrls.Project(false, slug), PublicContentUrls.Project(true, slug), project.Title(English), summary.Length > 300 ? summary[..300] : summary);
        return Page();
    }
}

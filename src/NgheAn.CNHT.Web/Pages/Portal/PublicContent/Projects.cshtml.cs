using Microsoft.AspNetCore.OutputCaching;
using NgheAn.CNHT.Application.PublicContent;
using NgheAn.CNHT.Web.Portal;
using NgheAn.CNHT.Web.PublicContent;

namespace NgheAn.CNHT.Web.Pages.Portal.PublicContent;

/// <summary>The priority CNHT projects for investment (/du-an-uu-tien, /en/priority-projects), with the PDF of the list.</summary>
[OutputCache(PolicyName = PortalCaching.Policy)]
public sealed class ProjectsModel(PublicContentQuery content) : PortalPage
{
    public PublicListPage<PublicProject> Result { get; private set; } = null!;

    public async Task OnGetAsync(int? page, CancellationToken ct)
    {
        Result = await content.ProjectsAsync(page ?? 1, ct);
        Describe(PublicContentUrls.Projects(false), PublicContentUrls.Projects(true),
            English ? "Priority supporting-industry projects for investment" : "Danh mục dự án CNHT trọng điểm ưu tiên thu hút đầu tư",
            English ? "Supporting-industry projects Nghe An province invites investors to." : "Các dự án công nghiệp hỗ trợ tỉnh Nghệ An ưu tiên thu hút đầu tư.");
    }

    public string PageLink(int page) => PublicContentUrls.Projects(English) + (page > 1 ? "?page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
}

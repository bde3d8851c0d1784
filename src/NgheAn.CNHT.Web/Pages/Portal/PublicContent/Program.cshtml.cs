using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using NgheAn.CNHT.Application.PublicContent;
using NgheAn.CNHT.Web.Portal;
using NgheAn.CNHT.Web.PublicContent;

namespace NgheAn.CNHT.Web.Pages.Portal.PublicContent;

/// <summary>
/// The program's public page (/chuong-trinh, /en/program): its plan and results (the appendix model, read-only) and the
/// supported proposals with public fields only, paged (issue 17 item 6, ADR 0189).
/// </summary>
[OutputCache(PolicyName = PortalCaching.Policy)]
public sealed class ProgramModel(ProgramTransparencyQuery transparency) : PortalPage
{
    public ProgramTransparency Program { get; private set; } = null!;
    public PublicListPage<SupportedProposal> Supported { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? program, int? page, CancellationToken ct)
    {
        var found = await transparency.ProgramAsync(program, ct);
        if (found is null)
        {
            return NotFound();
        }

        Program = found;
        Supported = await transparency.SupportedAsync(found.Program.Code, page ?? 1, ct);
        Describe(PublicContentUrls.Program(false), PublicContentUrls.Program(true),
            English ? "The supporting-industry development program" : "Chương trình phát triển công nghiệp hỗ trợ",
            English ? "Plan, results and supported projects of Nghe An's supporting-industry program." : "Kế hoạch, kết quả và các đề án được hỗ trợ của Chương trình phát triển công nghiệp hỗ trợ tỉnh Nghệ An.");
        return Page();
    }

    public string Link(string? program, int page)
    {
        var query = new List<string>();
        if (program is not null)
        {
            query.Add("program=" + Uri.EscapeDataString(program));
        }

        if (page > 1)
        {
            query.Add("page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return PublicContentUrls.Program(English) + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }
}

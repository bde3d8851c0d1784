using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.SupportRules;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Authorization;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.SupportRules;

/// <summary>The rule sets (quy định mức hỗ trợ, mức chi) of every program, newest version first; a specialist drafts a new one here.</summary>
public sealed class IndexModel(SupportRuleQueries queries, SupportRuleService rules, CatalogQueries catalog, IAuthorizationService auth) : PageModel
{
    public sealed class CreateInput
    {
        [Display(Name = "Chương trình")]
        public string? ProgramCode { get; set; }
        [Display(Name = "Tên văn bản")]
        public string? Title { get; set; }
        [Display(Name = "Số văn bản")]
        public string? DocumentNumber { get; set; }
        [Display(Name = "Ngày ban hành")]
        public DateOnly? DocumentDate { get; set; }
        [Display(Name = "Cơ quan ban hành")]
        public string? Issuer { get; set; } = "UBND tỉnh Nghệ An";
        [Display(Name = "Đường dẫn văn bản")]
        public string? DocumentLink { get; set; }
        [Display(Name = "Hiệu lực từ ngày")]
        public DateOnly? EffectiveFrom { get; set; }
        [Display(Name = "Hiệu lực đến ngày")]
        public DateOnly? EffectiveTo { get; set; }
    }

    [BindProperty]
    public CreateInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<RuleSetRow> Rows { get; private set; } = [];
    public int PageCount { get; private set; } = 1;
    public IReadOnlyList<ProgramSummary> Programs { get; private set; } = [];
    public bool CanDraft { get; private set; }
    public bool CreateOpen { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, Policies.EditProposals)).Succeeded)
        {
            return Forbid();
        }

        CreateOpen = true;
        if (Input.DocumentDate is null)
        {
            ModelState.AddModelError("Input.DocumentDate", "Vui lòng nhập ngày ban hành văn bản.");
        }

        if (Input.EffectiveFrom is null)
        {
            ModelState.AddModelError("Input.EffectiveFrom", "Vui lòng nhập ngày có hiệu lực.");
        }

        if (ModelState.IsValid)
        {
            try
            {
                var id = await rules.CreateAsync(new RuleSetHeaderInput(Input.ProgramCode ?? "", Input.Title ?? "", Input.DocumentNumber ?? "", Input.DocumentDate!.Value,
                    Input.Issuer ?? "", Input.DocumentLink, Input.EffectiveFrom!.Value, Input.EffectiveTo), ct);
                TempData["Success"] = "Đã lập dự thảo quy định; thêm mức hỗ trợ cho từng nội dung rồi trình Lãnh đạo Sở phê duyệt.";
                return RedirectToPage("./Details", new { id });
            }
            catch (DomainException ex)
            {
                ModelState.AddDomainError(ex);
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var (rows, total) = await queries.ListAsync(PageNumber, ct);
        Rows = rows;
        PageCount = Math.Max(1, (total + SupportRuleQueries.PageSize - 1) / SupportRuleQueries.PageSize);
        Programs = await catalog.ListProgramsAsync(ct);
        CanDraft = (await auth.AuthorizeAsync(User, Policies.EditProposals)).Succeeded;
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Authorization;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.Catalog;

public sealed class IndexModel(CatalogQueries catalog, CatalogService service, IAuthorizationService auth) : PageModel
{
    public IReadOnlyList<ProgramSummary> Programs { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "Mã chương trình")] public string? Code { get; set; }
        [Display(Name = "Tên chương trình")] public string? Name { get; set; }
        [Display(Name = "Năm bắt đầu")] public int? StartYear { get; set; }
        [Display(Name = "Năm kết thúc")] public int? EndYear { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => Programs = await catalog.ListProgramsAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, Policies.ManageCatalog)).Succeeded)
        {
            return Forbid();
        }

        if (Input.StartYear is null)
        {
            ModelState.AddModelError("Input.StartYear", "Vui lòng nhập năm bắt đầu.");
        }

        if (Input.EndYear is null)
        {
            ModelState.AddModelError("Input.EndYear", "Vui lòng nhập năm kết thúc.");
        }

        if (ModelState.IsValid)
        {
            try
            {
                var code = await service.CreateProgramAsync(Input.Code ?? "", Input.Name ?? "", Input.StartYear!.Value, Input.EndYear!.Value, ct);
                TempData["Success"] = $"Đã tạo chương trình {code}. Thiết lập nhóm và nội dung của chương trình.";
                return RedirectToPage("./Setup", new { code });
            }
            catch (DomainException ex)
            {
                ModelState.AddDomainError(ex, fieldMap: new Dictionary<string, string> { ["StartYear"] = "StartYear" });
                if (ex.Field is null)
                {
                    ModelState.AddModelError(string.Empty, ex.Message);
                }
            }
        }

        Programs = await catalog.ListProgramsAsync(ct);
        return Page();
    }
}

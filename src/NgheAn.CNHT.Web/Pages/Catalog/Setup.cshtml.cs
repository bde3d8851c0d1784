using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Authorization;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.Catalog;

/// <summary>Sets up a draft program's catalog (groups, items, order) and locks it once the program is approved.</summary>
[Authorize(Policy = Policies.ManageCatalog)]
public sealed class SetupModel(CatalogService service, CatalogQueries catalog) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    [BindProperty] public GroupInput NewGroup { get; set; } = new();
    [BindProperty] public ItemInput NewItem { get; set; } = new();
    [BindProperty] public LockInput Lock { get; set; } = new();
    [BindProperty] public ProgramInput Describe { get; set; } = new();
    [Display(Name = "Mục cần chuyển")] [BindProperty] public int TargetId { get; set; }
    [Display(Name = "Hướng chuyển")] [BindProperty] public int Direction { get; set; }
    [Display(Name = "Tên mới")] [BindProperty] public string? NewName { get; set; }

    public ProgramCatalog Program { get; private set; } = null!;

    public sealed class GroupInput
    {
        [Display(Name = "Mã nhóm")] public string? Code { get; set; }
        [Display(Name = "Tên nhóm nội dung")] public string? Name { get; set; }
    }

    public sealed class ItemInput
    {
        [Display(Name = "Thuộc nhóm")] public int GroupId { get; set; }
        [Display(Name = "Mã nội dung")] public string? Code { get; set; }
        [Display(Name = "Tên nội dung")] public string? Name { get; set; }
        [Display(Name = "Kế hoạch giai đoạn (đồng)")] public string? Plan { get; set; }
    }

    public sealed class ProgramInput
    {
        [Display(Name = "Tên chương trình")] public string? Name { get; set; }
        [Display(Name = "Năm bắt đầu")] public int? StartYear { get; set; }
        [Display(Name = "Năm kết thúc")] public int? EndYear { get; set; }
    }

    public sealed class LockInput
    {
        [Display(Name = "Quyết định phê duyệt chương trình")] public string? LegalBasis { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAddGroupAsync(CancellationToken ct) =>
        Do(() => service.AddGroupAsync(Code, NewGroup.Code ?? "", NewGroup.Name ?? "", ct), "NewGroup", "Đã thêm nhóm nội dung.", ct);

    public Task<IActionResult> OnPostAddItemAsync(CancellationToken ct)
    {
        decimal plan = 0;
        if (!string.IsNullOrWhiteSpace(NewItem.Plan))
        {
            plan = ModelState.ReadAmount("NewItem.Plan", NewItem.Plan, "Kế hoạch") ?? 0;
        }

        return Do(() => service.AddItemAsync(Code, NewItem.GroupId, NewItem.Code ?? "", NewItem.Name ?? "", plan, ct), "NewItem", "Đã thêm nội dung.", ct);
    }

    public Task<IActionResult> OnPostMoveGroupAsync(CancellationToken ct) =>
        Do(() => service.MoveGroupAsync(Code, TargetId, Direction, ct), "", "Đã sắp xếp lại.", ct);

    public Task<IActionResult> OnPostMoveItemAsync(CancellationToken ct) =>
        Do(() => service.MoveItemAsync(Code, TargetId, Direction, ct), "", "Đã sắp xếp lại.", ct);

    public Task<IActionResult> OnPostRenameGroupAsync(CancellationToken ct) =>
        Do(() => service.RenameGroupAsync(Code, TargetId, NewName ?? "", ct), "", "Đã đổi tên nhóm.", ct);

    public Task<IActionResult> OnPostRenameItemAsync(CancellationToken ct) =>
        Do(() => service.RenameItemAsync(Code, TargetId, NewName ?? "", ct), "", "Đã đổi tên nội dung.", ct);

    public Task<IActionResult> OnPostDescribeAsync(CancellationToken ct) =>
        Do(() => service.DescribeProgramAsync(Code, Describe.Name ?? "", Describe.StartYear ?? 0, Describe.EndYear ?? 0, ct), "Describe", "Đã lưu tên và giai đoạn của chương trình.", ct);

    public Task<IActionResult> OnPostRemoveGroupAsync(CancellationToken ct) =>
        Do(() => service.RemoveGroupAsync(Code, TargetId, ct), "", "Đã xóa nhóm nội dung.", ct);

    public Task<IActionResult> OnPostRemoveItemAsync(CancellationToken ct) =>
        Do(() => service.RemoveItemAsync(Code, TargetId, ct), "", "Đã xóa nội dung.", ct);

    public Task<IActionResult> OnPostLockAsync(CancellationToken ct) =>
        Do(() => service.LockAsync(Code, Lock.LegalBasis ?? "", ct), "Lock", "Đã ghi quyết định phê duyệt và khóa danh mục chương trình.", ct);

    private async Task<IActionResult> Do(Func<Task> action, string prefix, string success, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await action();
                TempData["Success"] = success;
                return RedirectToPage(new { Code });
            }
            catch (DomainException ex)
            {
                ModelState.AddDomainError(ex, prefix == "" ? "Input" : prefix,
                    new Dictionary<string, string> { ["LegalBasis"] = "LegalBasis", ["PlanAmount"] = "Plan" });
                if (prefix == "")
                {
                    ModelState.AddModelError(string.Empty, ex.Message);
                }
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var program = await catalog.GetAsync(Code, ct);
        if (program is null)
        {
            return false;
        }

        Program = program;
        return true;
    }
}

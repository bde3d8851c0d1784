using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.PublicContent;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.PublicContent;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.PublicContent.Projects;

/// <summary>Edits a priority project, withdraws it from the public list (with a reason, after confirmation) or publishes it again.</summary>
public sealed class EditModel(InvestmentProjectAdmin projects) : PageModel
{
    public InvestmentProject Project { get; private set; } = null!;

    [BindProperty]
    public ProjectInput Input { get; set; } = new();

    [BindProperty]
    [Display(Name = "Phiên bản")]
    public Guid? Stamp { get; set; }

    [BindProperty]
    [Display(Name = "Lý do rút khỏi danh mục")]
    public string? WithdrawalReason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = ProjectInput.From(Project);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct)
    {
        if (!ProjectAmount.TryRead(ModelState, Input.TotalInvestment, out var total) || !ModelState.IsValid)
        {
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        return await RunAsync(id, () => projects.UpdateAsync(id, Stamp, Input.ToDraft(total), ct), "Đã lưu dự án; trang công khai hiển thị nội dung mới.", ct);
    }

    public Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct) =>
        RunAsync(id, () => projects.WithdrawAsync(id, Stamp, WithdrawalReason, ct), "Đã rút dự án khỏi danh mục công khai.", ct, keepInput: true);

    public Task<IActionResult> OnPostRepublishAsync(int id, CancellationToken ct) =>
        RunAsync(id, () => projects.RepublishAsync(id, Stamp, ct), "Đã công khai lại dự án.", ct, keepInput: true);

    private async Task<IActionResult> RunAsync(int id, Func<Task> work, string success, CancellationToken ct, bool keepInput = false)
    {
        try
        {
            await work();
            TempData["Success"] = success;
            return RedirectToPage("./Edit", new { id });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, fieldMap: new Dictionary<string, string> { ["WithdrawalReason"] = nameof(WithdrawalReason) });
        }
        catch (ConcurrencyConflictException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (keepInput)
        {
            Input = ProjectInput.From(Project);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var project = await projects.FindAsync(id, ct);
        if (project is null)
        {
            return false;
        }

        Project = project;
        return true;
    }
}

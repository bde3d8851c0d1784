using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Suppliers;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Web.Pages.Directory;

/// <summary>One submitted change with its diff against the published profile; approve (it goes live) or reject with a reason.</summary>
public sealed class ReviewModel(DirectoryModeration moderation) : PageModel
{
    public ChangeReview Review { get; private set; } = null!;

    [BindProperty]
    [Display(Name = "Phiên bản")]
    public Guid? Stamp { get; set; }

    [BindProperty]
    [Display(Name = "Lý do không duyệt")]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        try
        {
            Review = await moderation.ReviewAsync(id, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) =>
        RunAsync(id, () => moderation.ApproveAsync(id, Stamp, ct), "Đã duyệt: thay đổi đã hiển thị trên danh bạ công khai.", ct);

    public Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct) =>
        RunAsync(id, () => moderation.RejectAsync(id, Stamp, Reason, ct), "Đã trả lại thay đổi cho doanh nghiệp kèm lý do.", ct);

    private async Task<IActionResult> RunAsync(int id, Func<Task> work, string success, CancellationToken ct)
    {
        try
        {
            await work();
            TempData["Success"] = success;
            return RedirectToPage("./Index");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            foreach (var e in ex.Errors)
            {
                ModelState.AddModelError(e.Field == "RejectionReason" ? nameof(Reason) : string.Empty, e.Message);
            }
        }
        catch (ConcurrencyConflictException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
        }

        Review = await moderation.ReviewAsync(id, ct);
        return Page();
    }
}

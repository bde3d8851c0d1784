using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.PublicContent;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.PublicContent;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.PublicContent.News;

/// <summary>Edits a post, takes it down (after confirmation) or publishes it again.</summary>
public sealed class EditModel(NewsAdmin news) : PageModel
{
    public NewsPost Post { get; private set; } = null!;

    [BindProperty]
    public NewsInput Input { get; set; } = new();

    [BindProperty]
    [Display(Name = "Phiên bản")]
    public Guid? Stamp { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = NewsInput.From(Post);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        return await RunAsync(id, () => news.UpdateAsync(id, Stamp, Input.ToDraft(), ct), "Đã lưu tin; trang công khai hiển thị nội dung mới.", ct);
    }

    public Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct) =>
        RunAsync(id, () => news.WithdrawAsync(id, Stamp, ct), "Đã gỡ tin khỏi trang công khai.", ct, keepInput: true);

    public Task<IActionResult> OnPostRepublishAsync(int id, CancellationToken ct) =>
        RunAsync(id, () => news.RepublishAsync(id, Stamp, ct), "Đã đăng lại tin.", ct, keepInput: true);

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
            ModelState.AddDomainError(ex);
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
            Input = NewsInput.From(Post);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var post = await news.FindAsync(id, ct);
        if (post is null)
        {
            return false;
        }

        Post = post;
        return true;
    }
}

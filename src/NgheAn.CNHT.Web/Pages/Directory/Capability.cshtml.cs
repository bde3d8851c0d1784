using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Suppliers;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Web.Pages.Directory;

/// <summary>Mark a profile "capability verified" (content item 1.1) with the date and the proposal, or withdraw the mark.</summary>
public sealed class CapabilityModel(DirectoryModeration moderation) : PageModel
{
    public ProfileAdminRow Profile { get; private set; } = null!;

    [BindProperty]
    [Display(Name = "Phiên bản")]
    public Guid? Stamp { get; set; }

    [BindProperty]
    [Display(Name = "Ngày xác nhận năng lực")]
    public DateOnly? VerifiedOn { get; set; }

    [BindProperty]
    [Display(Name = "Mã đề án xác nhận năng lực")]
    public string? ProposalCode { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        VerifiedOn = Profile.VerifiedOn;
        ProposalCode = Profile.VerifiedProposalCode;
        return Page();
    }

    public Task<IActionResult> OnPostVerifyAsync(int id, CancellationToken ct)
    {
        if (VerifiedOn is null && ModelState.IsValid)
        {
            ModelState.AddModelError(nameof(VerifiedOn), "Nhập ngày xác nhận năng lực.");
        }

        return RunAsync(id, ModelState.IsValid ? () => moderation.SetCapabilityAsync(id, Stamp, VerifiedOn, ProposalCode, ct) : null, "Đã ghi xác nhận năng lực; huy hiệu hiển thị trên hồ sơ công khai.", ct);
    }

    public Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct) =>
        RunAsync(id, () => moderation.SetCapabilityAsync(id, Stamp, null, null, ct), "Đã thu hồi xác nhận năng lực.", ct);

    private async Task<IActionResult> RunAsync(int id, Func<Task>? work, string success, CancellationToken ct)
    {
        try
        {
            if (work is not null)
            {
                await work();
                TempData["Success"] = success;
                return RedirectToPage("./Index");
            }
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            foreach (var e in ex.Errors)
            {
                ModelState.AddModelError(e.Field switch { "CapabilityVerifiedOn" => nameof(VerifiedOn), "ProposalCode" => nameof(ProposalCode), _ => string.Empty }, e.Message);
            }
        }
        catch (ConcurrencyConflictException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var profile = await moderation.ProfileAsync(id, ct);
        if (profile is null)
        {
            return false;
        }

        Profile = profile;
        return true;
    }
}

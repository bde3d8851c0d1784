using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Enterprises;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Enterprises;

namespace NgheAn.CNHT.Web.Pages.Intake;

/// <summary>Enterprise accounts waiting for verification: the Support Center opens the certificate and verifies or refuses.</summary>
public sealed class AccountsModel(MemberVerificationService verification) : PageModel
{
    [FromQuery(Name = "status")]
    public MemberStatus? Status { get; set; } = MemberStatus.Pending;

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public MemberPage Members { get; private set; } = null!;

    [BindProperty]
    [Display(Name = "Tài khoản")]
    public int MemberId { get; set; }

    [BindProperty]
    [Display(Name = "Phiên bản")]
    public Guid? Stamp { get; set; }

    [BindProperty]
    [Display(Name = "Lý do")]
    public string? Reason { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Members = await verification.PageAsync(Status is { } s && Enum.IsDefined(s) ? s : null, PageNumber, ct);

    public Task<IActionResult> OnPostVerifyAsync(CancellationToken ct) =>
        RunAsync(() => verification.VerifyAsync(MemberId, Stamp, ct), "Đã xác minh tài khoản doanh nghiệp.", ct);

    public Task<IActionResult> OnPostRefuseAsync(CancellationToken ct) =>
        RunAsync(() => verification.RefuseAsync(MemberId, Stamp, Reason, ct), "Đã từ chối xác minh và báo doanh nghiệp.", ct);

    public async Task<IActionResult> OnGetCertificateAsync(int memberId, CancellationToken ct)
    {
        var file = await verification.CertificateAsync(memberId, ct);
        return file is null ? NotFound() : File(file.Data, file.ContentType, file.FileName);
    }

    private async Task<IActionResult> RunAsync(Func<Task> work, string success, CancellationToken ct)
    {
        try
        {
            await work();
            TempData["Success"] = success;
            return RedirectToPage();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
        }
        catch (ConcurrencyConflictException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
        }

        await OnGetAsync(ct);
        return Page();
    }
}

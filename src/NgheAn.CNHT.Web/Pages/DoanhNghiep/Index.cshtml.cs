using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Enterprises;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.DoanhNghiep;

/// <summary>"Hồ sơ của doanh nghiệp": the enterprise's account state, its applications and its proposals with amounts paid.</summary>
public sealed class IndexModel(EnterpriseHomeQuery home, MemberVerificationService verification) : PageModel
{
    public HomeView View { get; private set; } = null!;

    [BindProperty]
    [Display(Name = "Giấy chứng nhận đăng ký doanh nghiệp")]
    public IFormFile? Certificate { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = await home.HomeAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCertificateAsync(CancellationToken ct)
    {
        try
        {
            if (Certificate is null || Certificate.Length == 0)
            {
                throw new DomainException("Vui lòng chọn tệp giấy chứng nhận đăng ký doanh nghiệp (PDF, JPG hoặc PNG).", "File");
            }

            await using var stream = Certificate.OpenReadStream();
            await verification.UploadCertificateAsync(Certificate.FileName, stream, ct);
            TempData["Success"] = "Đã tải lên giấy chứng nhận đăng ký doanh nghiệp; Trung tâm sẽ xác minh tài khoản.";
            return RedirectToPage();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(nameof(Certificate), ex.Message);
            View = await home.HomeAsync(ct);
            return Page();
        }
    }
}

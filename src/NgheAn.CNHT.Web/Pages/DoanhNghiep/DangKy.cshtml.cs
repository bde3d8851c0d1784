using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Infrastructure.Enterprises;
using NgheAn.CNHT.Web.Forms;
using NgheAn.CNHT.Web.Security;

namespace NgheAn.CNHT.Web.Pages.DoanhNghiep;

/// <summary>
/// Self-registration of an enterprise account (ADR 0150): tax code checked by its check digit, a honeypot field that
/// people never see, a rate limit per client address; the confirmation e-mail goes through the outbox.
/// </summary>
[EnableRateLimiting(AuthRateLimit.Policy)]
public sealed class DangKyModel(EnterpriseRegistration registration, ILogger<DangKyModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Hidden from people (off-screen, not tabbable); simple bots fill every field.</summary>
    [BindProperty(Name = "Website")]
    [Display(Name = "Trang web")]
    public string? Honeypot { get; set; }

    public bool Done { get; private set; }
    public bool ExistingOrganization { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vui lòng nhập mã số thuế.")]
        [Display(Name = "Mã số thuế (MST)")]
        public string TaxCode { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập tên doanh nghiệp.")]
        [StringLength(300, ErrorMessage = "Tên doanh nghiệp dài tối đa 300 ký tự.")]
        [Display(Name = "Tên doanh nghiệp")]
        public string EnterpriseName { get; set; } = "";

        [StringLength(500, ErrorMessage = "Địa chỉ dài tối đa 500 ký tự.")]
        [Display(Name = "Địa chỉ (xã/phường, tỉnh)")]
        public string? Address { get; set; }

        [StringLength(200, ErrorMessage = "Tên người đại diện dài tối đa 200 ký tự.")]
        [Display(Name = "Người đại diện theo pháp luật")]
        public string? LegalRepresentative { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập họ tên người liên hệ.")]
        [StringLength(200, ErrorMessage = "Họ tên dài tối đa 200 ký tự.")]
        [Display(Name = "Họ tên người liên hệ (người dùng tài khoản)")]
        public string ContactPerson { get; set; } = "";

        [StringLength(200, ErrorMessage = "Chức vụ dài tối đa 200 ký tự.")]
        [Display(Name = "Chức vụ")]
        public string? Position { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập thư điện tử.")]
        [EmailAddress(ErrorMessage = "Thư điện tử không hợp lệ.")]
        [Display(Name = "Thư điện tử (tên đăng nhập)")]
        public string Email { get; set; } = "";

        [Phone(ErrorMessage = "Số điện thoại không hợp lệ.")]
        [Display(Name = "Số điện thoại")]
        public string? Phone { get; set; }

        [Required(ErrorMessage = "Vui lòng nhập mật khẩu.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mật khẩu (ít nhất 10 ký tự, có chữ hoa, chữ thường, chữ số và ký tự đặc biệt)")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Vui lòng nhập lại mật khẩu.")]
        [DataType(DataType.Password)]
        [Display(Name = "Nhập lại mật khẩu")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Honeypot))
        {
            // Answer as if it worked, so the bot learns nothing; nothing is saved.
            logger.LogWarning("Registration refused by the honeypot from {Address}", HttpContext.Connection.RemoteIpAddress);
            Done = true;
            return Page();
        }

        if (!string.IsNullOrWhiteSpace(Input.TaxCode) && !NgheAn.CNHT.Domain.Organizations.TaxCode.IsValid(Input.TaxCode))
        {
            try
            {
                NgheAn.CNHT.Domain.Organizations.TaxCode.Normalize(Input.TaxCode);
            }
            catch (DomainException ex)
            {
                ModelState.AddModelError("Input.TaxCode", ex.Message);
            }
        }

        // Checked here rather than by [Compare], whose client-side rule would print the English property name in the page.
        if (!string.IsNullOrEmpty(Input.ConfirmPassword) && Input.ConfirmPassword != Input.Password)
        {
            ModelState.AddModelError("Input.ConfirmPassword", "Hai lần nhập mật khẩu không khớp.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var result = await registration.RegisterAsync(
                new RegistrationInput(Input.TaxCode, Input.EnterpriseName, Input.Address, Input.LegalRepresentative, Input.ContactPerson, Input.Position, Input.Email, Input.Phone, Input.Password),
                (userId, token) => Url.Page("/DoanhNghiep/XacNhan", null, new { userId, token }, Request.Scheme, Request.Host.Value)!,
                ct);
            Done = true;
            ExistingOrganization = result.ExistingOrganization;
            return Page();
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex);
            return Page();
        }
    }
}

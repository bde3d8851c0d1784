using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Suppliers;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Suppliers;
using NgheAn.CNHT.Web.Forms;
using NgheAn.CNHT.Web.Portal;

namespace NgheAn.CNHT.Web.Pages.DoanhNghiep;

/// <summary>
/// The enterprise keeps its own profile in the public directory (issue 17). The form never names a profile: the
/// organization comes from the signed-in account. A submitted change waits for a DOIT specialist (ADR 0182).
/// </summary>
// An upload bigger than the largest image (3 MB) plus the form is answered before it is read: announced, by
// ProfileImageUploadLimit (back here with the message next to the field, ADR 0208); unannounced, by these limits.
[RequestSizeLimit(ProfileImageUploadLimit.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ProfileImageUploadLimit.MaxRequestBytes)]
public sealed class HoSoModel(ProfileEditing editing, ProfileImages images) : PageModel
{
    public ProfileEditView View { get; private set; } = null!;

    [BindProperty]
    public ProfileForm Input { get; set; } = new();

    [BindProperty]
    [Display(Name = "Phiên bản")]
    public Guid? Stamp { get; set; }

    /// <summary>The logo or photo file of an upload (ADR 0193).</summary>
    [BindProperty]
    [Display(Name = "Tệp ảnh")]
    public IFormFile? Upload { get; set; }

    /// <summary>The image an enterprise takes off its next version.</summary>
    [BindProperty]
    [Display(Name = "Ảnh")]
    public Guid? ImageId { get; set; }

    /// <param name="loi">Why the enterprise came back: <see cref="ProfileImageUploadLimit.TooLarge"/> after a refused upload.</param>
    /// <param name="loai">Which form: "logo" or "anh" (a photo).</param>
    public async Task<IActionResult> OnGetAsync(string? loi, string? loai, CancellationToken ct)
    {
        if (loi == ProfileImageUploadLimit.TooLarge)
        {
            var kind = loai == "logo" ? SupplierImageKind.Logo : SupplierImageKind.Photo;
            ModelState.AddModelError(ProfileImageUploadLimit.FieldOf(kind), ProfileImageUploadLimit.Message(kind));
        }

        View = await editing.LoadAsync(ct);
        Input = ProfileForm.From(View.Content);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await editing.SubmitAsync(Input.ToContent(), Stamp, ct);
                TempData["Success"] = "Đã gửi hồ sơ danh bạ. Thay đổi sẽ hiển thị công khai sau khi Sở Công Thương duyệt.";
                return RedirectToPage();
            }
            catch (DomainException ex)
            {
                ModelState.AddDomainError(ex);
            }
            catch (ConcurrencyConflictException ex)
            {
                ModelState.AddModelError(string.Empty, ex.Message);
            }
        }

        View = await editing.LoadAsync(ct);
        return Page();
    }

    /// <summary>An image of this enterprise's own profile, pending or published; anyone else's is not found.</summary>
    public async Task<IActionResult> OnGetImageAsync(Guid id, CancellationToken ct) =>
        await images.OwnAsync(id, ct) is { } image ? NgheAn.CNHT.Web.Portal.ProfileImageEndpoints.Private(Response, image) : NotFound();

    public Task<IActionResult> OnPostLogoAsync(CancellationToken ct) => UploadAsync(SupplierImageKind.Logo, ct);

    public Task<IActionResult> OnPostPhotoAsync(CancellationToken ct) => UploadAsync(SupplierImageKind.Photo, ct);

    public Task<IActionResult> OnPostRemoveImageAsync(CancellationToken ct) =>
        RunImageAsync(() => ImageId is { } id ? images.RemoveAsync(id, Stamp, ct) : throw new DomainException("Vui lòng chọn ảnh cần xóa.", "File"),
            "Đã bỏ ảnh khỏi hồ sơ; thay đổi sẽ hiển thị công khai sau khi Sở Công Thương duyệt.", string.Empty, ct);

    private Task<IActionResult> UploadAsync(SupplierImageKind kind, CancellationToken ct) => RunImageAsync(async () =>
    {
        if (Upload is null || Upload.Length == 0)
        {
            throw new DomainException("Vui lòng chọn tệp ảnh PNG hoặc JPEG.", "File");
        }

        // Refused before reading: the limit is known from the request.
        if (Upload.Length > SupplierImage.MaxBytes(kind))
        {
            throw new DomainException(ProfileImageUploadLimit.Message(kind), "File");
        }

        using var buffer = new MemoryStream((int)Upload.Length);
        await Upload.CopyToAsync(buffer, ct);
        await images.UploadAsync(kind, buffer.ToArray(), Stamp, ct);
    }, kind == SupplierImageKind.Logo
        ? "Đã tải logo. Logo sẽ hiển thị công khai sau khi Sở Công Thương duyệt."
        : "Đã tải ảnh. Ảnh sẽ hiển thị công khai sau khi Sở Công Thương duyệt.", ProfileImageUploadLimit.FieldOf(kind), ct);

    /// <param name="field">Where a refusal is shown: next to the file field of the form that was sent (ADR 0208).</param>
    private async Task<IActionResult> RunImageAsync(Func<Task> work, string success, string field, CancellationToken ct)
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
            foreach (var error in ex.Errors)
            {
                ModelState.AddModelError(field, error.Message);
            }
        }
        catch (ConcurrencyConflictException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
        }

        View = await editing.LoadAsync(ct);
        Input = ProfileForm.From(View.Content);
        return Page();
    }
}

/// <summary>The profile form: every field with its Vietnamese name, and the public flags beside the fields they govern.</summary>
public sealed class ProfileForm
{
    [Display(Name = "Tên doanh nghiệp (tiếng Việt)")]
    public string? NameVi { get; set; }

    [Display(Name = "Tên doanh nghiệp (tiếng Anh)")]
    public string? NameEn { get; set; }

    [Display(Name = "Xã, phường")]
    public string? CommuneCode { get; set; }

    [Display(Name = "Khu công nghiệp, khu kinh tế")]
    public string ZoneCode { get; set; } = "ngoai";

    [Display(Name = "Địa chỉ")]
    public string? Address { get; set; }

    [Display(Name = "Công khai địa chỉ")]
    public bool ShowAddress { get; set; }

    [Display(Name = "Công khai mã số thuế")]
    public bool ShowTaxCode { get; set; }

    [Display(Name = "Lĩnh vực")]
    public List<string> Sectors { get; set; } = [];

    [Display(Name = "Công đoạn sản xuất")]
    public List<string> Processes { get; set; } = [];

    [Display(Name = "Sản phẩm (tiếng Việt)")]
    public string? ProductsVi { get; set; }

    [Display(Name = "Sản phẩm (tiếng Anh)")]
    public string? ProductsEn { get; set; }

    [Display(Name = "Năng lực sản xuất")]
    public string? Capacity { get; set; }

    [Display(Name = "Công khai năng lực sản xuất")]
    public bool ShowCapacity { get; set; }

    [Display(Name = "Quy mô lao động")]
    public WorkforceSize? Workforce { get; set; }

    [Display(Name = "Công khai quy mô lao động")]
    public bool ShowWorkforce { get; set; }

    [Display(Name = "Thị trường xuất khẩu")]
    public string? ExportMarkets { get; set; }

    [Display(Name = "Công khai thị trường xuất khẩu")]
    public bool ShowExportMarkets { get; set; }

    [Display(Name = "Trang web")]
    public string? Website { get; set; }

    [Display(Name = "Công khai trang web")]
    public bool ShowWebsite { get; set; }

    [Display(Name = "Người liên hệ")]
    public string? ContactName { get; set; }

    [Display(Name = "Công khai người liên hệ")]
    public bool ShowContactName { get; set; }

    [Display(Name = "Số điện thoại liên hệ")]
    public string? ContactPhone { get; set; }

    [Display(Name = "Công khai số điện thoại")]
    public bool ShowContactPhone { get; set; }

    [Display(Name = "Thư điện tử liên hệ")]
    public string? ContactEmail { get; set; }

    [Display(Name = "Công khai thư điện tử")]
    public bool ShowContactEmail { get; set; }

    /// <summary>One entry per known certification: held or not, and its expiry.</summary>
    [Display(Name = "Chứng nhận")]
    public List<CertificationInput> Certifications { get; set; } = [];

    public static ProfileForm From(ProfileContent c) => new()
    {
        NameVi = c.NameVi, NameEn = c.NameEn, CommuneCode = c.CommuneCode, ZoneCode = c.ZoneCode,
        Address = c.Address, ShowAddress = c.ShowAddress, ShowTaxCode = c.ShowTaxCode, Sectors = [.. c.Sectors], Processes = [.. c.Processes],
        ProductsVi = c.ProductsVi, ProductsEn = c.ProductsEn, Capacity = c.Capacity, ShowCapacity = c.ShowCapacity,
        Workforce = c.Workforce, ShowWorkforce = c.ShowWorkforce, ExportMarkets = c.ExportMarkets, ShowExportMarkets = c.ShowExportMarkets,
        Website = c.Website, ShowWebsite = c.ShowWebsite, ContactName = c.ContactName, ShowContactName = c.ShowContactName,
        ContactPhone = c.ContactPhone, ShowContactPhone = c.ShowContactPhone, ContactEmail = c.ContactEmail, ShowContactEmail = c.ShowContactEmail,
        Certifications = CnhtTaxonomy.Certifications.Select(t => c.Certifications.FirstOrDefault(x => x.Code == t.Code) is { } held
            ? new CertificationInput { Code = t.Code, Held = true, ValidUntil = held.ValidUntil }
            : new CertificationInput { Code = t.Code }).ToList(),
    };

    public ProfileContent ToContent() => new()
    {
        NameVi = NameVi ?? "", NameEn = NameEn, CommuneCode = CommuneCode, ZoneCode = ZoneCode,
        Address = Address, ShowAddress = ShowAddress, ShowTaxCode = ShowTaxCode, Sectors = Sectors, Processes = Processes,
        ProductsVi = ProductsVi, ProductsEn = ProductsEn, Capacity = Capacity, ShowCapacity = ShowCapacity,
        Workforce = Workforce, ShowWorkforce = ShowWorkforce, ExportMarkets = ExportMarkets, ShowExportMarkets = ShowExportMarkets,
        Website = Website, ShowWebsite = ShowWebsite, ContactName = ContactName, ShowContactName = ShowContactName,
        ContactPhone = ContactPhone, ShowContactPhone = ShowContactPhone, ContactEmail = ContactEmail, ShowContactEmail = ShowContactEmail,
        Certifications = Certifications.Where(c => c.Held && !string.IsNullOrEmpty(c.Code)).Select(c => new CertificationEntry(c.Code!, c.ValidUntil)).ToList(),
    };
}

public sealed class CertificationInput
{
    [Display(Name = "Mã chứng nhận")]
    public string? Code { get; set; }

    [Display(Name = "Đang có chứng nhận")]
    public bool Held { get; set; }

    [Display(Name = "Hiệu lực đến")]
    public DateOnly? ValidUntil { get; set; }
}

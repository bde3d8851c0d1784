using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Reports;

namespace NgheAn.CNHT.Web.Pages.Verification;

/// <summary>
/// The public verification page of an issued document (<c>/xac-thuc/{code}</c>, the QR code's target): number, date,
/// title, signer, SHA-256 of the issued file, revocation; anyone may upload a PDF and learn whether it is byte for
/// byte the issued one. Anonymous on purpose (ADR 0133); it shows nothing but what the issued document itself says.
/// </summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(NgheAn.CNHT.Web.Security.VerificationRateLimit.Policy)]
[RequestSizeLimit(IssuedReportService.MaxUploadBytes + 100_000)]
public sealed class IndexModel(IssuedReportService issued) : PageModel
{
    public IssuedReportSummary? Report { get; private set; }

    /// <summary>Null before a file is checked; then whether it is byte-identical to the issued file.</summary>
    public bool? Identical { get; private set; }

    public string? CheckedFileName { get; private set; }
    public string? CheckedSha256 { get; private set; }

    [BindProperty]
    [Display(Name = "Tệp cần kiểm tra")]
    public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Report = await issued.FindByCodeAsync(code, ct);
        Response.Headers.CacheControl = "no-store";
        return Report is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        Report = await issued.FindByCodeAsync(code, ct);
        if (Report is null)
        {
            return NotFound();
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Vui lòng chọn tệp PDF cần kiểm tra.");
            return Page();
        }

        if (Upload.Length > IssuedReportService.MaxUploadBytes)
        {
            ModelState.AddModelError(nameof(Upload), "Tệp lớn hơn 20 MB, không phải văn bản đã ban hành.");
            return Page();
        }

        using var memory = new MemoryStream();
        await Upload.CopyToAsync(memory, ct);
        var bytes = memory.ToArray();
        Identical = IssuedReportService.IsIdentical(Report, bytes);
        CheckedFileName = Path.GetFileName(Upload.FileName);
        CheckedSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        return Page();
    }
}

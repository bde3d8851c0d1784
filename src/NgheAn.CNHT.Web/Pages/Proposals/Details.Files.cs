using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Web.Authorization;

namespace NgheAn.CNHT.Web.Pages.Proposals;

/// <summary>The proposal's dossier files: download, upload, withdraw, and the request size those uploads need.</summary>
public sealed partial class DetailsModel
{
    public sealed class UploadInput
    {
        [Display(Name = "Loại hồ sơ")]
        public DocumentType DocumentType { get; set; } = DocumentType.Application;

        [Display(Name = "Mô tả")]
        public string? Description { get; set; }

        [Display(Name = "Tệp")]
        public IFormFile? File { get; set; }
    }

    [BindProperty]
    [Display(Name = "Hồ sơ tải lên")]
    public UploadInput Upload { get; set; } = new();

    public bool UploadOpen { get; private set; }
    public long MaxBytes => attachments.MaxBytes;

    /// <summary>Streams a dossier file as a download, never rendered inline.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(int id, int attachmentId, CancellationToken ct)
    {
        var file = await attachments.DownloadAsync(id, attachmentId, ct);
        if (file is null)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return File(file.Data, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, CancellationToken ct)
    {
        if (!await MayAsync(Policies.WorkOnProposals))
        {
            return Forbid();
        }

        UploadOpen = true;
        // A document type that is not in the list (a hand-made post) is refused, never filed under the first type.
        if (ModelState.GetFieldValidationState("Upload.DocumentType") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            || !Enum.IsDefined(Upload.DocumentType))
        {
            ModelState.Remove("Upload.DocumentType");
            ModelState.AddModelError("Upload.DocumentType", "Vui lòng chọn loại hồ sơ trong danh sách.");
            return await ShowAsync(id, ct);
        }

        if (Upload.File is not { Length: > 0 } file)
        {
            ModelState.AddModelError("Upload.File", "Vui lòng chọn tệp cần đính kèm.");
            return await ShowAsync(id, ct);
        }

        try
        {
            await using var stream = file.OpenReadStream();
            await attachments.UploadAsync(id, Upload.DocumentType, file.FileName, stream, Upload.Description, ct);
            TempData["Success"] = "Đã đính kèm tệp vào hồ sơ đề án.";
            return RedirectToPage(new { id });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(ex.Field == "File" ? "Upload.File" : ex.Field is null ? string.Empty : "Upload." + ex.Field, ex.Message);
            return await ShowAsync(id, ct);
        }
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, int attachmentId, CancellationToken ct)
    {
        if (!await MayAsync(Policies.WorkOnProposals))
        {
            return Forbid();
        }

        try
        {
            await attachments.WithdrawAsync(id, attachmentId, ct);
            TempData["Success"] = "Đã rút tệp khỏi hồ sơ (tệp vẫn được lưu trong nhật ký).";
            return RedirectToPage(new { id });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return await ShowAsync(id, ct);
        }
    }

    /// <summary>Large uploads: lift Kestrel's body limit for this handler only, to the configured file size plus the form.</summary>
    [NonHandler]
    public override Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        if ((string.Equals(context.HandlerMethod?.Name, "Upload", StringComparison.Ordinal) || string.Equals(context.HandlerMethod?.Name, "Accept", StringComparison.Ordinal))
            && context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = attachments.MaxBytes + (1024 * 1024);
        }

        return Task.CompletedTask;
    }


    public bool CanWithdraw(AttachmentRow a) => !a.IsDeleted && attachments.MayWithdraw(a.UploadedBy);
}

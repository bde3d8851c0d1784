using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Applications;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Enterprises;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Web.Pages.Applications;

/// <summary>
/// The enterprise's application: fields, cost lines, documents against the checklist (missing ones shown before
/// submitting), submission and the receipt, supplement rounds and the history. Only its own: another's id is 404.
/// </summary>
public sealed class DetailsModel(ApplicationQueries queries, ApplicationService applications, EnterpriseContext enterprise, DossierFileStore files,
    IApplicationReceiptWriter receipts, TimeProvider clock) : PageModel
{
    public ApplicationView Application { get; private set; } = null!;
    public EnterpriseAccount Account { get; private set; } = null!;

    [BindProperty]
    [Display(Name = "Phiên bản")]
    public Guid? Stamp { get; set; }

    [BindProperty]
    [Display(Name = "Hồ sơ yêu cầu")]
    public string? Requirement { get; set; }

    [BindProperty(Name = "File")]
    [Display(Name = "Tệp")]
    public IFormFile? UploadFile { get; set; }

    [BindProperty]
    [Display(Name = "Tài liệu")]
    public int DocumentId { get; set; }

    [BindProperty]
    [Display(Name = "Ghi chú")]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUploadAsync(int id, CancellationToken ct)
    {
        if (UploadFile is null || UploadFile.Length == 0)
        {
            ModelState.AddModelError("File", "Vui lòng chọn tệp để tải lên.");
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        await using var stream = UploadFile.OpenReadStream();
        return await RunAsync(id, () => applications.AddDocumentAsync(id, Stamp, Requirement, UploadFile.FileName, stream, ct), $"Đã tải lên {UploadFile.FileName}.", ct);
    }

    public Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct) =>
        RunAsync(id, () => applications.WithdrawDocumentAsync(id, Stamp, DocumentId, ct), "Đã rút tệp khỏi hồ sơ.", ct);

    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct)
    {
        string? code = null;
        var result = await RunAsync(id, async () => code = await applications.SubmitAsync(id, Stamp, Note, ct), "", ct);
        if (code is not null)
        {
            TempData["Success"] = $"Đã nộp hồ sơ. Mã hồ sơ: {code}. Tải giấy biên nhận ở dưới.";
        }

        return result;
    }

    public async Task<IActionResult> OnGetReceiptAsync(int id, CancellationToken ct)
    {
        var view = await queries.ViewAsync(id, ct);
        if (view?.Code is null)
        {
            return NotFound();
        }

        return File(receipts.Receipt(view, clock.GetUtcNow().UtcDateTime), "application/pdf", $"giay-bien-nhan-{view.Code}.pdf");
    }

    public async Task<IActionResult> OnGetFileAsync(int id, int documentId, CancellationToken ct)
    {
        var file = await queries.DocumentFileAsync(id, documentId, files, ct);
        return file is null ? NotFound() : File(file.Data, file.ContentType, file.FileName);
    }

    private async Task<IActionResult> RunAsync(int id, Func<Task> work, string success, CancellationToken ct)
    {
        try
        {
            await work();
            if (success.Length > 0)
            {
                TempData["Success"] = success;
            }

            return RedirectToPage(new { id });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(ex.Field is "File" or "Requirement" ? ex.Field : string.Empty, ex.Message);
        }
        catch (ConcurrencyConflictException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var view = await queries.ViewAsync(id, ct);
        if (view is null)
        {
            return false;
        }

        Application = view;
        Account = await enterprise.CurrentAsync(ct);
        return true;
    }
}

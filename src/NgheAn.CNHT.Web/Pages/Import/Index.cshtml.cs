using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Services;

namespace NgheAn.CNHT.Web.Pages.Import;

/// <summary>Template download and workbook upload (step 1 of upload → preview → confirm).</summary>
[RequestSizeLimit(ImportStreaming.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportStreaming.MaxRequestBytes)]
public sealed class IndexModel(CatalogQueries catalog, ImportBatchService batches, ImportTemplate template, TimeProvider clock, ILogger<IndexModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<ProgramSummary> Programs { get; private set; } = [];
    public IReadOnlyList<ImportBatchRow> Recent { get; private set; } = [];

    public sealed class InputModel
    {
        [Display(Name = "Chương trình")] public string? ProgramCode { get; set; }
        [Display(Name = "Tệp dữ liệu")] public IFormFile? File { get; set; }
    }

    public async Task OnGetAsync(string? loi, CancellationToken ct)
    {
        if (loi == "qua-lon")
        {
            ModelState.AddModelError("Input.File", ImportStreaming.TooLargeMessage);
        }

        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnGetTemplateAsync(string program, CancellationToken ct)
    {
        ReportFile file;
        try
        {
            file = await template.FileAsync(program, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        return File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        var stream = ImportStreaming.WantsStream(Request);
        var file = Input.File;
        string? refusal = null;
        if (file is null || file.Length == 0)
        {
            refusal = "Vui lòng chọn tệp Excel (.xlsx) để tải lên.";
        }
        else if (file.Length > ImportStreaming.MaxUploadBytes)
        {
            refusal = ImportStreaming.TooLargeMessage;
        }
        else if (!string.Equals(Path.GetExtension(file.FileName), ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            refusal = $"Tệp \"{Path.GetFileName(file.FileName)}\" không phải bảng tính Excel .xlsx. Hãy dùng tệp mẫu, hoặc mở tệp bằng Excel và lưu lại dạng .xlsx.";
        }

        if (refusal is not null)
        {
            if (stream)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
                await ImportStreaming.ErrorAsync(Response, refusal, ct);
                return new EmptyResult();
            }

            ModelState.AddModelError("Input.File", refusal);
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        using var buffer = new MemoryStream();
        await file!.CopyToAsync(buffer, ct);
        var progress = stream ? ImportStreaming.Writer(Response, ct) : null;
        int id;
        try
        {
            id = await batches.UploadAsync(buffer.ToArray(), file.FileName, string.IsNullOrWhiteSpace(Input.ProgramCode) ? null : Input.ProgramCode, progress, ct);
        }
        catch (DomainException ex)
        {
            if (stream)
            {
                await ImportStreaming.ErrorAsync(Response, ex.Message, ct);
                return new EmptyResult();
            }

            ModelState.AddModelError("Input.File", ex.Message);
            await LoadAsync(ct);
            return Page();
        }

        logger.LogInformation("Workbook {File} uploaded as import batch {Batch} by {User}", file.FileName, id, User.Identity?.Name);
        var preview = Url.Page("/Import/Preview", new { id })!;
        if (stream)
        {
            await ImportStreaming.DoneAsync(Response, preview, null, ct);
            return new EmptyResult();
        }

        return Redirect(preview);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Programs = await catalog.ListProgramsAsync(ct);
        Input.ProgramCode ??= await catalog.DefaultProgramCodeAsync(VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime).Year, ct);
        Recent = await batches.RecentAsync(10, ct);
    }
}

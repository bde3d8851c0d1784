using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Services;

namespace NgheAn.CNHT.Web.Pages.Import;

/// <summary>Steps 2 and 3: the check report of an uploaded workbook, then its confirmation (or discarding).</summary>
public sealed class PreviewModel(ImportBatchService batches, ILogger<PreviewModel> logger) : PageModel
{
    public ImportBatchView View { get; private set; } = null!;

    public ImportOutcome? Report => View.Report;

    public bool CanConfirm => View.Batch.Status == Domain.DataExchange.ImportBatchStatus.Checked && Report is { HasErrors: false } r && (r.Summary.NewProposals > 0 || r.Summary.NewUnits > 0);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var view = await batches.GetAsync(id, ct);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken ct)
    {
        var stream = ImportStreaming.WantsStream(Request);
        var here = Url.Page("/Import/Preview", new { id })!;
        string message;
        bool ok;
        try
        {
            var outcome = await batches.ConfirmAsync(id, stream ? ImportStreaming.Writer(Response, ct) : null, ct);
            ok = outcome.Saved;
            var s = outcome.Summary;
            message = outcome.Saved
                ? $"Đã nhập {s.NewProposals:N0} đề án, {s.NewLedgerEntries:N0} bút toán giải ngân và {s.NewUnits:N0} đơn vị chủ trì mới vào chương trình {outcome.ProgramCode}."
                : outcome.HasErrors
                    ? $"Không nhập: tệp có {outcome.ErrorCount:N0} lỗi (dữ liệu trên cổng có thể đã thay đổi từ lúc kiểm tra). Không dòng nào được ghi."
                    : "Không có dữ liệu mới để nhập: mọi đề án trong tệp đã có trên cổng.";
            logger.LogInformation("Import batch {Batch} confirmed by {User}: saved {Saved}", id, User.Identity?.Name, outcome.Saved);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            ok = false;
            message = ex.Message;
        }

        // The page itself shows an imported batch's result; only a refusal needs a message carried over.
        if (stream)
        {
            // Headers are gone once the stream has started: no TempData cookie can be set now.
            if (Response.HasStarted || ok)
            {
                await ImportStreaming.DoneAsync(Response, here, message, ct);
            }
            else
            {
                await ImportStreaming.ErrorAsync(Response, message, ct);
            }

            return new EmptyResult();
        }

        if (!ok)
        {
            TempData["Error"] = message;
        }

        return Redirect(here);
    }

    public async Task<IActionResult> OnPostDiscardAsync(int id, CancellationToken ct)
    {
        try
        {
            await batches.DiscardAsync(id, ct);
            TempData["Success"] = "Đã hủy tệp tải lên; không có dữ liệu nào được ghi.";
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            TempData["Error"] = ex.Message;
            return RedirectToPage(new { id });
        }

        return RedirectToPage("./Index");
    }
}

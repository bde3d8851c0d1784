using NgheAn.CNHT.Application.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.DataExchange;

namespace NgheAn.CNHT.Web.Pages.Export;

/// <summary>A program's whole data as one workbook in the import template's format, streamed through a temporary file (ADR 0108).</summary>
public sealed class IndexModel(CatalogQueries catalog, ExportQuery export, IStreamingWorkbookWriter writer, ReportDownloadLog downloads, ILogger<IndexModel> logger) : PageModel
{
    public IReadOnlyList<ProgramSummary> Programs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Programs = await catalog.ListProgramsAsync(ct);

    public async Task<IActionResult> OnGetDownloadAsync(string program, CancellationToken ct)
    {
        ProgramExport data;
        try
        {
            data = await export.OpenAsync(program, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        // A whole program can be tens of megabytes: written to a temporary file (deleted when the response is sent), never held in memory.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await writer.WriteAsync(data, file, ct);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }

        file.Position = 0;
        logger.LogInformation("Program {Program} exported by {User}: {Proposals} proposal(s)", data.Head.ProgramCode, User.Identity?.Name, data.ProposalCount);
        // Every download is recorded, the program's whole data as much as a report.
        await downloads.RecordAsync(ReportDownloadLog.ProgramDataKind, ReportFormat.Xlsx, $"program={data.Head.ProgramCode}", ct);
        return File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"Dữ liệu chương trình CNHT {data.Head.ProgramCode}.xlsx");
    }
}

using NgheAn.CNHT.Application.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.DataExchange;

namespace NgheAn.CNHT.Web.Pages.Export;

/// <summary>A program's whole data as one workbook in the import template's format.</summary>
public sealed class IndexModel(CatalogQueries catalog, ExportQuery export, IWorkbookWriter writer, ReportDownloadLog downloads, ILogger<IndexModel> logger) : PageModel
{
    public IReadOnlyList<ProgramSummary> Programs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Programs = await catalog.ListProgramsAsync(ct);

    public async Task<IActionResult> OnGetDownloadAsync(string program, CancellationToken ct)
    {
        ProgramWorkbook model;
        try
        {
            model = await export.BuildAsync(program, template: false, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        var stream = new MemoryStream();
        writer.Write(model, stream);
        stream.Position = 0;
        logger.LogInformation("Program {Program} exported by {User}: {Proposals} proposal(s)", model.ProgramCode, User.Identity?.Name, model.Proposals.Count);
        // Every download is recorded, the program's whole data as much as a report.
        await downloads.RecordAsync(ReportDownloadLog.ProgramDataKind, ReportFormat.Xlsx, $"program={model.ProgramCode}", ct);
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"Dữ liệu chương trình CNHT {model.ProgramCode}.xlsx");
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Reports;

namespace NgheAn.CNHT.Web.Pages.Reports.Issued;

/// <summary>An issued report: its frozen files, and what has changed in the live figures since it was issued.</summary>
public sealed class DetailsModel(IssuedReportService issued, ReportDownloadLog downloads) : PageModel
{
    public IssuedReportComparison Comparison { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var comparison = await issued.CompareAsync(id, ct);
        if (comparison is null)
        {
            return NotFound();
        }

        Comparison = comparison;
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(int id, string? format, CancellationToken ct)
    {
        if (!ReportKinds.TryParseFormat(format, out var fileFormat))
        {
            return NotFound();
        }

        var summary = await issued.GetAsync(id, ct);
        var file = await issued.GetFileAsync(id, fileFormat, ct);
        if (summary is null || file is null)
        {
            return NotFound();
        }

        await downloads.RecordAsync(summary.Kind.Slug(), fileFormat, summary.Parameters, ct);
        return File(file.Content, file.ContentType, file.FileName);
    }
}

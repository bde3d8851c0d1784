using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Reports;

namespace NgheAn.CNHT.Web.Pages.Reports;

/// <summary>The download log: who downloaded which report, in which format, when (latest first).</summary>
public sealed class DownloadsModel(ReportDownloadLog log) : PageModel
{
    public const int Shown = 500;

    public IReadOnlyList<ReportDownloadRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await log.RecentAsync(Shown, ct);
}

using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Web.Pages.Reports;

/// <summary>The reconciliation checks on the live data of a program, each finding with a link to its record.</summary>
public sealed class ReconciliationModel(ReconciliationQuery reconciliation, CatalogQueries catalog, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "program")]
    public string? ProgramCode { get; set; }

    /// <summary>Typed the Vietnamese way ("12,5"); the query-string binder would read it invariantly.</summary>
    [FromQuery(Name = "threshold")]
    public string? ThresholdText { get; set; }

    public IReadOnlyList<ProgramSummary> Programs { get; private set; } = [];
    public ReconciliationReport Report { get; private set; } = null!;
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Programs = await catalog.ListProgramsAsync(ct);
        ProgramCode ??= await catalog.DefaultProgramCodeAsync(VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime).Year, ct);
        if (ProgramCode is null || Programs.All(p => p.Code != ProgramCode))
        {
            return NotFound();
        }

        decimal? threshold = null;
        if (!string.IsNullOrWhiteSpace(ThresholdText))
        {
            if (decimal.TryParse(ThresholdText.Replace("%", "", StringComparison.Ordinal).Trim(), NumberStyles.Number, VnFormat.Culture, out var t))
            {
                threshold = t;
            }
            else
            {
                Problem = "Ngưỡng chênh lệch phải là một số phần trăm, ví dụ 20 hoặc 12,5.";
            }
        }

        try
        {
            Report = await reconciliation.RunAsync(ProgramCode, threshold, ct);
        }
        catch (DomainException ex)
        {
            Problem = ex.Message;
            Report = await reconciliation.RunAsync(ProgramCode, null, ct);
        }

        return Page();
    }
}

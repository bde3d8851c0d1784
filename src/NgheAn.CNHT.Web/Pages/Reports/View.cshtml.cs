using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Authorization;

namespace NgheAn.CNHT.Web.Pages.Reports;

/// <summary>One report on screen (HTML rendering of its model) and its downloads, each recorded in the download log.</summary>
public sealed class ViewModel(
    ReportService reports,
    ReportFileCache files,
    RegisterQuery register,
    IReportRenderer renderer,
    ReportDownloadLog downloads,
    CatalogQueries catalog,
    IAuthorizationService auth,
    TimeProvider clock,
    ILogger<ViewModel> logger) : PageModel
{
    [FromQuery(Name = "program")]
    public string? ProgramCode { get; set; }

    [FromQuery(Name = "from")]
    public int? FromYear { get; set; }

    [FromQuery(Name = "to")]
    public int? ToYear { get; set; }

    [FromQuery(Name = "year")]
    public int? Year { get; set; }

    /// <summary>The register's page on screen (ADR 0105); the files keep every row.</summary>
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Set for the register: which page is shown and how many there are.</summary>
    public RegisterReportPage? RegisterPage { get; private set; }

    public ReportKind Kind { get; private set; }
    public ReportFilter Filter { get; private set; } = null!;
    public IReportModel Report { get; private set; } = null!;
    public string Markup { get; private set; } = "";
    public string? Problem { get; private set; }
    public bool CanEditNarratives { get; private set; }

    /// <summary>
    /// Set when the register holds more rows than its PDF and Word files may (ADR 0230): the page says why and offers Excel;
    /// the message is the one a refused download gives.
    /// </summary>
    public string? PrintableRefused { get; private set; }

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken ct)
    {
        if (!ReportKinds.TryParse(kind, out var parsed))
        {
            return NotFound();
        }

        Kind = parsed;
        var programs = await catalog.ListProgramsAsync(ct);
        ProgramCode ??= await catalog.DefaultProgramCodeAsync(VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime).Year, ct);
        if (ProgramCode is null || programs.All(p => p.Code != ProgramCode))
        {
            return NotFound();
        }

        if (Year is { } year)
        {
            (FromYear, ToYear) = (year, year);
        }

        try
        {
            Report = await BuildAsync(ct);
        }
        catch (DomainException ex)
        {
            Problem = ex.Message;
            (FromYear, ToYear) = (null, null);
            Report = await BuildAsync(ct);
        }

        Filter = new ReportFilter(programs, ProgramCode, FromYear, ToYear);
        if (RegisterPage is { } rp && rp.Register.Total.Count > reports.PrintableRowLimit)
        {
            PrintableRefused = ReportService.PrintableTooLarge(rp.Register.Total.Count, reports.PrintableRowLimit);
        }

        Markup = renderer.HtmlFragment(Report);
        CanEditNarratives = Kind == ReportKind.Document && (await auth.AuthorizeAsync(User, Policies.EditNarratives)).Succeeded;
        return Page();
    }

    /// <summary>The register is shown a page at a time (58.600 rows at national scale would be 30 MB of HTML); every other report whole.</summary>
    private async Task<IReportModel> BuildAsync(CancellationToken ct)
    {
        if (Kind != ReportKind.Register)
        {
            return await reports.BuildAsync(new ReportRequest(Kind, ProgramCode!, FromYear, ToYear), ct);
        }

        RegisterPage = await register.PageAsync(ProgramCode!, FromYear, ToYear, PageNumber, ct: ct);
        return RegisterPage.Register;
    }

    public async Task<IActionResult> OnGetDownloadAsync(string kind, string? format, CancellationToken ct)
    {
        if (!ReportKinds.TryParse(kind, out var parsed) || !ReportKinds.TryParseFormat(format, out var fileFormat) || string.IsNullOrWhiteSpace(ProgramCode))
        {
            return NotFound();
        }

        if (Year is { } year)
        {
            (FromYear, ToYear) = (year, year);
        }

        var request = new ReportRequest(parsed, ProgramCode, FromYear, ToYear);
        ReportFile file;
        try
        {
            file = await files.RenderAsync(request, fileFormat, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            TempData["Error"] = ex.Message;
            return RedirectToPage("./View", new { kind = parsed.Slug(), program = ProgramCode, from = FromYear, to = ToYear });
        }

        await downloads.RecordAsync(parsed.Slug(), fileFormat, request.Describe(), ct);
        logger.LogInformation("Report {Kind} downloaded as {Format} ({Parameters})", parsed, fileFormat, request.Describe());
        return File(file.Content, file.ContentType, file.FileName);
    }
}

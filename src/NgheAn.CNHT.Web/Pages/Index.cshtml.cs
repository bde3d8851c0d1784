using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Dashboard;
using NgheAn.CNHT.Application.Notifications;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Authorization;

namespace NgheAn.CNHT.Web.Pages;

/// <summary>
/// The home page after sign-in: where the program stands (plan, provincial budget, disbursement), by group and by
/// year, proposals by status, what waits for the user's role, recent activity and unread notices; the appendix of
/// the chosen years below. Every figure links to the register or ledger rows behind it.
/// </summary>
public sealed class IndexModel(
    IAuthorizationService auth,
    CatalogQueries catalog,
    DashboardQuery dashboard,
    AppendixQuery appendix,
    NotificationService notifications,
    IAppDbContext db,
    NgheAn.CNHT.Application.Suppliers.DirectoryQuery directory,
    NgheAn.CNHT.Application.Plans.ProgramGlanceQuery glance,
    VersionedCache cache,
    IDataVersion version,
    TimeProvider clock) : PageModel
{
    /// <summary>
    /// The key under which the page's figure sections are kept rendered (the cache tag helper): the data version read
    /// before the figures, then the program, years and roles. Never newer than the figures it labels.
    /// </summary>
    public string RenderKey { get; private set; } = "";

    /// <summary>Everything on the dashboard but the user's own notices: the same for every user of the same roles.</summary>
    private sealed record Figures(
        IReadOnlyList<ProgramSummary> Programs,
        DashboardView? View,
        NgheAn.CNHT.Application.Plans.ProgramGlance? Glance,
        AppendixReport? Appendix,
        string? Problem,
        string? ProgramCode,
        bool HasSampleData);

    [FromQuery(Name = "program")]
    [Display(Name = "Chương trình")]
    public string? ProgramCode { get; set; }

    /// <summary>The year of the "this year" figures (default: this year, inside the program's period).</summary>
    [FromQuery(Name = "year")]
    public int? Year { get; set; }

    /// <summary>Years of the appendix at the bottom (default: the whole period).</summary>
    [FromQuery(Name = "from")]
    public int? FromYear { get; set; }

    [FromQuery(Name = "to")]
    public int? ToYear { get; set; }

    public bool CanRead { get; private set; }
    public IReadOnlyList<ProgramSummary> Programs { get; private set; } = [];
    public DashboardView? View { get; private set; }
    public AppendixReport? Appendix { get; private set; }
    /// <summary>Plan vs disbursed vs indicators achieved (issue 19, ADR 0177); null when the program has neither yearly plans nor indicators.</summary>
    public NgheAn.CNHT.Application.Plans.ProgramGlance? Glance { get; private set; }
    public IReadOnlyList<NotificationRow> Unread { get; private set; } = [];
    public int UnreadCount { get; private set; }
    public bool HasSampleData { get; private set; }
    public string? Problem { get; private set; }
    /// <summary>For an anonymous visitor: the public portal's home page (issue 17, ADR 0180).</summary>
    public NgheAn.CNHT.Application.Suppliers.DirectoryHome? PublicHome { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // An anonymous visitor gets the public portal's home; staff keep their dashboard at the same address (ADR 0180).
        if (User.Identity?.IsAuthenticated != true)
        {
            PublicHome = await directory.HomeAsync(ct);
            ViewData["PathVi"] = NgheAn.CNHT.Web.Portal.PortalUrls.Home(false);
            ViewData["PathEn"] = NgheAn.CNHT.Web.Portal.PortalUrls.Home(true);
            ViewData["Title"] = "Công nghiệp hỗ trợ Nghệ An";
            return Page();
        }

        // An enterprise's home is its own page (issue 16); the department's dashboard is not for it.
        if (User.IsInRole(NgheAn.CNHT.Domain.Roles.Enterprise))
        {
            return RedirectToPage("/DoanhNghiep/Index");
        }

        CanRead = (await auth.AuthorizeAsync(User, Policies.ReadProgramData)).Succeeded;
        if (!CanRead)
        {
            return Page();
        }

        if (!ModelState.IsValid)
        {
            // A hand-edited address ("?year=abc"): start from the defaults rather than an error page.
            return RedirectToPage();
        }

        // Built once per data version for each program, years and roles asked for (VersionedCache): a busy office
        // opening the dashboard pays the queries once per business write, not once per request (issue 21 § 4).
        var roles = string.Join(',', User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal));
        var today = VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime);
        var key = $"home:{ProgramCode}|{Year}|{FromYear}|{ToYear}|{roles}|{today:yyyy-MM-dd}";
        var readBefore = await version.CurrentAsync(ct);
        var figures = await cache.GetAsync(key, () => BuildFiguresAsync(ct), ct);
        RenderKey = $"{readBefore.ToString(System.Globalization.CultureInfo.InvariantCulture)}|{key}";
        Programs = figures.Programs;
        View = figures.View;
        Glance = figures.Glance;
        Appendix = figures.Appendix;
        Problem = figures.Problem;
        ProgramCode = figures.ProgramCode;
        HasSampleData = figures.HasSampleData;
        if (View is null)
        {
            return Page();
        }

        UnreadCount = await notifications.UnreadCountAsync(ct);
        Unread = await notifications.LatestUnreadAsync(5, ct);
        return Page();
    }

    private async Task<Figures> BuildFiguresAsync(CancellationToken ct)
    {
        string? problem = null;
        var programCode = ProgramCode;
        var programs = await catalog.ListProgramsAsync(ct);
        if (programCode is not null && programs.All(p => p.Code != programCode))
        {
            problem = $"Không có chương trình mã {programCode}; đang hiển thị chương trình mặc định.";
            programCode = null;
        }

        var view = await dashboard.BuildAsync(programCode, Year, ct);
        var hasSampleData = await db.Proposals.AnyAsync(p => p.IsSample, ct);
        if (view is null)
        {
            return new Figures(programs, null, null, null, problem, programCode, hasSampleData);
        }

        var glanced = await glance.BuildAsync(view.ProgramCode, view.Year, ct) is { } g && (g.YearPlan > 0 || g.Indicators.Count > 0) ? g : null;
        AppendixReport report;
        try
        {
            report = await appendix.BuildAsync(view.ProgramCode, FromYear, ToYear, ct);
        }
        catch (DomainException ex)
        {
            problem = ex.Message + " Phụ lục đang hiển thị cả giai đoạn.";
            report = await appendix.BuildAsync(view.ProgramCode, null, null, ct);
        }

        return new Figures(programs, view, glanced, report, problem, programCode, hasSampleData);
    }
}

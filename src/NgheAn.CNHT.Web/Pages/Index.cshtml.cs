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
    NgheAn.CNHT.Application.Plans.ProgramGlanceQuery glance) : PageModel
{
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

        Programs = await catalog.ListProgramsAsync(ct);
        if (ProgramCode is not null && Programs.All(p => p.Code != ProgramCode))
        {
            Problem = $"Không có chương trình mã {ProgramCode}; đang hiển thị chương trình mặc định.";
            ProgramCode = null;
        }

        View = await dashboard.BuildAsync(ProgramCode, Year, ct);
        if (View is null)
        {
            return Page();
        }

        Glance = await glance.BuildAsync(View.ProgramCode, View.Year, ct) is { } g && (g.YearPlan > 0 || g.Indicators.Count > 0) ? g : null;
        try
        {
            Appendix = await appendix.BuildAsync(View.ProgramCode, FromYear, ToYear, ct);
        }
        catch (DomainException ex)
        {
            Problem = ex.Message + " Phụ lục đang hiển thị cả giai đoạn.";
            Appendix = await appendix.BuildAsync(View.ProgramCode, null, null, ct);
        }

        UnreadCount = await notifications.UnreadCountAsync(ct);
        Unread = await notifications.LatestUnreadAsync(5, ct);
        HasSampleData = await db.Proposals.AnyAsync(p => p.IsSample, ct);
        return Page();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using NgheAn.CNHT.Domain;

namespace NgheAn.CNHT.Web.PublicContent;

/// <summary>
/// The composition-root share of the public content (issue 17 items 5, 6, 8): who manages it, the English routes of
/// the public pages, the contact form's rate limit and the project list's PDF.
/// </summary>
public static class PublicContentSetup
{
    /// <summary>DOIT specialists maintain the priority projects and publish news and events.</summary>
    public const string ManagePublicContent = nameof(ManagePublicContent);

    public static IServiceCollection AddPublicContentWeb(this IServiceCollection services)
    {
        services.AddAuthorization(o => o.AddPolicy(ManagePublicContent, p => p.RequireRole(Roles.DoitSpecialist)));
        services.AddContactRateLimit();
        return services;
    }

    public static void Configure(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/PublicContent", ManagePublicContent);
        // The public pages live in /Portal/PublicContent (anonymous with the rest of /Portal); their English twins:
        pages.AddPageRoute("/Portal/PublicContent/Projects", "en/priority-projects");
        pages.AddPageRoute("/Portal/PublicContent/Project", "en/priority-projects/{slug}");
        pages.AddPageRoute("/Portal/PublicContent/Program", "en/program");
        pages.AddPageRoute("/Portal/PublicContent/News", "en/news");
        pages.AddPageRoute("/Portal/PublicContent/NewsPost", "en/news/{slug}");
        pages.AddPageRoute("/Portal/PublicContent/Contact", "en/directory/{slug}/contact");
    }

    public static IEndpointRouteBuilder MapPublicContent(this IEndpointRouteBuilder app)
    {
        app.MapGet(PublicContentUrls.ProjectsPdf(false), (HttpContext c, Application.PublicContent.PublicContentQuery q, Application.PublicContent.IProjectListPdf pdf, TimeProvider clock, CancellationToken ct) => ProjectsPdfAsync(c, q, pdf, clock, false, ct))
            .AllowAnonymous().CacheOutput(Portal.PortalCaching.Policy);
        app.MapGet(PublicContentUrls.ProjectsPdf(true), (HttpContext c, Application.PublicContent.PublicContentQuery q, Application.PublicContent.IProjectListPdf pdf, TimeProvider clock, CancellationToken ct) => ProjectsPdfAsync(c, q, pdf, clock, true, ct))
            .AllowAnonymous().CacheOutput(Portal.PortalCaching.Policy);
        return app;
    }

    private static async Task<IResult> ProjectsPdfAsync(HttpContext context, Application.PublicContent.PublicContentQuery query, Application.PublicContent.IProjectListPdf pdf,
        TimeProvider clock, bool en, CancellationToken ct)
    {
        var projects = await query.AllProjectsAsync(ct);
        var bytes = pdf.Render(new Application.PublicContent.ProjectListDocument(en, projects, clock.GetUtcNow().UtcDateTime,
            Portal.PortalUrls.Absolute(context.Request, PublicContentUrls.Projects(en))));
        return Results.File(bytes, "application/pdf", en ? "nghe-an-priority-cnht-projects.pdf" : "danh-muc-du-an-cnht-uu-tien-nghe-an.pdf");
    }
}

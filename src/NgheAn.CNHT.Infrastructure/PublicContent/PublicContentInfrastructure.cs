using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.PublicContent;

namespace NgheAn.CNHT.Infrastructure.PublicContent;

public static class PublicContentInfrastructure
{
    /// <summary>Safe HTML for user text, the project list PDF, the demo list (issue 17 items 5 and 6).</summary>
    public static IServiceCollection AddPublicContentInfrastructure(this IServiceCollection services)
    {
        services.AddSingleton<ISafeHtml, SafeHtml>();
        services.AddSingleton<IProjectListPdf, ProjectListPdf>();
        services.AddScoped<PublicContentDemoSeeder>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace NgheAn.CNHT.Application.PublicContent;

public static class PublicContentServices
{
    /// <summary>Priority projects, program transparency, news and events, the contact form (issue 17 items 5, 6, 8).</summary>
    public static IServiceCollection AddPublicContent(this IServiceCollection services)
    {
        services.AddScoped<InvestmentProjectAdmin>();
        services.AddScoped<NewsAdmin>();
        services.AddScoped<PublicContentQuery>();
        services.AddScoped<ProgramTransparencyQuery>();
        services.AddScoped<EnterpriseContact>();
        return services;
    }
}

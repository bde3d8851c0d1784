using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Applications;
using NgheAn.CNHT.Application.Calls;

namespace NgheAn.CNHT.Application.Enterprises;

public static class EnterprisePortalServices
{
    /// <summary>Enterprises apply online (issue 16): accounts, calls, applications, intake, the enterprise's own page.</summary>
    public static IServiceCollection AddEnterprisePortal(this IServiceCollection services)
    {
        services.AddScoped<EnterpriseContext>();
        services.AddScoped<DossierFileStore>();
        services.AddScoped<EnterpriseNotices>();
        services.AddScoped<MemberVerificationService>();
        services.AddScoped<EnterpriseHomeQuery>();
        services.AddScoped<EnterpriseReportService>();
        services.AddScoped<CallService>();
        services.AddScoped<ApplicationService>();
        services.AddScoped<ApplicationQueries>();
        services.AddScoped<IntakeService>();
        return services;
    }
}

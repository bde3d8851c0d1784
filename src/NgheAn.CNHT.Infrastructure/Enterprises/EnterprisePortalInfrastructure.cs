using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Applications;

namespace NgheAn.CNHT.Infrastructure.Enterprises;

public static class EnterprisePortalInfrastructure
{
    public static IServiceCollection AddEnterprisePortalInfrastructure(this IServiceCollection services)
    {
        services.AddScoped<EnterpriseRegistration>();
        services.AddSingleton<IApplicationReceiptWriter, ApplicationReceiptWriter>();
        services.AddScoped<EnterpriseDemoSeeder>();
        return services;
    }
}

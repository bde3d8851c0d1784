using Microsoft.Extensions.DependencyInjection;

namespace NgheAn.CNHT.Infrastructure.Plans;

public static class PlansInfrastructure
{
    public static IServiceCollection AddProgramPlanningInfrastructure(this IServiceCollection services)
    {
        services.AddScoped<ProgramPlanDemoSeeder>();
        return services;
    }
}

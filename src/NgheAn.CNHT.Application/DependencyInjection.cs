using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Disbursements;
using NgheAn.CNHT.Application.Estimates;
using NgheAn.CNHT.Application.Reports;

namespace NgheAn.CNHT.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplicationServices(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<CatalogQueries>();
        services.AddScoped<AppendixQuery>();
        services.AddScoped<CatalogService>();
        services.AddScoped<LedgerService>();
        services.AddScoped<LedgerQueries>();
        services.AddScoped<EstimateService>();
        return services;
    }
}

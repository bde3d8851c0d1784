using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Access;
using NgheAn.CNHT.Application.Api;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.Application.Reports;

namespace NgheAn.CNHT.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplicationServices(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<CatalogQueries>();
        services.AddScoped<AppendixQuery>();
        services.AddScoped<ImportService>();
        services.AddScoped<ImportBatchService>();
        services.AddScoped<ExportQuery>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<ApiReadQueries>();
        return services;
    }
}

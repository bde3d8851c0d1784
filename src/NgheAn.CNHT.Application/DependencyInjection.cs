using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Reports;

namespace NgheAn.CNHT.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplicationServices(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<CatalogQueries>();
        services.AddScoped<AppendixQuery>();
        services.AddScoped<AnnualReportQuery>();
        services.AddScoped<YearMatrixQuery>();
        services.AddScoped<RegisterQuery>();
        services.AddScoped<DocumentQuery>();
        services.AddScoped<ReportService>();
        services.AddScoped<ReportDownloadLog>();
        services.AddScoped<IssuedReportService>();
        services.AddScoped<ReconciliationQuery>();
        services.AddScoped<NarrativeService>();
        return services;
    }
}

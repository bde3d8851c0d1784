using Microsoft.Extensions.DependencyInjection;

namespace NgheAn.CNHT.Application.Plans;

/// <summary>The services of the 2026-2030 program's plans, indicators and outcomes (issue 19), registered in one place.</summary>
public static class PlansRegistration
{
    public static IServiceCollection AddProgramPlanning(this IServiceCollection services)
    {
        services.AddScoped<YearlyPlanQuery>();
        services.AddScoped<YearlyPlanService>();
        services.AddScoped<PeriodComparisonQuery>();
        services.AddScoped<Indicators.IndicatorService>();
        services.AddScoped<Indicators.IndicatorQueries>();
        services.AddScoped<Indicators.IndicatorReportQuery>();
        services.AddScoped<Outcomes.OutcomeQueries>();
        services.AddScoped<Outcomes.OutcomeService>();
        services.AddScoped<FundingRequests.FundingRequestQuery>();
        services.AddScoped<FundingRequests.FundingRequestReportQuery>();
        services.AddScoped<FundingRequests.DepartmentActivityService>();
        services.AddScoped<ProgramGlanceQuery>();
        return services;
    }
}

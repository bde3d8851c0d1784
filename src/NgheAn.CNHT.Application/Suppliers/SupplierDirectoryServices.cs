using Microsoft.Extensions.DependencyInjection;

namespace NgheAn.CNHT.Application.Suppliers;

public static class SupplierDirectoryServices
{
    /// <summary>The public CNHT directory (issue 17).</summary>
    public static IServiceCollection AddSupplierDirectory(this IServiceCollection services)
    {
        services.AddScoped<DirectoryQuery>();
        services.AddScoped<ProfileEditing>();
        services.AddScoped<DirectoryModeration>();
        services.AddScoped<ProfileImages>();
        services.AddScoped<RetiredImageRelease>();
        return services;
    }
}

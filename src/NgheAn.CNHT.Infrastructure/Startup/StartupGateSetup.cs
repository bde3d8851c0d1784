using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NgheAn.CNHT.Infrastructure.Startup;

/// <summary>Wiring of the <see cref="DatabaseGate"/> (ADR 0105 and its addenda).</summary>
public static class StartupGateSetup
{
    /// <summary>The framework's hosted service that loads the key ring when the host starts (an internal type).</summary>
    public const string DataProtectionWarmUp = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    /// <summary>
    /// After <c>AddDataProtection().PersistKeysToDbContext()</c>: the key store waits for the prepared database (a
    /// post-configuration of the options, so the order of registrations does not matter).
    /// </summary>
    public static IDataProtectionBuilder WaitForPreparedDatabase(this IDataProtectionBuilder builder)
    {
        builder.Services.AddSingleton<DatabaseGate>();
        builder.Services.AddOptions<KeyManagementOptions>().PostConfigure<DatabaseGate>((o, gate) =>
        {
            if (o.XmlRepository is { } store and not GatedXmlRepository)
            {
                o.XmlRepository = new GatedXmlRepository(store, gate);
            }
        });
        return builder;
    }

    /// <summary>
    /// The framework's warm-up of the key ring, started only once the gate is open. Called LAST, after every
    /// registration: each <c>AddDataProtection()</c> (authentication, antiforgery, Identity's cookies call it too) adds
    /// the warm-up again if it is missing, so it is replaced by its wrapper once they have all run.
    /// </summary>
    public static IServiceCollection DeferKeyRingWarmUp(this IServiceCollection services)
    {
        var warmUp = services.FirstOrDefault(d => !d.IsKeyedService && d.ServiceType == typeof(IHostedService) && d.ImplementationType?.FullName == DataProtectionWarmUp)
            ?? throw new InvalidOperationException($"{DataProtectionWarmUp} is not registered: call after AddDataProtection().");
        var type = warmUp.ImplementationType!;
        var index = services.IndexOf(warmUp);
        // In its place, so the hosted services start in the same order as before.
        services[index] = ServiceDescriptor.Singleton<IHostedService>(sp => new GatedStartupWork(
            (IHostedService)ActivatorUtilities.CreateInstance(sp, type),
            sp.GetRequiredService<DatabaseGate>(),
            sp.GetRequiredService<ILogger<GatedStartupWork>>()));
        return services;
    }
}

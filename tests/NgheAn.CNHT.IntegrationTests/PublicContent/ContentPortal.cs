using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.PublicContent;
using NgheAn.CNHT.Infrastructure.Suppliers;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.PublicContent;

/// <summary>A portal with demo data, staff accounts, the fictitious directory and the demo projects, news and events (issue 17 items 5, 6, 8).</summary>
public class ContentPortal : CnhtFactory, IAsyncLifetime
{
    /// <summary>Every test posts from the same (absent) address: the contact limit is generous here; <see cref="ContactLimitPortal"/> tests the limit.</summary>
    public ContentPortal() => Settings = new() { ["Portal:ContactRateLimit:PermitLimit"] = "100000" };

    public async Task InitializeAsync()
    {
        await EnsureDemoUsersAsync();
        await ScopedAsync(sp => sp.GetRequiredService<DirectoryDemoSeeder>().SeedAsync());
        await ScopedAsync(sp => sp.GetRequiredService<PublicContentDemoSeeder>().SeedAsync());
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read) => ScopedAsync(sp => read(sp.GetRequiredService<AppDbContext>()));

    /// <summary>The version stamp a page's form carries (hidden field "Stamp").</summary>
    public static string Stamp(string html) => PublicPortal.DirectoryPortal.Stamp(html);
}

using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace NgheAn.CNHT.Web.Operations;

/// <summary>
/// The Razor pages' descriptors (reflection over every page model and its bound properties, ~250 ms) built on the second
/// core while the start's thread sets up the pipeline; <c>MapRazorPages</c> then finds them made (issue 21, cold start;
/// ADR 0242). The same work the start did anyway, in the same provider, which builds the collection once under its lock.
/// </summary>
public static class PageDescriptorsAside
{
    public static void Build(WebApplication app) =>
        _ = Task.Run(() =>
        {
            try
            {
                _ = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors;
            }
            catch (ObjectDisposedException)
            {
                // The host was stopped before its pages were needed (a test host, a failed start): nothing to build for.
            }
        });
}

using Microsoft.Playwright;

namespace NgheAn.CNHT.BrowserTests.Support;

/// <summary>
/// How a journey waits for the page a click leads to. Playwright's <c>WaitForURLAsync</c> waits by default for the new
/// document's <c>load</c> event; three CI runs (2026-12-05) timed out there after 30 s on a page whose network had
/// gone idle ("NetworkIdle" event fired, never "Load"), each right after a click that navigated, while the other test
/// projects loaded both cores. The journeys need the document parsed and its scripts run (site.js, amounts.js sit at
/// the end of the body and run before DOMContentLoaded), not every image and icon: so they wait for
/// <c>DOMContentLoaded</c>, and a wait that still fails says what the page was doing.
/// </summary>
public static class PageWaits
{
    private static readonly PageWaitForURLOptions Committed = new() { WaitUntil = WaitUntilState.Commit };

    private static readonly PageWaitForFunctionOptions Polled = new() { PollingInterval = 100 };

    /// <summary>
    /// Waits until the page's URL satisfies <paramref name="url"/> and that document is parsed with its scripts run. The
    /// document's own ready state is polled rather than Playwright's DOMContentLoaded event: a fourth CI run (2026-12-05,
    /// stop 32) timed out waiting for that event on a page whose ready state was already "complete".
    /// </summary>
    public static async Task WaitForPageAsync(this IPage page, Func<string, bool> url)
    {
        try
        {
            await page.WaitForURLAsync(url, Committed);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await page.WaitForFunctionAsync("() => document.readyState !== 'loading'", null, Polled);
                    break;
                }
                catch (PlaywrightException e) when (attempt < 3 && e.Message.Contains("context was destroyed", StringComparison.OrdinalIgnoreCase))
                {
                    // The document committed was replaced while the check ran (a redirect): check the new one.
                }
            }
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message}{Environment.NewLine}The page then: {await DescribeAsync(page)}", timeout);
        }
    }

    /// <summary>The URL, the document's ready state and what it still loads, read within two seconds (or why not).</summary>
    private static async Task<string> DescribeAsync(IPage page)
    {
        var read = page.EvaluateAsync<string>(@"() => JSON.stringify({
            url: location.href,
            readyState: document.readyState,
            unfinished: performance.getEntriesByType('resource').filter(e => e.responseEnd === 0).map(e => e.name),
            imagesLoading: Array.from(document.images).filter(i => !i.complete).map(i => i.src)
        })");
        var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(2)));
        if (finished != read)
        {
            return $"url {page.Url}; the page did not answer a script within 2 s (its renderer busy)";
        }
        try
        {
            return await read;
        }
        catch (PlaywrightException e)
        {
            return $"url {page.Url}; {e.Message}";
        }
    }
}

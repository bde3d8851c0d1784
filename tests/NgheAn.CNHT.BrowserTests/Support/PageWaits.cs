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
    /// <summary>
    /// Waits until the page's URL satisfies <paramref name="url"/> and that document is parsed with its scripts run.
    /// Neither Playwright's DOMContentLoaded nor its commit event is awaited: CI runs on 2026-12-05 timed out waiting
    /// for each on a page whose ready state was already "complete". The URL Playwright tracks and the document's own
    /// ready state are polled every 100 ms for 30 s instead.
    /// </summary>
    public static async Task WaitForPageAsync(this IPage page, Func<string, bool> url)
    {
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                if (url(page.Url))
                {
                    try
                    {
                        if (await page.EvaluateAsync<string>("() => document.readyState") != "loading" && url(page.Url))
                        {
                            return;
                        }
                    }
                    catch (PlaywrightException)
                    {
                        // The document was replaced while the check ran: check the new one.
                    }
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Timeout 30000ms exceeded waiting for the page (now {page.Url}).");
                }

                await Task.Delay(100);
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

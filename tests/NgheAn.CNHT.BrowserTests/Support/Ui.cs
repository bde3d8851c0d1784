using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace NgheAn.CNHT.BrowserTests.Support;

/// <summary>What every journey does on the way: screenshots at desktop and phone widths, axe-core checks, layout checks.</summary>
public static class Ui
{
    public const int DesktopWidth = 1366;
    public const int DesktopHeight = 768;
    public const int PhoneWidth = 390;
    public const int PhoneHeight = 844;

    /// <summary>A full-page screenshot in test-output/screenshots (the width is part of <paramref name="name"/>).</summary>
    public static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserPortal.OutputFolder, name), FullPage = true });

    /// <summary>Screenshots the page at 1366×768 and at a 390-px phone, and checks the phone layout; leaves the desktop size.</summary>
    public static async Task ShotsAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(DesktopWidth, DesktopHeight);
        await ShotAsync(page, $"{name}-1366.png");
        await page.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        await AssertFitsPhoneAsync(page, name);
        await ShotAsync(page, $"{name}-390.png");
        await page.SetViewportSizeAsync(DesktopWidth, DesktopHeight);
    }

    /// <summary>
    /// At phone width the page itself never scrolls sideways (wide tables scroll inside their own container) and
    /// the main navigation is collapsed behind its button.
    /// </summary>
    public static async Task AssertFitsPhoneAsync(IPage page, string name)
    {
        await StyledAsync(page);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        if (overflow > 0)
        {
            // Name the widest culprits, so the failure says what to fix.
            var wide = await page.EvaluateAsync<string[]>(@"() => Array.from(document.querySelectorAll('body *'))
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && getComputedStyle(e).position !== 'fixed')
                .filter(e => !Array.from(e.children).some(c => c.getBoundingClientRect().right > window.innerWidth + 1))
                .slice(0, 5).map(e => e.tagName + '.' + e.className + ' (' + Math.round(e.getBoundingClientRect().right) + 'px): ' + (e.textContent || '').trim().slice(0, 60))");
            Assert.Fail($"{name}: the page is {overflow}px wider than a {PhoneWidth}-px phone: {string.Join(" | ", wide)}");
        }
        if (await page.Locator("#mainNav").CountAsync() > 0)
        {
            await Assertions.Expect(page.Locator("#mainNav")).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator(".navbar-toggler")).ToBeVisibleAsync();
        }
    }

    /// <summary>
    /// Waits until the current document is parsed and its scripts ran, which in a page whose scripts end the body means
    /// its stylesheets are applied too: a web-first expectation can match the text of a page that a post just brought
    /// while its stylesheets are still loading, and a layout or contrast check then measures an unstyled page (seen
    /// once: a budget table wider than the phone because Bootstrap's scrolling container was not styled yet).
    /// It asks the document itself (<c>document.readyState</c>, "complete" once its stylesheets and scripts loaded)
    /// rather than Playwright's load-state record: that record is cleared when a navigation commits and refilled from
    /// the browser's events, and once in CI it never held DOMContentLoaded for a page a link click had just opened,
    /// so a wait for it ran out its 30 s on a page that was long loaded (the log saw only "NetworkIdle event fired").
    /// </summary>
    private static Task StyledAsync(IPage page) => page.WaitForFunctionAsync("() => document.readyState === 'complete'");

    /// <summary>
    /// axe-core itself, as Deque's package (Deque.AxeCore.Commons, the version pinned in Directory.Packages.props) embeds it.
    /// </summary>
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        var assembly = typeof(AxeResult).Assembly;
        using var stream = assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("axe.min.js is not embedded in " + assembly.FullName);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>
    /// Runs axe-core (WCAG 2.0/2.1 A and AA rules and best practices) on the page as it is; fails on any serious or
    /// critical violation. axe runs in the page itself and hands back only the serious and critical violations.
    /// Deque's <c>page.RunAxe</c> ran the same rules but opened a blank page of its own for every check to merge the
    /// results, after carrying every passing node of the page through .NET and back (7–8 s of a 10-s journey on the
    /// signed-in home page; ADR 0241). The portal's pages have no frames, which is what that merge is for.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page, string name)
    {
        await StyledAsync(page);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object' && typeof window.axe.run === 'function'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }

        var serious = await page.EvaluateAsync<AxeFinding[]>(
            """
            async () => {
              const result = await window.axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
                resultTypes: ['violations'],
              });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                             nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + n.html) }));
            }
            """);
        var report = string.Join(Environment.NewLine, serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", v.Nodes)));
        Assert.True(serious.Length == 0, $"{name}: axe-core found serious or critical problems:{Environment.NewLine}{report}");
    }

    /// <summary>One serious or critical axe-core violation: the rule, its impact, what it asks and up to five nodes.</summary>
    private sealed class AxeFinding
    {
        public string Id { get; set; } = "";
        public string Impact { get; set; } = "";
        public string Help { get; set; } = "";
        public string[] Nodes { get; set; } = [];
    }
}

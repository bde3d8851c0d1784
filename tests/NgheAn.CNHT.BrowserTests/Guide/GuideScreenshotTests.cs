using Microsoft.Playwright;
using NgheAn.CNHT.BrowserTests.FirstDay;
using NgheAn.CNHT.BrowserTests.Support;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Web.Pages.Guide;

namespace NgheAn.CNHT.BrowserTests.Guide;

/// <summary>
/// Issue 22 (8): the main screen of each role at 1366 px, written with fixed names into docs/images/guide (README and docs)
/// and into the Web project's wwwroot/images/guide (the in-portal guide), so the pictures follow the pages on every run
/// (ADR 0127).
/// The list of screens is the guide's own (<see cref="GuideScreens"/>).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GuideScreenshotTests(BrowserPortal portal)
{
    /// <summary>The enterprise's screen is its registration page, seen before signing in (no enterprise data to arrange).</summary>
    private const string Anonymous = "";

    private static readonly Dictionary<string, string> Accounts = new()
    {
        [Roles.DoitSpecialist] = "chuyenvien@cnht.demo",
        [Roles.SupportCenter] = "trungtam@cnht.demo",
        [Roles.DoitLeader] = "lanhdao@cnht.demo",
        [Roles.Viewer] = "xem@cnht.demo",
        [Roles.Admin] = "admin@cnht.demo",
    };

    /// <summary>The repository's root (the folder holding the solution), found from the test's output folder.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NgheAn.CNHT.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"NgheAn.CNHT.sln not found above {AppContext.BaseDirectory}");
    }

    [Fact]
    public async Task Each_roles_main_screen_is_photographed_at_1366_px_for_the_guide_and_the_docs()
    {
        var root = RepositoryRoot();
        var folder = Path.Combine(root, "src", "NgheAn.CNHT.Web", "wwwroot", GuideScreens.Folder);
        var docs = Path.Combine(root, "docs", "images", "guide");
        Directory.CreateDirectory(folder);
        Directory.CreateDirectory(docs);

        // First the pictures this build serves (the files present when it was built; the run rewrites them afterwards):
        // the guide shows each one under its role, and each loads.
        var present = GuideScreens.All.Count(s => File.Exists(Path.Combine(folder, s.FileName)));
        var (guideContext, guide, guideProblems) = await portal.NewPageAsync();
        await using (guideContext)
        {
            await portal.SignInAsync(guide, "xem@cnht.demo");
            await guide.GotoAsync("/Guide");
            await Assertions.Expect(guide.Locator("figure.guide-screen img")).ToHaveCountAsync(present);
            var widths = await guide.Locator("figure.guide-screen img").EvaluateAllAsync<int[]>(
                "images => Promise.all(images.map(i => { i.loading = 'eager'; return i.decode().then(() => i.naturalWidth, () => 0); }))");
            Assert.All(widths, w => Assert.True(w > 0, "an image of the guide did not load"));
            Assert.True(guideProblems.Count == 0, string.Join("\n", guideProblems));
        }

        // Then today's pictures, with the same names: committed, they are what the next build serves.
        await Arrange.AppraisedAsync(portal, "Đổi mới công nghệ đúc áp lực linh kiện nhôm (ảnh hướng dẫn)");
        foreach (var group in GuideScreens.All.GroupBy(s => s.Path.StartsWith("/DoanhNghiep/", StringComparison.Ordinal) ? Anonymous : Accounts[s.Role]))
        {
            var (context, page, problems) = await portal.NewPageAsync(Ui.DesktopWidth, Ui.DesktopHeight);
            await using var _ = context;
            if (group.Key != Anonymous)
            {
                await portal.SignInAsync(page, group.Key);
            }

            foreach (var screen in group)
            {
                var response = await page.GotoAsync(screen.Path);
                Assert.True(response is { Ok: true }, $"{screen.Path} as {group.Key}: HTTP {response?.Status}");
                await Assertions.Expect(page.Locator("h1").First).ToBeVisibleAsync();
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                // The visible screen only (not the full page): what a user sees first, and a small file.
                var png = await page.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Png, Animations = ScreenshotAnimations.Disabled });
                Assert.True(png.Length is > 10_000 and < 600_000, $"{screen.FileName}: {png.Length} bytes");
                await File.WriteAllBytesAsync(Path.Combine(folder, screen.FileName), png);
                await File.WriteAllBytesAsync(Path.Combine(docs, screen.FileName), png);
            }

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        Assert.All(GuideScreens.All, s => Assert.True(File.Exists(Path.Combine(docs, s.FileName)), s.FileName));
    }
}

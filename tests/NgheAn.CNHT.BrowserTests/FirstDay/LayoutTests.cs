using Microsoft.Playwright;
using NgheAn.CNHT.BrowserTests.Support;

namespace NgheAn.CNHT.BrowserTests.FirstDay;

/// <summary>Issue 24 (4): the menu fits on one line from 1280 px for every role; wide tables are cards on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(BrowserPortal portal)
{
    public static TheoryData<string> Accounts() =>
        ["admin@cnht.demo", "chuyenvien@cnht.demo", "lanhdao@cnht.demo", "trungtam@cnht.demo", "xem@cnht.demo"];

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task No_menu_entry_wraps_at_1280_px_or_wider(string email)
    {
        var (context, page, problems) = await portal.NewPageAsync(1280, 800);
        await using var _ = context;
        await portal.SignInAsync(page, email);
        foreach (var width in new[] { 1280, 1366, 1920 })
        {
            await page.SetViewportSizeAsync(width, 800);
            await page.GotoAsync("/");
            var entries = page.Locator("#mainNav .navbar-nav > .nav-item > .nav-link:visible");
            Assert.True(await entries.CountAsync() >= 2, email);
            // One line of text: the entry is no taller than its line height plus its padding; the bar is one row.
            var measured = await entries.EvaluateAllAsync<double[][]>(
                "els => els.map(e => { const s = getComputedStyle(e); const line = parseFloat(s.lineHeight) || parseFloat(s.fontSize) * 1.5; return [e.getBoundingClientRect().height, line + parseFloat(s.paddingTop) + parseFloat(s.paddingBottom) + 1, e.closest('.nav-item').getBoundingClientRect().top]; })");
            var texts = await entries.AllInnerTextsAsync();
            for (var i = 0; i < measured.Length; i++)
            {
                Assert.True(measured[i][0] <= measured[i][1], $"{email} at {width}px: \"{texts[i]}\" wraps ({measured[i][0]}px tall)");
            }

            var tops = measured.Select(m => m[2]).ToList();
            Assert.True(tops.Max() - tops.Min() < 4, $"{email} at {width}px: the menu takes more than one row ({string.Join(", ", tops)})");
        }

        await Ui.AssertAccessibleAsync(page, "menu " + email);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task A_grouped_menu_opens_with_the_keyboard_and_marks_the_current_page()
    {
        var (context, page, problems) = await portal.NewPageAsync();
        await using var _ = context;
        await portal.SignInAsync(page, "lanhdao@cnht.demo");
        await page.GotoAsync("/Audit");
        var data = page.Locator("#mainNav .dropdown-toggle", new() { HasText = "Dữ liệu" });
        await Assertions.Expect(data).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("active"));
        await data.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Nhật ký thay đổi" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Xuất dữ liệu" })).ToBeVisibleAsync();
        await Ui.AssertAccessibleAsync(page, "menu-open");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_register_at_390_px_shows_cards_with_no_word_broken()
    {
        var (context, page, problems) = await portal.NewPageAsync(Ui.PhoneWidth, Ui.PhoneHeight);
        await using var _ = context;
        await portal.SignInAsync(page, "lanhdao@cnht.demo");
        await page.GotoAsync("/Proposals?reset=true");
        var rows = page.Locator("#register tbody tr");
        Assert.True(await rows.CountAsync() > 5);
        await Assertions.Expect(page.Locator("#register")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("table-cards"));
        await Assertions.Expect(page.Locator("#register thead")).Not.ToBeInViewportAsync();
        // A card: cells stacked, each labelled with its column.
        var first = rows.First;
        var display = await first.EvaluateAsync<string>("r => getComputedStyle(r).display");
        Assert.Equal("block", display);
        var label = await first.Locator("td").Nth(1).EvaluateAsync<string>("c => getComputedStyle(c, '::before').content");
        Assert.NotEqual("none", label);
        // No word is broken over two lines: each word of every cell sits on one line box.
        var broken = await page.EvaluateAsync<string[]>(@"() => {
            const out = [];
            for (const cell of document.querySelectorAll('#register tbody td, #register tbody th')) {
                const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const re = /\S+/g; let m;
                    while ((m = re.exec(node.textContent)) !== null) {
                        const range = document.createRange();
                        range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
                        const tops = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
                        if (tops.size > 1) { out.push(m[0]); }
                    }
                }
            }
            return out; }");
        Assert.True(broken.Length == 0, "words broken over two lines: " + string.Join(", ", broken.Take(10)));
        await Ui.AssertFitsPhoneAsync(page, "register-cards");
        await Ui.AssertAccessibleAsync(page, "register-cards");
        await Ui.ShotAsync(page, "register-cards-390.png");

        // The proposal's amounts are cards too: nothing cut off on the right.
        await rows.First.Locator("a").First.ClickAsync();
        await page.WaitForPageAsync(url => url.Contains("/Proposals/Details/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#amounts")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("table-cards"));
        var overflow = await page.Locator("#amounts").EvaluateAsync<double>("t => t.getBoundingClientRect().right - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the amounts table runs {overflow}px past the screen");
        await Ui.ShotAsync(page, "proposal-amounts-cards-390.png");

        // Wider screens keep the table.
        await page.SetViewportSizeAsync(Ui.DesktopWidth, Ui.DesktopHeight);
        Assert.Equal("table-row", await page.Locator("#amounts tbody tr").First.EvaluateAsync<string>("r => getComputedStyle(r).display"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

using Xunit.Sdk;

namespace NgheAn.CNHT.BrowserTests.Support;

/// <summary>
/// The accessibility check every journey runs (<see cref="Ui.AssertAccessibleAsync"/>) runs axe-core in the page itself
/// (ADR 0241): it passes on a portal page as it is, and fails, naming the rule and the element, once that page carries
/// a serious or a critical violation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityCheckTests(BrowserPortal portal)
{
    [Fact]
    public async Task The_check_passes_the_sign_in_page_and_fails_it_once_a_field_has_no_label_or_text_has_no_contrast()
    {
        var (context, page, _) = await portal.NewPageAsync();
        await using var __ = context;
        await page.GotoAsync("/Account/Login");
        await Ui.AssertAccessibleAsync(page, "sign-in");

        // A critical violation (a field no one can name) and a serious one (light grey on white).
        await page.EvaluateAsync("""
            () => {
              const form = document.querySelector('form');
              const field = document.createElement('input');
              field.type = 'text';
              field.id = 'khong-nhan';
              form.appendChild(field);
              const faint = document.createElement('p');
              faint.id = 'chu-mo';
              faint.textContent = 'Chữ gần như không đọc được';
              faint.style.color = '#eeeeee';
              faint.style.background = '#ffffff';
              form.appendChild(faint);
            }
            """);
        var failure = await Assert.ThrowsAsync<TrueException>(() => Ui.AssertAccessibleAsync(page, "sign-in with mistakes"));
        Assert.Contains("sign-in with mistakes: axe-core found serious or critical problems", failure.Message);
        Assert.Contains("label (critical)", failure.Message);
        Assert.Contains("#khong-nhan", failure.Message);
        Assert.Contains("color-contrast (serious)", failure.Message);
        Assert.Contains("#chu-mo", failure.Message);
    }
}

using Microsoft.Playwright;
using NgheAn.CNHT.BrowserTests.Support;

namespace NgheAn.CNHT.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LedgerJourneyTests(BrowserPortal portal)
{
    private static async Task RecordAsync(IPage page, string kind, string amount, string voucher)
    {
        await page.GetByLabel("Loại bút toán").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await page.GetByLabel("Nguồn kinh phí").SelectOptionAsync(new SelectOptionValue { Label = "Ngân sách tỉnh" });
        await page.GetByLabel("Số tiền (đồng)").FillAsync(amount);
        await page.GetByLabel("Số chứng từ").FillAsync(voucher);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi vào sổ" }).ClickAsync();
        await page.WaitForPageAsync(url => url.Contains("/Disbursements?", StringComparison.Ordinal) || url.EndsWith("/Disbursements", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_support_center_records_an_advance_and_a_payment_on_its_own_proposal_and_the_balance_follows()
    {
        // The journey's own approved proposal (200.000.000 provincial, nothing paid): what it finds does not depend on
        // which journeys ran before it, and no other journey finds its payments.
        var (id, code) = await Arrange.ApprovedAsync(portal, "Sổ giải ngân của hành trình kiểm thử", 400_000_000m, 200_000_000m);
        var (context, page, problems) = await portal.NewPageAsync();
        await using var _ = context;
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await portal.SignInAsync(page, "trungtam@cnht.demo");

        var list = $"/Disbursements?program=2018-2025&proposal={id}";
        await page.GotoAsync(list);
        var row = page.Locator($"#balances-table tr[data-proposal='{code}']");
        Assert.Equal("0", (await row.Locator("[data-col=disbursed]").InnerTextAsync()).Trim());

        var recordUrl = await row.GetByRole(AriaRole.Link, new() { Name = "Ghi giải ngân" }).GetAttributeAsync("href");
        await row.GetByRole(AriaRole.Link, new() { Name = "Ghi giải ngân" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-balance=disbursed]")).ToHaveTextAsync("0");
        await RecordAsync(page, "Tạm ứng", "50.000.000", "PC-TU-" + code);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã ghi tạm ứng 50.000.000 đồng");

        await page.GotoAsync(recordUrl!);
        await Assertions.Expect(page.Locator("[data-balance=disbursed]")).ToHaveTextAsync("50.000.000");
        await RecordAsync(page, "Thanh toán", "100.000.000", "PC-TT-" + code);
        await page.GotoAsync(list);
        await Assertions.Expect(row.Locator("[data-col=disbursed]")).ToHaveTextAsync("150.000.000");
        await Assertions.Expect(row.Locator("[data-col=remaining]")).ToHaveTextAsync("50.000.000");
        await Assertions.Expect(row.Locator("[data-col=advances]")).ToHaveTextAsync("50.000.000");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserPortal.OutputFolder, "disbursements-supportcenter-1366.png"), FullPage = true });

        // Above the remaining share: refused with the reason, nothing recorded.
        await row.GetByRole(AriaRole.Link, new() { Name = "Ghi giải ngân" }).ClickAsync();
        await page.GetByLabel("Số tiền (đồng)").FillAsync("50.000.001");
        await page.GetByLabel("Số chứng từ").FillAsync("PC-TT2-" + code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi vào sổ" }).ClickAsync();
        // Under the field and in the summary at the top, which takes the focus (issue 24).
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Amount']")).ToContainTextAsync("Vượt mức ngân sách tỉnh được duyệt");
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("Vượt mức ngân sách tỉnh được duyệt");
        await Assertions.Expect(page.Locator("#error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("[data-balance=disbursed]")).ToHaveTextAsync("150.000.000");
        Assert.Empty(problems);
    }
}

using Microsoft.Playwright;
using NgheAn.CNHT.BrowserTests.Support;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.BrowserTests.FirstDay;

/// <summary>Issue 24 (1), (2), (6): every mistake after one submit, confirmation only of a valid form, amounts read one way.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FormMistakeTests(BrowserPortal portal)
{
    private static string WrongTaxCode()
    {
        for (var last = 0; last <= 9; last++)
        {
            var code = "010010910" + last;
            if (!TaxCode.IsValid(code))
            {
                return code;
            }
        }

        throw new InvalidOperationException("no wrong check digit found");
    }

    [Fact]
    public async Task A_create_form_with_five_mistakes_shows_five_messages_after_one_submit_with_focus_on_the_summary()
    {
        var (context, page, problems) = await portal.NewPageAsync();
        await using var _ = context;
        await portal.SignInAsync(page, "chuyenvien@cnht.demo");
        await page.GotoAsync("/Proposals/Create");
        var item = await page.Locator("#Input_ContentItemId option", new() { HasText = "2.2. Tổ chức các lớp bồi dưỡng" }).GetAttributeAsync("value");
        await page.Locator("#Input_ContentItemId").SelectOptionAsync(item!);
        // Mistakes: no title, letters in an amount, a wrong tax-code check digit, start and end years outside 2018-2025.
        await page.Locator("#Input_StartYear").FillAsync("2010");
        await page.Locator("#Input_EndYear").FillAsync("2031");
        await page.Locator("#Input_TotalCost").FillAsync("1.250.000.abc");
        await page.Locator("#Input_ProvincialShare").FillAsync("300.000.000");
        await page.Locator("details.inline-create summary").ClickAsync();
        await page.Locator("#Input_CreateOrganization").CheckAsync();
        await page.Locator("#Input_NewOrganization_Name").FillAsync("Công ty TNHH Cơ khí Thử Nghiệm");
        await page.Locator("#Input_NewOrganization_TaxCode").FillAsync(WrongTaxCode());
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo đề án" }).ClickAsync();

        var summary = page.Locator("#error-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary.Locator("li")).ToHaveCountAsync(5);
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary.Locator("h2")).ToHaveTextAsync("Có 5 lỗi cần sửa");
        // Each message also sits under its field, and the summary lists them in the order of the fields.
        foreach (var field in new[] { "Input.Title", "Input.StartYear", "Input.EndYear", "Input.NewOrganization.TaxCode", "Input.TotalCost" })
        {
            await Assertions.Expect(page.Locator($"[data-valmsg-for='{field}']")).Not.ToBeEmptyAsync();
        }

        var links = await summary.Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(["#Input_Title", "#Input_StartYear", "#Input_EndYear", "#Input_NewOrganization_TaxCode", "#Input_TotalCost"], links);
        await Assertions.Expect(summary).ToContainTextAsync("giai đoạn của chương trình (2018-2025)");
        // A link takes the eye and the keyboard to its field.
        await summary.GetByRole(AriaRole.Link, new() { Name = "Năm kết thúc phải nằm trong giai đoạn" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Input_EndYear")).ToBeFocusedAsync();
        await Ui.AssertAccessibleAsync(page, "proposal-create-errors");
        await Ui.ShotsAsync(page, "proposal-create-errors");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Cross_field_mistakes_warn_as_the_user_types_and_amounts_echo_in_prose()
    {
        var (context, page, problems) = await portal.NewPageAsync();
        await using var _ = context;
        await portal.SignInAsync(page, "chuyenvien@cnht.demo");
        await page.GotoAsync("/Proposals/Create");
        await page.Locator("#Input_TotalCost").FillAsync("900000000");
        await Assertions.Expect(page.Locator("[data-million-for=Input_TotalCost]")).ToHaveTextAsync("900 triệu đồng");
        await page.Locator("#Input_ProvincialShare").FillAsync("1.000.000.000");
        await Assertions.Expect(page.Locator("[data-million-for=Input_ProvincialShare]")).ToHaveTextAsync("1 tỷ đồng");
        await Assertions.Expect(page.Locator("#Input_ProvincialShare-warning")).ToContainTextAsync("không được lớn hơn tổng kinh phí");
        await Assertions.Expect(page.Locator("[data-difference-of]")).ToHaveTextAsync("-100.000.000");
        await page.Locator("#Input_ProvincialShare").FillAsync("270.000.000");
        await Assertions.Expect(page.Locator("#Input_ProvincialShare-warning")).ToBeEmptyAsync();
        await page.Locator("#Input_TotalCost").FillAsync("1.250.000.000");
        await Assertions.Expect(page.Locator("[data-million-for=Input_TotalCost]")).ToHaveTextAsync("1,25 tỷ đồng");

        await page.Locator("#Input_StartYear").FillAsync("2025");
        await page.Locator("#Input_EndYear").FillAsync("2024");
        await Assertions.Expect(page.Locator("#Input_EndYear-warning")).ToContainTextAsync("Năm kết thúc không được trước năm bắt đầu");
        await Ui.AssertAccessibleAsync(page, "proposal-create-warnings");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task An_approval_with_an_empty_decision_number_shows_the_error_without_any_confirmation_dialog()
    {
        var id = await Arrange.AppraisedAsync(portal, "Đề án chờ phê duyệt (kiểm thử xác nhận)");
        var (context, page, problems) = await portal.NewPageAsync();
        await using var _ = context;
        var asked = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            asked.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await portal.SignInAsync(page, "lanhdao@cnht.demo");
        await page.GotoAsync($"/Proposals/Details/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Phê duyệt", Exact = true }).ClickAsync();
        var form = page.Locator("#act-Approve form");
        await Assertions.Expect(form).ToBeVisibleAsync();
        // The panel opens with an animation; a click while it still moves can land beside the button on a loaded machine.
        await Assertions.Expect(page.Locator("#act-Approve")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"(^|\s)show(\s|$)"));
        await form.GetByRole(AriaRole.Button, new() { Name = "Xác nhận: Phê duyệt" }).ClickAsync();

        await Assertions.Expect(page.Locator("#error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("Vui lòng nhập số quyết định phê duyệt.");
        await Assertions.Expect(form.Locator("#act-Approve-decision")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Empty(asked);
        Assert.Contains("/Proposals/Details/" + id, page.Url, StringComparison.Ordinal);

        // Once the form is valid, the question names what will happen with the figures.
        await form.Locator("#act-Approve-decision").FillAsync("77/QĐ-SCT");
        await form.GetByRole(AriaRole.Button, new() { Name = "Xác nhận: Phê duyệt" }).ClickAsync();
        for (var wait = 0; wait < 50 && asked.Count == 0; wait++)
        {
            await Task.Delay(100);
        }

        Assert.Single(asked);
        Assert.Contains("77/QĐ-SCT", asked[0], StringComparison.Ordinal);
        Assert.Contains("1.000.000.000 đồng", asked[0], StringComparison.Ordinal);
        Assert.Contains("300.000.000 đồng", asked[0], StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.Appraised, await Arrange.StatusAsync(portal, id));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Submitting_without_the_required_documents_is_refused_and_the_checklist_sits_next_to_the_button()
    {
        var id = await Arrange.DraftAsync(portal, "Đề án chưa đính kèm hồ sơ (kiểm thử)");
        var (context, page, problems) = await portal.NewPageAsync();
        await using var _ = context;
        var asked = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            asked.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await portal.SignInAsync(page, "chuyenvien@cnht.demo");
        await page.GotoAsync($"/Proposals/Details/{id}");
        var checklist = page.Locator("#actions-title ~ #dossier #checklist li");
        await Assertions.Expect(checklist).ToHaveCountAsync(4);
        await Assertions.Expect(checklist.Nth(0)).ToContainTextAsync("Đơn đề nghị hỗ trợ của đơn vị chủ trì");
        await Assertions.Expect(checklist.Nth(0)).ToContainTextAsync("chưa có (bắt buộc)");
        await Assertions.Expect(page.Locator("#dossier details[open] input[type=file]")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ", Exact = true }).ClickAsync();
        // The panel opens with an animation; a click while it still moves can land beside the button on a loaded machine.
        await Assertions.Expect(page.Locator("#act-Submit")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"(^|\s)show(\s|$)"));
        await page.Locator("#act-Submit form").GetByRole(AriaRole.Button, new() { Name = "Xác nhận: Nộp hồ sơ" }).ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("Chưa nộp được: hồ sơ còn thiếu Đơn đề nghị hỗ trợ của đơn vị chủ trì");
        Assert.Empty(asked);
        Assert.Equal(ProposalStatus.Draft, await Arrange.StatusAsync(portal, id));
        await Ui.AssertAccessibleAsync(page, "proposal-dossier-refused");
        await Ui.ShotsAsync(page, "proposal-dossier-refused");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

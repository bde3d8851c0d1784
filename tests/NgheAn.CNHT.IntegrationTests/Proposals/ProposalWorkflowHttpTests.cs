using System.Net;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.IntegrationTests.Support;
using static NgheAn.CNHT.IntegrationTests.Support.ProposalArrange;

namespace NgheAn.CNHT.IntegrationTests.Proposals;

/// <summary>The lifecycle over HTTP: every step with the role that may take it, and refusals when posted by hand.</summary>
public sealed class ProposalWorkflowHttpTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Fields(params (string Key, string Value)[] fields) =>
        fields.ToDictionary(f => "Act." + f.Key, f => f.Value);

    private async Task<int> CreateDraftOverHttpAsync(HttpClient specialist, string title)
    {
        var itemId = await ReadAsync(portal, db => db.ContentItems.Where(i => i.Code == "2.2" && i.Group.Program.Code == "2018-2025").Select(i => i.Id).FirstAsync());
        var orgId = await ReadAsync(portal, db => db.Organizations.Where(o => o.Name.StartsWith("Trường Cao đẳng")).Select(o => o.Id).FirstAsync());
        var response = await specialist.PostFormAsync("/Proposals/Create", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.ContentItemId"] = itemId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.LeadOrganizationId"] = orgId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.StartYear"] = "2025",
            ["Input.EndYear"] = "2025",
            ["Input.TotalCost"] = "1.250.000.000",
            ["Input.ProvincialShare"] = "375.000.000",
            ["Input.Objectives"] = "Nâng cao tay nghề công nhân",
        });
        return IdFromLocation(response);
    }

    private static async Task AssertStepAsync(HttpClient client, int id, string handler, Dictionary<string, string> fields, CnhtFactory portal, ProposalStatus expected)
    {
        var response = await client.PostStepAsync(id, handler, fields);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            Assert.Fail($"{handler}: {(int)response.StatusCode} {Text(await response.Content.ReadAsStringAsync())[..2000]}");
        }

        Assert.Equal(expected, await StatusAsync(portal, id));
    }

    [Fact]
    public async Task A_proposal_walks_every_step_from_draft_to_accepted_each_taken_by_its_role()
    {
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var center = await portal.SignInAsAsync("SupportCenter");
        var leader = await portal.SignInAsAsync("DoitLeader");
        var id = await CreateDraftOverHttpAsync(specialist, "Đào tạo kỹ thuật viên khuôn mẫu cho doanh nghiệp CNHT");
        await AttachDossierAsync(portal, id);
        Assert.Equal(ProposalStatus.Draft, await StatusAsync(portal, id));
        Assert.Equal(1_250_000_000m, await ReadAsync(portal, db => db.Proposals.Where(p => p.Id == id).Select(p => p.RequestedTotalCost).SingleAsync()));

        await AssertStepAsync(specialist, id, "Submit", Fields(("Comment", "Hồ sơ đầy đủ")), portal, ProposalStatus.Submitted);
        await AssertStepAsync(center, id, "ReturnForRevision", Fields(("Comment", "Bổ sung dự toán chi tiết")), portal, ProposalStatus.Draft);
        await AssertStepAsync(specialist, id, "Submit", Fields(), portal, ProposalStatus.Submitted);
        await AssertStepAsync(center, id, "Appraise", Fields(("Date", Today), ("Comment", "Hội đồng đồng ý, đề nghị điều chỉnh kinh phí"), ("TotalCost", "1.200.000.000"), ("ProvincialShare", "360.000.000")), portal, ProposalStatus.Appraised);
        await AssertStepAsync(leader, id, "Approve", Fields(("DecisionNumber", "125/QĐ-SCT"), ("Date", Today), ("TotalCost", "1.200.000.000"), ("ProvincialShare", "350.000.000")), portal, ProposalStatus.Approved);
        await AssertStepAsync(center, id, "StartImplementation", Fields(), portal, ProposalStatus.Implementing);
        await AssertStepAsync(center, id, "Accept", Fields(("Date", Today), ("Comment", "Đạt yêu cầu, bàn giao đủ sản phẩm")), portal, ProposalStatus.Accepted);

        var p = await ReadAsync(portal, db => db.Proposals.AsNoTracking().Include(x => x.Transitions).SingleAsync(x => x.Id == id));
        Assert.Equal(350_000_000m, p.ApprovedProvincialShare);
        Assert.Equal(360_000_000m, p.RecommendedProvincialShare);
        Assert.Equal("125/QĐ-SCT", p.DecisionNumber);
        Assert.Equal(
            [null, ProposalAction.Submit, ProposalAction.ReturnForRevision, ProposalAction.Submit, ProposalAction.Appraise, ProposalAction.Approve, ProposalAction.StartImplementation, ProposalAction.Accept],
            p.Transitions.OrderBy(t => t.Id).Select(t => t.Action));
        Assert.Equal(
            ["chuyenvien@cnht.demo", "chuyenvien@cnht.demo", "trungtam@cnht.demo", "chuyenvien@cnht.demo", "trungtam@cnht.demo", "lanhdao@cnht.demo", "trungtam@cnht.demo", "trungtam@cnht.demo"],
            p.Transitions.OrderBy(t => t.Id).Select(t => t.UserName));

        // The page shows the timeline with who and the comments, and the approved amounts.
        var text = Text(await specialist.GetStringAsync($"/Proposals/Details/{id}"));
        foreach (var expected in new[] { "Tạo dự thảo", "Nộp hồ sơ", "Trả lại để chỉnh sửa", "Bổ sung dự toán chi tiết", "Ghi kết quả thẩm định", "Phê duyệt", "Bắt đầu thực hiện", "Nghiệm thu", "Đạt yêu cầu, bàn giao đủ sản phẩm", "350.000.000", "Số 125/QĐ-SCT", "Đã nghiệm thu" })
        {
            Assert.Contains(expected, text);
        }
    }

    [Fact]
    public async Task A_leader_rejects_an_appraised_proposal_with_a_reason()
    {
        var id = await InStatusAsync(portal, ProposalStatus.Appraised);
        var leader = await portal.SignInAsAsync("DoitLeader");
        var refused = await leader.PostStepAsync(id, "Reject", Fields(("Comment", " ")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Lý do không được để trống.", Text(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(ProposalStatus.Appraised, await StatusAsync(portal, id));

        await AssertStepAsync(leader, id, "Reject", Fields(("Comment", "Không thuộc lĩnh vực ưu tiên")), portal, ProposalStatus.Rejected);
        Assert.Equal("Không thuộc lĩnh vực ưu tiên", await ReadAsync(portal, db => db.Proposals.Where(p => p.Id == id).Select(p => p.ClosingReason).SingleAsync()));
    }

    [Fact]
    public async Task A_specialist_cancels_a_draft_and_a_leader_cancels_an_approved_proposal()
    {
        var draft = await InStatusAsync(portal, ProposalStatus.Draft);
        await AssertStepAsync(await portal.SignInAsAsync("DoitSpecialist"), draft, "Cancel", Fields(("Comment", "Đơn vị rút hồ sơ")), portal, ProposalStatus.Cancelled);
        var approved = await InStatusAsync(portal, ProposalStatus.Approved);
        await AssertStepAsync(await portal.SignInAsAsync("DoitLeader"), approved, "Cancel", Fields(("Comment", "Đơn vị không triển khai")), portal, ProposalStatus.Cancelled);
    }

    public static TheoryData<string, ProposalStatus, string, string> WrongRoles => new()
    {
        // action, a status where the action is allowed, a role that may not take it, who may
        { "Submit", ProposalStatus.Draft, "SupportCenter", "Chuyên viên Sở" },
        { "Submit", ProposalStatus.Draft, "DoitLeader", "Chuyên viên Sở" },
        { "Appraise", ProposalStatus.Submitted, "DoitSpecialist", "Trung tâm Hỗ trợ" },
        { "Appraise", ProposalStatus.Submitted, "DoitLeader", "Trung tâm Hỗ trợ" },
        { "Approve", ProposalStatus.Appraised, "DoitSpecialist", "Lãnh đạo Sở" },
        { "Approve", ProposalStatus.Appraised, "SupportCenter", "Lãnh đạo Sở" },
        { "Reject", ProposalStatus.Appraised, "SupportCenter", "Lãnh đạo Sở" },
        { "StartImplementation", ProposalStatus.Approved, "DoitLeader", "Trung tâm Hỗ trợ" },
        { "Accept", ProposalStatus.Implementing, "DoitSpecialist", "Trung tâm Hỗ trợ" },
        { "Accept", ProposalStatus.Implementing, "DoitLeader", "Trung tâm Hỗ trợ" },
        { "Cancel", ProposalStatus.Approved, "SupportCenter", "Lãnh đạo Sở" },
        { "Cancel", ProposalStatus.Approved, "DoitSpecialist", "Lãnh đạo Sở" },
        { "ReturnForRevision", ProposalStatus.Submitted, "DoitSpecialist", "Lãnh đạo Sở" },
    };

    [Theory]
    [MemberData(nameof(WrongRoles))]
    public async Task A_step_posted_by_hand_by_a_role_that_may_not_take_it_is_refused_by_the_domain(string handler, ProposalStatus status, string role, string whoMay)
    {
        var id = await InStatusAsync(portal, status);
        var client = await portal.SignInAsAsync(role);
        var response = await client.PostStepAsync(id, handler, CompleteFields());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("chỉ dành cho", text);
        Assert.Contains(whoMay, text);
        Assert.Equal(status, await StatusAsync(portal, id));
    }

    public static TheoryData<string, ProposalStatus, string> WrongStates => new()
    {
        { "Submit", ProposalStatus.Approved, "DoitSpecialist" },
        { "Appraise", ProposalStatus.Draft, "SupportCenter" },
        { "Approve", ProposalStatus.Submitted, "DoitLeader" },
        { "Approve", ProposalStatus.Rejected, "DoitLeader" },
        { "Reject", ProposalStatus.Approved, "DoitLeader" },
        { "StartImplementation", ProposalStatus.Appraised, "SupportCenter" },
        { "Accept", ProposalStatus.Approved, "SupportCenter" },
        { "Cancel", ProposalStatus.Settled, "DoitLeader" },
        { "Cancel", ProposalStatus.Cancelled, "DoitLeader" },
        { "Cancel", ProposalStatus.Rejected, "DoitLeader" },
        { "ReturnForRevision", ProposalStatus.Approved, "DoitLeader" },
        { "ReturnForRevision", ProposalStatus.Draft, "SupportCenter" },
    };

    [Theory]
    [MemberData(nameof(WrongStates))]
    public async Task A_step_posted_by_hand_in_a_state_that_does_not_allow_it_is_refused_by_the_domain(string handler, ProposalStatus status, string role)
    {
        var id = await InStatusAsync(portal, status);
        var client = await portal.SignInAsAsync(role);
        var response = await client.PostStepAsync(id, handler, CompleteFields());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Không thể thực hiện thao tác", text);
        Assert.Contains(status.DisplayName(), text);
        Assert.Equal(status, await StatusAsync(portal, id));
    }

    [Theory]
    [InlineData("Viewer")]
    [InlineData("Admin")]
    public async Task Roles_without_any_step_are_turned_away_before_the_domain(string role)
    {
        var id = await InStatusAsync(portal, ProposalStatus.Appraised);
        var client = await portal.SignInAsAsync(role);
        var page = await client.GetAsync($"/Proposals/Details/{id}");
        if (role == "Viewer")
        {
            // Viewers read the page but see no step buttons.
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.DoesNotContain("data-action=", await page.Content.ReadAsStringAsync());
            var response = await client.PostStepAsync(id, "Approve", CompleteFields());
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        }

        Assert.Equal(ProposalStatus.Appraised, await StatusAsync(portal, id));
    }

    [Fact]
    public async Task The_page_offers_each_role_only_the_steps_the_workflow_gives_it()
    {
        var id = await InStatusAsync(portal, ProposalStatus.Submitted);
        static async Task<string[]> ActionsAsync(HttpClient c, int id) =>
            System.Text.RegularExpressions.Regex.Matches(await c.GetStringAsync($"/Proposals/Details/{id}"), "data-action=\"(\\w+)\"").Select(m => m.Groups[1].Value).ToArray();

        Assert.Equal(["Appraise", "ReturnForRevision"], await ActionsAsync(await portal.SignInAsAsync("SupportCenter"), id));
        Assert.Equal(["ReturnForRevision", "Cancel"], await ActionsAsync(await portal.SignInAsAsync("DoitLeader"), id));
        Assert.Empty(await ActionsAsync(await portal.SignInAsAsync("DoitSpecialist"), id));
    }

    [Fact]
    public async Task Appraisal_without_a_date_or_with_a_malformed_amount_shows_vietnamese_messages_next_to_the_fields()
    {
        var id = await InStatusAsync(portal, ProposalStatus.Submitted);
        var center = await portal.SignInAsAsync("SupportCenter");
        var response = await center.PostStepAsync(id, "Appraise", Fields(("Comment", "Đồng ý"), ("TotalCost", "1,2 tỷ"), ("ProvincialShare", "300.000.000")));
        var text = Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Vui lòng nhập ngày thẩm định.", text);
        Assert.Contains("Tổng kinh phí đề nghị hỗ trợ phải là số đồng nguyên, viết như 1.250.000.000.", text);
        Assert.Equal(ProposalStatus.Submitted, await StatusAsync(portal, id));

        var tooMuch = await center.PostStepAsync(id, "Appraise", Fields(("Date", Today), ("Comment", "Đồng ý"), ("TotalCost", "100.000.000"), ("ProvincialShare", "300.000.000")));
        Assert.Contains("Ngân sách tỉnh hỗ trợ đề nghị không được lớn hơn tổng kinh phí đề nghị.", Text(await tooMuch.Content.ReadAsStringAsync()));
        Assert.Equal(ProposalStatus.Submitted, await StatusAsync(portal, id));
    }

    [Fact]
    public async Task The_page_shows_the_ledger_read_only_with_the_provincial_balance()
    {
        var id = await ReadAsync(portal, db => db.Proposals.Where(p => p.Code == "CNHT-2020-01").Select(p => p.Id).SingleAsync());
        var entries = await ReadAsync(portal, db => db.DisbursementEntries.CountAsync(e => e.ProposalId == id));
        var html = await (await portal.SignInAsAsync("Viewer")).GetStringAsync($"/Proposals/Details/{id}");
        Assert.Matches("data-figure=\"ceiling\">94\\.000\\.000<", html);
        Assert.Matches("data-figure=\"disbursed\">94\\.000\\.000<", html);
        Assert.Matches("data-figure=\"remaining\">0<", html);
        var ledger = html.IndexOf("id=\"ledger\"", StringComparison.Ordinal);
        var body = html[ledger..html.IndexOf("<tfoot>", ledger, StringComparison.Ordinal)];
        Assert.Equal(entries + 1, System.Text.RegularExpressions.Regex.Count(body, "<tr[ >]")); // header row + one per entry
        Assert.DoesNotContain("data-action=", html);
    }

    /// <summary>Every field a step may need, valid, so only role or state can cause the refusal.</summary>
    private static Dictionary<string, string> CompleteFields() => Fields(
        ("Comment", "Ý kiến thử"), ("Date", Today), ("DecisionNumber", "1/QĐ-SCT"), ("TotalCost", "900.000.000"), ("ProvincialShare", "270.000.000"));
}

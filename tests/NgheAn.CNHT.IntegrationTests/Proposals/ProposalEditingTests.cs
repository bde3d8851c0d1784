using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.IntegrationTests.Support;
using static NgheAn.CNHT.IntegrationTests.Support.ProposalArrange;

namespace NgheAn.CNHT.IntegrationTests.Proposals;

/// <summary>Creating and editing proposals: Vietnamese amounts and messages, nothing half-saved, optimistic concurrency.</summary>
public sealed partial class ProposalEditingTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private async Task<Dictionary<string, string>> ValidFormAsync(string title)
    {
        var itemId = await ReadAsync(portal, db => db.ContentItems.Where(i => i.Code == "1.4" && i.Group.Program.Code == "2018-2025").Select(i => i.Id).FirstAsync());
        var orgId = await ReadAsync(portal, db => db.Organizations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());
        return new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.ContentItemId"] = itemId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.LeadOrganizationId"] = orgId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.StartYear"] = "2024",
            ["Input.EndYear"] = "2025",
            ["Input.TotalCost"] = "1.250.000.000",
            ["Input.ProvincialShare"] = "400.000.000",
        };
    }

    private static readonly string ValidTaxCode = "290135794" + NgheAn.CNHT.Domain.Organizations.TaxCode.CheckDigit("290135794");
    private static readonly string WrongTaxCode = "290135794" + (char)('0' + ((NgheAn.CNHT.Domain.Organizations.TaxCode.CheckDigit("290135794") - '0' + 1) % 10));

    private Task<int> CountAsync() => ReadAsync(portal, db => db.Proposals.CountAsync());
    private Task<int> OrganizationCountAsync() => ReadAsync(portal, db => db.Organizations.CountAsync());

    [Fact]
    public async Task A_catalog_still_being_set_up_takes_no_proposal_until_it_is_locked()
    {
        await using var own = new CnhtFactory();
        await own.EnsureDemoUsersAsync();
        // The 2026-2030 program is still a draft: give one of its groups an item.
        var itemId = await own.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<NgheAn.CNHT.Infrastructure.Persistence.AppDbContext>();
            var group = await db.ContentGroups.Include(g => g.Items).Include(g => g.Program).FirstAsync(g => g.Program.Code == "2026-2030");
            var item = group.AddItem($"{group.Code}.9", "Nội dung đang lập", 1_000_000_000m);
            await db.SaveChangesAsync();
            return item.Id;
        });

        var client = await own.SignInAsAsync("DoitSpecialist");
        Assert.DoesNotContain($"value=\"{itemId}\"", await client.GetStringAsync("/Proposals/Create"));
        var form = await ValidFormAsync("Đề án vào danh mục chưa khóa");
        form["Input.ContentItemId"] = itemId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        form["Input.StartYear"] = "2026";
        form["Input.EndYear"] = "2026";
        var before = await ReadAsync(own, db => db.Proposals.CountAsync());
        var response = await client.PostFormAsync("/Proposals/Create", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Danh mục Chương trình 2026-2030 đang được lập, chưa khóa", Text(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await ReadAsync(own, db => db.Proposals.CountAsync()));
    }

    [Fact]
    public async Task A_specialist_creates_a_draft_with_amounts_typed_the_vietnamese_way_and_a_numbered_code()
    {
        var client = await portal.SignInAsAsync("DoitSpecialist");
        var response = await client.PostFormAsync("/Proposals/Create", await ValidFormAsync("Quảng bá sản phẩm CNHT trên truyền hình"));
        var id = IdFromLocation(response);
        var p = await ReadAsync(portal, db => db.Proposals.AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal(1_250_000_000m, p.RequestedTotalCost);
        Assert.Equal(400_000_000m, p.RequestedProvincialShare);
        Assert.Matches("^CNHT-2024-\\d{2}$", p.Code);
        Assert.Equal(ProposalStatus.Draft, p.Status);
        Assert.Equal("quang ba san pham cnht tren truyen hinh", p.SearchText[(p.Code.Length + 1)..]);
        Assert.Equal("chuyenvien@cnht.demo", p.CreatedBy);

        var page = Text(await client.GetStringAsync($"/Proposals/Details/{id}"));
        Assert.Contains("1.250.000.000", page);
        Assert.Contains("1.250,000 triệu", page);
        Assert.Contains("850.000.000", page); // counterpart and other sources
    }

    [Fact]
    public async Task Invalid_input_shows_vietnamese_messages_next_to_the_fields_and_saves_nothing()
    {
        var client = await portal.SignInAsAsync("DoitSpecialist");
        var before = await CountAsync();
        var form = await ValidFormAsync("");
        form["Input.TotalCost"] = "1,25 tỷ";
        form["Input.ProvincialShare"] = "400.000.000";
        var response = await client.PostFormAsync("/Proposals/Create", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Tên đề án không được để trống.", FieldMessage(html, "Input.Title"));
        Assert.Contains("Tổng kinh phí phải là số đồng nguyên, viết như 1.250.000.000.", FieldMessage(html, "Input.TotalCost"));

        form = await ValidFormAsync("Đề án có ngân sách tỉnh lớn hơn tổng kinh phí");
        form["Input.ProvincialShare"] = "2.000.000.000";
        html = await (await client.PostFormAsync("/Proposals/Create", form)).Content.ReadAsStringAsync();
        Assert.Contains("Ngân sách tỉnh hỗ trợ không được lớn hơn tổng kinh phí.", FieldMessage(html, "Input.ProvincialShare"));

        form = await ValidFormAsync("Đề án ngoài giai đoạn chương trình");
        form["Input.StartYear"] = "2027";
        form["Input.EndYear"] = "2027";
        html = await (await client.PostFormAsync("/Proposals/Create", form)).Content.ReadAsStringAsync();
        Assert.Contains("Năm bắt đầu phải nằm trong giai đoạn của chương trình (2018-2025).", FieldMessage(html, "Input.StartYear"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_lead_unit_created_inline_is_saved_with_the_proposal_or_not_at_all()
    {
        var client = await portal.SignInAsAsync("DoitSpecialist");
        var proposals = await CountAsync();
        var organizations = await OrganizationCountAsync();

        // The unit is valid but the proposal is not: neither is saved.
        var form = await ValidFormAsync("Đề án của đơn vị mới");
        form.Remove("Input.LeadOrganizationId");
        form["Input.CreateOrganization"] = "true";
        form["Input.NewOrganization.Name"] = "Công ty TNHH Khuôn mẫu Yên Thành";
        form["Input.NewOrganization.Kind"] = "SupportingIndustryEnterprise";
        form["Input.NewOrganization.TaxCode"] = ValidTaxCode;
        form["Input.ProvincialShare"] = "9.000.000.000";
        var refused = await client.PostFormAsync("/Proposals/Create", form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(proposals, await CountAsync());
        Assert.Equal(organizations, await OrganizationCountAsync());

        // A wrong tax code is shown next to the unit's field.
        form["Input.ProvincialShare"] = "400.000.000";
        form["Input.NewOrganization.TaxCode"] = WrongTaxCode;
        var html = await (await client.PostFormAsync("/Proposals/Create", form)).Content.ReadAsStringAsync();
        Assert.Contains("sai chữ số kiểm tra", FieldMessage(html, "Input.NewOrganization.TaxCode"));
        Assert.Equal(organizations, await OrganizationCountAsync());

        // Valid: both saved, the proposal led by the new unit.
        form["Input.NewOrganization.TaxCode"] = ValidTaxCode;
        var created = await client.PostFormAsync("/Proposals/Create", form);
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, Text(await created.Content.ReadAsStringAsync()));
        var id = IdFromLocation(created);
        var lead = await ReadAsync(portal, db => db.Proposals.Where(p => p.Id == id).Select(p => p.LeadOrganization.Name).SingleAsync());
        Assert.Equal("Công ty TNHH Khuôn mẫu Yên Thành", lead);
        Assert.Equal(organizations + 1, await OrganizationCountAsync());
    }

    [Fact]
    public async Task The_second_of_two_concurrent_edits_is_refused_and_shows_what_changed_old_to_new()
    {
        var id = await InStatusAsync(portal, ProposalStatus.Draft, title: "Tên ban đầu của đề án");
        var first = await portal.SignInAsAsync("DoitSpecialist");
        var second = await portal.SignInAsAsync("DoitSpecialist");
        var firstForm = FormValues(await first.GetStringAsync($"/Proposals/Edit/{id}"));
        var secondForm = FormValues(await second.GetStringAsync($"/Proposals/Edit/{id}"));
        Assert.Equal(firstForm["Input.ConcurrencyStamp"], secondForm["Input.ConcurrencyStamp"]);

        firstForm["Input.Title"] = "Tên do người thứ nhất sửa";
        firstForm["Input.TotalCost"] = "1.100.000.000";
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostAsync($"/Proposals/Edit/{id}", new FormUrlEncodedContent(firstForm))).StatusCode);

        secondForm["Input.Title"] = "Tên do người thứ hai sửa";
        var conflict = await second.PostAsync($"/Proposals/Edit/{id}", new FormUrlEncodedContent(secondForm));
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var html = await conflict.Content.ReadAsStringAsync();
        var text = Text(html);
        Assert.Contains("Đề án vừa được thay đổi bởi chuyenvien@cnht.demo", text);
        Assert.Matches("Tên đề án\\s+Tên ban đầu của đề án\\s+Tên do người thứ nhất sửa", text);
        Assert.Matches("Tổng kinh phí đề nghị\\s+1\\.000\\.000\\.000 đồng\\s+1\\.100\\.000\\.000 đồng", text);
        // Nothing was overwritten; the user's own text is still in the form.
        Assert.Equal("Tên do người thứ nhất sửa", await ReadAsync(portal, db => db.Proposals.Where(p => p.Id == id).Select(p => p.Title).SingleAsync()));
        var rearmed = FormValues(html);
        Assert.Equal("Tên do người thứ hai sửa", rearmed["Input.Title"]);
        Assert.NotEqual(secondForm["Input.ConcurrencyStamp"], rearmed["Input.ConcurrencyStamp"]);

        // Saving again, knowingly, with the current version goes through.
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostAsync($"/Proposals/Edit/{id}", new FormUrlEncodedContent(rearmed))).StatusCode);
        Assert.Equal("Tên do người thứ hai sửa", await ReadAsync(portal, db => db.Proposals.Where(p => p.Id == id).Select(p => p.Title).SingleAsync()));
    }

    [Fact]
    public async Task A_step_taken_on_a_page_that_went_stale_is_refused_with_the_change_that_happened()
    {
        var id = await InStatusAsync(portal, ProposalStatus.Appraised);
        var leaderA = await portal.SignInAsAsync("DoitLeader");
        var leaderB = await portal.SignInAsAsync("DoitLeader");
        var stamp = StampOf(await leaderB.GetStringAsync($"/Proposals/Details/{id}"));
        var fields = new Dictionary<string, string> { ["Act.Stamp"] = stamp, ["Act.Comment"] = "Thiếu biên bản họp hội đồng" };
        Assert.Equal(HttpStatusCode.Redirect, (await leaderA.PostStepAsync(id, "ReturnForRevision", fields)).StatusCode);

        fields = new Dictionary<string, string> { ["Act.Stamp"] = stamp, ["Act.DecisionNumber"] = "7/QĐ-SCT", ["Act.Date"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Act.TotalCost"] = "900.000.000", ["Act.ProvincialShare"] = "270.000.000" };
        var stale = await leaderB.PostStepAsync(id, "Approve", fields);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var text = Text(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Đề án vừa được thay đổi bởi lanhdao@cnht.demo", text);
        Assert.Matches("Trạng thái: Đã thẩm định →\\s+Dự thảo", text);
        Assert.Equal(ProposalStatus.Draft, await StatusAsync(portal, id));
    }

    [Fact]
    public async Task Editing_a_proposal_that_is_no_longer_a_draft_is_refused_also_when_posted_by_hand()
    {
        var id = await InStatusAsync(portal, ProposalStatus.Submitted);
        var client = await portal.SignInAsAsync("DoitSpecialist");
        var get = await client.GetAsync($"/Proposals/Edit/{id}");
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);

        var form = await ValidFormAsync("Sửa lén sau khi nộp");
        form["Input.ConcurrencyStamp"] = await ReadAsync(portal, db => db.Proposals.Where(p => p.Id == id).Select(p => p.ConcurrencyStamp.ToString()).SingleAsync());
        // The antiforgery token is the user's, so the create page provides one for a hand-made post to the edit page.
        var response = await client.PostFormAsync("/Proposals/Create", form, $"/Proposals/Edit/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Chỉ sửa được đề án ở trạng thái \"Dự thảo\"", WebUtility.HtmlDecode(html));
        Assert.Equal("Đề án kiểm thử quy trình", await ReadAsync(portal, db => db.Proposals.Where(p => p.Id == id).Select(p => p.Title).SingleAsync()));

        // From a page opened before it was submitted (an older version): the same answer, not "changed since, save again".
        form["Input.ConcurrencyStamp"] = Guid.NewGuid().ToString();
        var stale = WebUtility.HtmlDecode(await (await client.PostFormAsync("/Proposals/Create", form, $"/Proposals/Edit/{id}")).Content.ReadAsStringAsync());
        Assert.Contains("Chỉ sửa được đề án ở trạng thái \"Dự thảo\"", stale);
        Assert.DoesNotContain("Đề án vừa được thay đổi", stale);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("khong-phai-guid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task An_edit_without_a_readable_version_says_so_and_saves_nothing(string? stamp)
    {
        var id = await InStatusAsync(portal, ProposalStatus.Draft);
        var client = await portal.SignInAsAsync("DoitSpecialist");
        var form = await ValidFormAsync("Sửa không có phiên bản");
        if (stamp is not null)
        {
            form["Input.ConcurrencyStamp"] = stamp;
        }

        var response = await client.PostFormAsync($"/Proposals/Edit/{id}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Biểu mẫu thiếu thông tin phiên bản của đề án", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal("Đề án kiểm thử quy trình", await ReadAsync(portal, db => db.Proposals.Where(p => p.Id == id).Select(p => p.Title).SingleAsync()));
    }

    [Theory]
    [InlineData("DoitLeader")]
    [InlineData("SupportCenter")]
    [InlineData("Viewer")]
    public async Task Only_specialists_reach_the_proposal_forms(string role)
    {
        var client = await portal.SignInAsAsync(role);
        var response = await client.GetAsync("/Proposals/Create");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }

    /// <summary>The validation message rendered for one field.</summary>
    private static string FieldMessage(string html, string field)
    {
        var match = Regex.Match(html, $"data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>(.*?)</span>", RegexOptions.Singleline);
        return match.Success ? WebUtility.HtmlDecode(Regex.Replace(match.Groups[1].Value, "<[^>]+>", "")) : "";
    }

    private static string StampOf(string html) => Regex.Match(html, "name=\"Act.Stamp\" value=\"([^\"]+)\"").Groups[1].Value;

    /// <summary>The named inputs, selected options and textareas of a page's form, as a browser would post them.</summary>
    internal static Dictionary<string, string> FormValues(string html)
    {
        var values = new Dictionary<string, string>();
        foreach (Match m in InputRegex().Matches(html))
        {
            var tag = m.Value;
            var name = Regex.Match(tag, "name=\"([^\"]+)\"").Groups[1].Value;
            if (tag.Contains("type=\"checkbox\"", StringComparison.Ordinal) && !tag.Contains("checked", StringComparison.Ordinal))
            {
                continue;
            }

            if (!values.ContainsKey(name) || !tag.Contains("type=\"hidden\"", StringComparison.Ordinal))
            {
                values[name] = WebUtility.HtmlDecode(Regex.Match(tag, "value=\"([^\"]*)\"").Groups[1].Value);
            }
        }

        foreach (Match m in Regex.Matches(html, "<select[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", RegexOptions.Singleline))
        {
            var selected = Regex.Match(m.Groups[2].Value, "<option[^>]*value=\"([^\"]*)\"[^>]*selected");
            values[m.Groups[1].Value] = selected.Success ? WebUtility.HtmlDecode(selected.Groups[1].Value) : "";
        }

        foreach (Match m in Regex.Matches(html, "<textarea[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline))
        {
            values[m.Groups[1].Value] = WebUtility.HtmlDecode(m.Groups[2].Value.TrimStart('\r', '\n'));
        }

        return values;
    }

    [GeneratedRegex("<input[^>]*name=\"[^\"]+\"[^>]*>")]
    private static partial Regex InputRegex();
}

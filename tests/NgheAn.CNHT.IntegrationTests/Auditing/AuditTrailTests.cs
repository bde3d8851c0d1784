using System.Net;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.IntegrationTests.Proposals;
using NgheAn.CNHT.IntegrationTests.Support;
using static NgheAn.CNHT.IntegrationTests.Support.ProposalArrange;

namespace NgheAn.CNHT.IntegrationTests.Auditing;

/// <summary>The changes made through the pages land in the audit trail, and leadership can browse them.</summary>
public sealed class AuditTrailTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    [Fact]
    public async Task An_edit_a_step_and_an_upload_are_in_the_trail_with_who_and_old_to_new()
    {
        var id = await InStatusAsync(portal, ProposalStatus.Draft, title: "Đề án trước khi sửa");
        await AttachDossierAsync(portal, id);
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var form = ProposalEditingTests.FormValues(await specialist.GetStringAsync($"/Proposals/Edit/{id}"));
        form["Input.Title"] = "Đề án sau khi sửa";
        form["Input.ProvincialShare"] = "250.000.000";
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.PostAsync($"/Proposals/Edit/{id}", new FormUrlEncodedContent(form))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await specialist.PostStepAsync(id, "Submit", new Dictionary<string, string> { ["Act.Comment"] = "Nộp bản đã sửa" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AttachmentTests.UploadAsync(specialist, id, "to-trinh.pdf", AttachmentTests.Pdf, "Application")).StatusCode);

        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = await ReadAsync(portal, db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Proposal" && a.EntityKey == key && a.Action == "Update").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal("chuyenvien@cnht.demo", e.UserName));
        Assert.Contains("\"Title\":[\"Đề án trước khi sửa\",\"Đề án sau khi sửa\"]", entries[0].Changes);
        Assert.Matches("\"RequestedProvincialShare\":\\[300000000(\\.0)?,250000000(\\.0)?\\]", entries[0].Changes); // SQLite reads decimals back as 300000000.0
        Assert.Contains("\"Status\":[\"Draft\",\"Submitted\"]", entries[1].Changes);
        Assert.True(await ReadAsync(portal, db => db.AuditEntries.AnyAsync(a => a.EntityType == "ProposalTransition" && a.Action == "Insert" && a.Changes.Contains("Nộp bản đã sửa"))));
        Assert.True(await ReadAsync(portal, db => db.AuditEntries.AnyAsync(a => a.EntityType == "Attachment" && a.Action == "Insert" && a.Changes.Contains("to-trinh.pdf") && a.UserName == "chuyenvien@cnht.demo")));

        // The leader sees them on the audit page, in Vietnamese, filtered to this proposal.
        var leader = await portal.SignInAsAsync("DoitLeader");
        var page = Text(await leader.GetStringAsync($"/Audit?entity=Proposal&key={id}"));
        Assert.Contains("3 bản ghi nhật ký", page); // insert, edit, submit
        Assert.Matches("Tên đề án:\\s+Đề án trước khi sửa\\s+→\\s+Đề án sau khi sửa", page);
        Assert.Matches("Ngân sách tỉnh hỗ trợ đề nghị:\\s+300\\.000\\.000 đồng\\s+→\\s+250\\.000\\.000 đồng", page);
        Assert.Matches("Trạng thái:\\s+Dự thảo\\s+→\\s+Hồ sơ đã nộp", page);

        var byUser = Text(await leader.GetStringAsync($"/Audit?user=chuyenvien&entity=Attachment"));
        Assert.Contains("to-trinh.pdf", byUser);
        var today = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("Đề án sau khi sửa", Text(await leader.GetStringAsync($"/Audit?entity=Proposal&from={today}&to={today}")));
        Assert.Contains("0 bản ghi nhật ký", Text(await leader.GetStringAsync($"/Audit?entity=Proposal&key={id}&to=2020-01-01")));
    }

    [Fact]
    public async Task A_reversed_date_range_is_explained_not_failed()
    {
        var leader = await portal.SignInAsAsync("DoitLeader");
        var page = Text(await leader.GetStringAsync("/Audit?from=2026-02-01&to=2026-01-01"));
        Assert.Contains("Ngày bắt đầu không được sau ngày kết thúc.", page);
    }

    [Theory]
    [InlineData("Admin", HttpStatusCode.OK)]
    [InlineData("DoitLeader", HttpStatusCode.OK)]
    [InlineData("DoitSpecialist", HttpStatusCode.Redirect)]
    [InlineData("SupportCenter", HttpStatusCode.Redirect)]
    [InlineData("Viewer", HttpStatusCode.Redirect)]
    public async Task The_audit_page_is_for_the_administrator_and_leadership(string role, HttpStatusCode expected)
    {
        var client = await portal.SignInAsAsync(role);
        var response = await client.GetAsync("/Audit");
        Assert.Equal(expected, response.StatusCode);
        var nav = await (await client.GetAsync("/")).Content.ReadAsStringAsync();
        Assert.Equal(expected == HttpStatusCode.OK, nav.Contains("href=\"/Audit\"", StringComparison.Ordinal));
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Domain.Applications;
using NgheAn.CNHT.IntegrationTests.Proposals;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Enterprises;

/// <summary>Bad input on applications: a clear Vietnamese message, and nothing saved.</summary>
public sealed class ApplicationRulesTests(EnterprisePortal portal) : IClassFixture<EnterprisePortal>
{
    private async Task<(HttpClient Client, int Id, int ItemB)> ReadyDraftAsync(bool verified = true, TimeSpan? openFor = null)
    {
        var (_, itemA, itemB) = await portal.OpenCallAsync(openFor);
        var (client, _, _) = await portal.EnterpriseAsync(verified);
        var id = await EnterprisePortal.DraftAsync(client, itemA);
        return (client, id, itemB);
    }

    private Task<ApplicationStatus> StatusAsync(int id) => portal.ReadAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());

    [Fact]
    public async Task Submission_after_the_closing_time_is_refused_by_the_server_clock()
    {
        var (client, id, _) = await ReadyDraftAsync(openFor: TimeSpan.FromHours(2));
        await EnterprisePortal.UploadChecklistAsync(client, id);
        portal.Clock.Offset = TimeSpan.FromHours(3);
        try
        {
            var response = await EnterprisePortal.PostHandlerAsync(client, $"/Applications/Details/{id}", "Submit");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Đã hết thời gian nhận hồ sơ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(ApplicationStatus.Draft, await StatusAsync(id));
            Assert.Null(await portal.ReadAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Code).SingleAsync()));
        }
        finally
        {
            portal.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Missing_required_documents_are_named_and_submission_is_refused()
    {
        var (client, id, _) = await ReadyDraftAsync();
        await EnterprisePortal.UploadAsync(client, id, "Đơn đề nghị hỗ trợ", "don.pdf", EnterprisePortal.Pdf);
        var response = await EnterprisePortal.PostHandlerAsync(client, $"/Applications/Details/{id}", "Submit");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("còn thiếu giấy tờ bắt buộc: Thuyết minh đề án", html, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Draft, await StatusAsync(id));
    }

    [Fact]
    public async Task An_unverified_account_keeps_its_draft_and_cannot_submit()
    {
        var (client, id, _) = await ReadyDraftAsync(verified: false);
        await EnterprisePortal.UploadChecklistAsync(client, id);
        var response = await EnterprisePortal.PostHandlerAsync(client, $"/Applications/Details/{id}", "Submit");
        Assert.Contains("chưa được Trung tâm xác minh", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Draft, await StatusAsync(id));
    }

    [Fact]
    public async Task A_spoofed_file_is_refused_and_not_stored()
    {
        var (client, id, _) = await ReadyDraftAsync();
        var files = await portal.ReadAsync(db => db.DossierFiles.CountAsync());
        var response = await EnterprisePortal.UploadAsync(client, id, "Đơn đề nghị hỗ trợ", "don.pdf", AttachmentTests.Exe);
        Assert.Contains("không phải là", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(files, await portal.ReadAsync(db => db.DossierFiles.CountAsync()));
        Assert.Equal(0, await portal.ReadAsync(db => db.ApplicationDocuments.CountAsync(d => d.ApplicationId == id)));
    }

    [Theory]
    [InlineData("-5.000.000", "60.000.000", "40.000.000", "phải là số đồng nguyên")]
    [InlineData("5000000,5", "60.000.000", "40.000.000", "phải là số đồng nguyên")]
    [InlineData("5.000.000", "160.000.000", "0", "không được lớn hơn tổng dự toán")]
    [InlineData("5.000.000", "50.000.000", "10.000.000", "phải bằng tổng dự toán")]
    public async Task Bad_amounts_are_refused_with_a_vietnamese_message_and_nothing_changes(string unitPrice, string support, string counterpart, string message)
    {
        var (client, id, itemB) = await ReadyDraftAsync();
        var before = await portal.ReadAsync(db => db.Applications.Where(a => a.Id == id).Select(a => new { a.TotalCost, a.RequestedSupport, a.ConcurrencyStamp }).SingleAsync());
        var fields = EnterprisePortal.ApplicationFields(itemB, "Đề án sửa", support, counterpart, ("Thuê chuyên gia", "ngày công", "10", unitPrice), ("Mua thiết bị đo", "bộ", "1", "50.000.000"));
        var html = await client.GetStringAsync($"/Applications/Edit/{id}");
        fields["Stamp"] = EnterprisePortal.Stamp(html);
        var response = await client.PostFormAsync($"/Applications/Edit/{id}", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await portal.ReadAsync(db => db.Applications.Where(a => a.Id == id).Select(a => new { a.TotalCost, a.RequestedSupport, a.ConcurrencyStamp }).SingleAsync());
        Assert.Equal(before, after);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_stale_or_missing_concurrency_stamp_is_refused_and_nothing_is_saved(bool missing)
    {
        var (client, id, itemB) = await ReadyDraftAsync();
        var html = await client.GetStringAsync($"/Applications/Edit/{id}");
        var stale = EnterprisePortal.Stamp(html);
        // Someone changes the application in between (another tab, a colleague).
        Assert.Equal(HttpStatusCode.Redirect, (await EnterprisePortal.UploadAsync(client, id, "Đơn đề nghị hỗ trợ", "don.pdf", EnterprisePortal.Pdf)).StatusCode);
        var fields = EnterprisePortal.ApplicationFields(itemB, "Tên mới không được lưu");
        if (!missing)
        {
            fields["Stamp"] = stale;
        }

        var response = await client.PostFormAsync($"/Applications/Edit/{id}", fields);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(missing ? "thiếu dấu phiên bản" : "vừa được thay đổi", body, StringComparison.Ordinal);
        Assert.NotEqual("Tên mới không được lưu", await portal.ReadAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Title).SingleAsync()));
    }

    [Fact]
    public async Task A_new_application_after_the_call_closed_is_refused_and_nothing_is_saved()
    {
        var (_, itemA, _) = await portal.OpenCallAsync(TimeSpan.FromHours(2));
        var (client, _, _) = await portal.EnterpriseAsync();
        var html = await client.GetStringAsync($"/Applications/Create?callItemId={itemA}");
        portal.Clock.Offset = TimeSpan.FromHours(3);
        try
        {
            var form = new Dictionary<string, string>(EnterprisePortal.ApplicationFields(itemA)) { ["__RequestVerificationToken"] = NgheAn.CNHT.IntegrationTests.Support.WebPageHelpers.AntiforgeryToken(html) };
            var response = await client.PostAsync("/Applications/Create", new FormUrlEncodedContent(form));
            Assert.Contains("hết thời gian nhận hồ sơ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await portal.ReadAsync(db => db.Applications.CountAsync(a => a.CallItemId == itemA)));
        }
        finally
        {
            portal.Clock.Offset = TimeSpan.Zero;
        }
    }
}

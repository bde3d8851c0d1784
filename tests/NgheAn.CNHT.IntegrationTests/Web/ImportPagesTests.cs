using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using NgheAn.CNHT.IntegrationTests.DataExchange;
using NgheAn.CNHT.IntegrationTests.Support;
using NgheAn.CNHT.Web.Services;

namespace NgheAn.CNHT.IntegrationTests.Web;

/// <summary>An empty portal with the demo accounts, for the import pages.</summary>
public sealed class EmptyPortalWithUsers : CnhtFactory, IAsyncLifetime
{
    public EmptyPortalWithUsers() : base(seedDemoData: false) { }

    public Task InitializeAsync() => EnsureDemoUsersAsync();

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>Upload → preview → confirm in the portal, with and without the progress stream; refusals of wrong files.</summary>
public sealed partial class ImportPagesTests(EmptyPortalWithUsers portal) : IClassFixture<EmptyPortalWithUsers>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName, bool stream = false)
    {
        var html = await client.GetStringAsync("/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebPageHelpers.AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new StringContent("2018-2025"), "Input.ProgramCode" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(Xlsx);
        form.Add(file, "Input.File", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Import?handler=Upload") { Content = form };
        if (stream)
        {
            request.Headers.Accept.ParseAdd("application/x-ndjson");
        }

        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string preview, bool stream = false)
    {
        var html = await client.GetStringAsync(preview);
        var id = preview.Split('/')[^1];
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/Import/Preview/{id}?handler=Confirm")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebPageHelpers.AntiforgeryToken(html) }),
        };
        if (stream)
        {
            request.Headers.Accept.ParseAdd("application/x-ndjson");
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_leader_uploads_history_previews_and_confirms_and_the_rows_are_saved_once()
    {
        // Approved and settled history carries leadership's decisions: a leader imports it (ADR 0041).
        var client = await portal.SignInAsAsync("DoitLeader");
        var wb = WorkbookImportTests.History();
        wb.Proposal("WEB-2023-01", "Đề án nhập qua trang", "6.4", "Sở Công Thương Nghệ An", null, 2023, 2023, 120_000_000, 100_000_000, "Đã phê duyệt", "9/QĐ-SCT", "02/02/2023");
        var before = await portal.CountsAsync();

        var upload = await UploadAsync(client, wb.ToBytes(), "Lịch sử đề án.xlsx");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var preview = upload.Headers.Location!.OriginalString;
        Assert.StartsWith("/Import/Preview/", preview);
        Assert.Equal(before, await portal.CountsAsync());

        var page = await client.GetStringAsync(preview);
        Assert.Contains("Lịch sử đề án.xlsx", page);
        Assert.Contains("data-figure=\"new-proposals\">5<", page);
        Assert.Contains("Xác nhận nhập", page);
        Assert.Contains("Đổi mới công nghệ gia công CNC", page);

        var confirm = await ConfirmAsync(client, preview);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var after = await client.GetStringAsync(preview);
        Assert.Contains("Đã nhập 5 đề án", after);
        Assert.DoesNotContain("Xác nhận nhập", after);
        Assert.Equal(before.Proposals + 5, (await portal.CountsAsync()).Proposals);

        // Confirming the same batch again saves nothing more.
        var again = await ConfirmAsync(client, preview);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("đã được nhập", await client.GetStringAsync(preview));
        Assert.Equal(before.Proposals + 5, (await portal.CountsAsync()).Proposals);
    }

    [Fact]
    public async Task With_the_progress_stream_the_upload_and_the_confirmation_report_progress_then_where_to_go()
    {
        var client = await portal.SignInAsAsync("DoitLeader");
        var wb = new HandMadeWorkbook();
        for (var i = 0; i < 450; i++)
        {
            wb.Proposal($"ST-{i:000}", $"Đề án {i}", "3.3", "Báo Nghệ An", null, 2021, 2021, 10_000_000, 5_000_000, "Đã phê duyệt", $"{i}/QĐ", "02/02/2021");
        }

        var upload = await UploadAsync(client, wb.ToBytes(), "nhieu-dong.xlsx", stream: true);
        Assert.Equal("application/x-ndjson", upload.Content.Headers.ContentType?.MediaType);
        var lines = (await upload.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("\"type\":\"progress\"") && l.Contains("Kiểm tra dữ liệu"));
        var done = lines[^1];
        Assert.Contains("\"type\":\"done\"", done);
        var preview = RedirectOf().Match(done).Groups[1].Value;

        var confirm = await ConfirmAsync(client, preview, stream: true);
        var steps = (await confirm.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(steps.Count(l => l.Contains("Ghi vào cơ sở dữ liệu")) >= 2, string.Join("\n", steps));
        Assert.Contains("Đã nhập 450 đề án", steps[^1]);
        Assert.Contains("Đã nhập 450 đề án", await client.GetStringAsync(preview));
    }

    [Fact]
    public async Task A_workbook_with_errors_shows_each_problem_and_cannot_be_confirmed()
    {
        var client = await portal.SignInAsAsync("DoitSpecialist");
        var before = await portal.CountsAsync();
        var wb = new HandMadeWorkbook();
        wb.Proposal("ER-01", "Sai mã nội dung", "9.9", "Báo Nghệ An", null, 2021, 2021, "một tỷ", 5_000_000, "Dự thảo");

        var upload = await UploadAsync(client, wb.ToBytes(), "co-loi.xlsx");
        var page = await client.GetStringAsync(upload.Headers.Location!.OriginalString);

        Assert.Contains("Tệp có <strong>2 lỗi</strong>", page);
        Assert.Contains("Mã nội dung 9.9 không có trong danh mục", page);
        Assert.Contains("H (Tổng kinh phí (đồng))", page);
        Assert.Contains("&quot;một tỷ&quot; không phải số tiền hợp lệ", page);
        Assert.DoesNotContain("Xác nhận nhập", page);
        var confirm = await ConfirmAsync(client, upload.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(before, await portal.CountsAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_an_xlsx_is_refused_clearly()
    {
        var client = await portal.SignInAsAsync("DoitSpecialist");

        var pdf = await UploadAsync(client, "%PDF-1.7 giả"u8.ToArray(), "ke-hoach.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
        Assert.Contains("không phải bảng tính Excel .xlsx", await pdf.Content.ReadAsStringAsync());

        var renamed = await UploadAsync(client, "Mã đề án;Tên đề án"u8.ToArray(), "doi-ten.xlsx");
        var page = await client.GetStringAsync(renamed.Headers.Location!.OriginalString);
        Assert.Contains("không phải bảng tính Excel .xlsx", page);
    }

    [Fact]
    public async Task A_50_MB_upload_is_refused_before_it_is_read()
    {
        var client = await portal.SignInAsAsync("DoitSpecialist");
        var big = new byte[50 * 1024 * 1024];

        var plain = await UploadAsync(client, big, "qua-lon.xlsx");
        Assert.Equal(HttpStatusCode.SeeOther, plain.StatusCode);
        var page = await client.GetStringAsync(plain.Headers.Location!.OriginalString);
        Assert.Contains(ImportStreaming.TooLargeMessage, page);

        var streamed = await UploadAsync(client, big, "qua-lon.xlsx", stream: true);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
        Assert.Contains("quá lớn", await streamed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_specialist_or_the_support_center_cannot_bring_in_a_decision_that_is_leaderships()
    {
        var before = await portal.CountsAsync();
        var wb = new HandMadeWorkbook();
        wb.Proposal("QD-01", "Đề án đã phê duyệt trong tệp", "3.3", "Báo Nghệ An", null, 2021, 2021, 100_000_000, 50_000_000, "Đã phê duyệt", "5/QĐ-SCT", "02/02/2021");
        wb.Proposal("QD-02", "Đề án đã thẩm định trong tệp", "3.3", "Báo Nghệ An", null, 2021, 2021, 100_000_000, 50_000_000, "Đã thẩm định", null, "02/02/2021");
        wb.Proposal("QD-03", "Đề án dự thảo trong tệp", "3.3", "Báo Nghệ An", null, 2021, 2021, 100_000_000, 50_000_000, "Dự thảo");

        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var page = await specialist.GetStringAsync((await UploadAsync(specialist, wb.ToBytes(), "quyet-dinh.xlsx")).Headers.Location!.OriginalString);
        Assert.Contains("Tệp có <strong>2 lỗi</strong>", page);
        Assert.Contains("chỉ tài khoản Lãnh đạo Sở nhập được dòng này", page);
        Assert.Contains("chỉ Trung tâm Hỗ trợ hoặc Lãnh đạo Sở nhập được dòng này", page);
        Assert.DoesNotContain("Xác nhận nhập", page);

        // The Support Center may bring in an appraisal, not an approval.
        var center = await portal.SignInAsAsync("SupportCenter");
        page = await center.GetStringAsync((await UploadAsync(center, wb.ToBytes(), "quyet-dinh.xlsx")).Headers.Location!.OriginalString);
        Assert.Contains("Tệp có <strong>1 lỗi</strong>", page);
        Assert.Contains("chỉ tài khoản Lãnh đạo Sở nhập được dòng này", page);
        Assert.Equal(before, await portal.CountsAsync());

        // A leader imports the same file.
        var leader = await portal.SignInAsAsync("DoitLeader");
        var preview = (await UploadAsync(leader, wb.ToBytes(), "quyet-dinh.xlsx")).Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(leader, preview)).StatusCode);
        Assert.Equal(before.Proposals + 3, (await portal.CountsAsync()).Proposals);
    }

    [Fact]
    public async Task A_plan_in_the_file_that_differs_revises_the_portals_plan_for_doit_and_refuses_the_file_for_others()
    {
        await using var own = new EmptyPortalWithUsers();
        await own.EnsureDemoUsersAsync();
        // The program's export with item 1.1's plan changed from the portal's.
        var before = await own.ScopedAsync(sp => sp.GetRequiredService<NgheAn.CNHT.Infrastructure.Persistence.AppDbContext>().ContentItems
            .Where(i => i.Code == "1.1" && i.Group.Program.Code == "2018-2025").Select(i => new { i.Id, i.PlanAmount }).SingleAsync());
        byte[] edited;
        using (var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await own.ExportAsync())))
        {
            var sheet = workbook.Worksheet("DanhMuc");
            var row = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "1.1");
            row.Cell(3).Value = before.PlanAmount + 36_000_000m;
            using var ms = new MemoryStream();
            workbook.SaveAs(ms);
            edited = ms.ToArray();
        }

        // The Support Center does not set plan targets: the file is refused at that row.
        var center = await own.SignInAsAsync("SupportCenter");
        var refused = await center.GetStringAsync((await UploadAsync(center, edited, "ke-hoach.xlsx")).Headers.Location!.OriginalString);
        Assert.Contains("kế hoạch do Chuyên viên hoặc Lãnh đạo Sở điều chỉnh", refused);
        Assert.DoesNotContain("Xác nhận nhập", refused);

        // A specialist sees the change announced, confirms, and the plan is revised with its history.
        var specialist = await own.SignInAsAsync("DoitSpecialist");
        var preview = (await UploadAsync(specialist, edited, "ke-hoach.xlsx")).Headers.Location!.OriginalString;
        var page = await specialist.GetStringAsync(preview);
        Assert.Contains($"Kế hoạch nội dung 1.1 theo tệp là {NgheAn.CNHT.Domain.Common.VnFormat.Dong(before.PlanAmount + 36_000_000m)} đồng", page);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(specialist, preview)).StatusCode);
        var revision = await own.ScopedAsync(sp => sp.GetRequiredService<NgheAn.CNHT.Infrastructure.Persistence.AppDbContext>().PlanRevisions
            .Where(r => r.ContentItemId == before.Id).OrderByDescending(r => r.Id).Select(r => new { r.OldAmount, r.NewAmount, r.DecisionReference, r.ChangedBy }).FirstAsync());
        Assert.Equal((before.PlanAmount, before.PlanAmount + 36_000_000m, "Nhập từ tệp \"ke-hoach.xlsx\"", "chuyenvien@cnht.demo"),
            (revision.OldAmount, revision.NewAmount, revision.DecisionReference, revision.ChangedBy));
    }

    [Theory]
    [InlineData("DoitSpecialist", HttpStatusCode.OK)]
    [InlineData("SupportCenter", HttpStatusCode.OK)]
    [InlineData("DoitLeader", HttpStatusCode.OK)]
    [InlineData("Viewer", HttpStatusCode.Redirect)]
    [InlineData("Admin", HttpStatusCode.Redirect)]
    public async Task Specialists_the_support_center_and_leaders_import(string role, HttpStatusCode expected)
    {
        var client = await portal.SignInAsAsync(role);
        var response = await client.GetAsync("/Import");
        Assert.Equal(expected, response.StatusCode);
        var nav = await client.GetStringAsync("/");
        Assert.Equal(expected == HttpStatusCode.OK, nav.Contains(">Nhập dữ liệu</a>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_persons_upload_is_not_found()
    {
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var upload = await UploadAsync(specialist, WorkbookImportTests.History().ToBytes(), "cua-toi.xlsx");
        var preview = upload.Headers.Location!.OriginalString;

        var center = await portal.SignInAsAsync("SupportCenter");
        Assert.Equal(HttpStatusCode.NotFound, (await center.GetAsync(preview)).StatusCode);
    }

    [Fact]
    public async Task The_template_and_the_export_download_as_xlsx_with_vietnamese_names()
    {
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var template = await specialist.GetAsync("/Import?handler=Template&program=2018-2025");
        Assert.Equal(Xlsx, template.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Mẫu nhập dữ liệu CNHT 2018-2025.xlsx", template.Content.Headers.ContentDisposition?.FileNameStar);

        var viewer = await portal.SignInAsAsync("Viewer");
        var export = await viewer.GetAsync("/Export?handler=Download&program=2018-2025");
        Assert.Equal(Xlsx, export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Dữ liệu chương trình CNHT 2018-2025.xlsx", export.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);

        // The download is recorded like a report's, and named in Vietnamese in the download log.
        var logged = await portal.ScopedAsync(async sp =>
        {
            // Downloads are logged by a background writer (ADR 0219): wait for what was queued before reading the table.
            Assert.True(await sp.GetRequiredService<NgheAn.CNHT.Application.Reports.ReportDownloadQueue>().FlushAsync(TimeSpan.FromSeconds(30)));
            return await sp.GetRequiredService<NgheAn.CNHT.Infrastructure.Persistence.AppDbContext>().ReportDownloads
                .Where(d => d.ReportKind == NgheAn.CNHT.Application.Reports.ReportDownloadLog.ProgramDataKind).OrderByDescending(d => d.Id).FirstAsync();
        });
        Assert.Equal(("xem@cnht.demo", "xlsx", "program=2018-2025"), (logged.UserName, logged.Format, logged.Parameters));
        var leader = await portal.SignInAsAsync("DoitLeader");
        Assert.Contains("Dữ liệu chương trình (xuất toàn bộ)", await leader.GetStringAsync("/Reports/Downloads"));
    }

    [GeneratedRegex("\"redirect\":\"([^\"]+)\"")]
    private static partial Regex RedirectOf();
}

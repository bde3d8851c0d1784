using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Reports;

/// <summary>Leadership issues a report: its model and files are frozen; later edits change the live figures only, and the portal shows how.</summary>
public sealed partial class IssuedReportTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private static Dictionary<string, string> Form(string kind = "document") => new()
    {
        ["Input.Kind"] = kind,
        ["Input.ProgramCode"] = "2018-2025",
        ["Input.FromYear"] = "",
        ["Input.ToYear"] = "",
        ["Input.IssueDate"] = "2026-01-05",
        ["Input.SignerTitle"] = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
        ["Input.SignerName"] = "Trần Văn Bình",
        ["Input.Recipients"] = "UBND tỉnh (để báo cáo);\nSở Tài chính;\nLưu: VT, QLCN.",
    };

    [GeneratedRegex(@"/Reports/Issued/Details/(\d+)")]
    private static partial Regex DetailsLink();

    private static async Task<int> IssueAsync(HttpClient leader, string kind = "document")
    {
        var response = await leader.PostFormAsync("/Reports/Issued/Create", Form(kind));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(DetailsLink().Match(response.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task An_issued_report_keeps_its_files_while_the_live_figures_change_and_shows_what_changed()
    {
        var leader = await portal.SignInAsAsync("DoitLeader");
        var id = await IssueAsync(leader);
        var number = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().IssuedReports.Where(r => r.Id == id).Select(r => r.Number).SingleAsync());
        Assert.Matches(@"^\d{2,}/BC-SCT$", number);
        var detailsResponse = await leader.GetAsync($"/Reports/Issued/Details/{id}");
        var details = await detailsResponse.Content.ReadAsStringAsync();
        Assert.True(detailsResponse.IsSuccessStatusCode, details);
        Assert.Contains($"Báo cáo số {number}", details);
        Assert.Contains("data-changes=\"0\"", details);

        var pdf = await leader.GetByteArrayAsync($"/Reports/Issued/Details/{id}?handler=Download&format=pdf");
        var xlsx = await leader.GetByteArrayAsync($"/Reports/Issued/Details/{id}?handler=Download&format=xlsx");
        var json = await leader.GetStringAsync($"/Reports/Issued/Details/{id}?handler=Download&format=json");
        var text = ReportFiles.PdfText(pdf);
        Assert.Contains($"Số: {number}", text);
        Assert.Contains("Nghệ An, ngày 05 tháng 01 năm 2026", text);
        Assert.Contains("PHÓ GIÁM ĐỐC", text);
        Assert.Contains("Trần Văn Bình", text);
        Assert.Contains($"(Kèm theo Báo cáo số {number} ngày 05/01/2026 của Sở Công Thương)", text);
        Assert.DoesNotContain("DỰ THẢO", text);

        // The plan of 1.1 is revised after issue: 764 → 800 triệu.
        await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var item = await db.ContentItems.SingleAsync(i => i.Code == "1.1" && i.Group.Program.Code == "2018-2025");
            item.RevisePlan(800_000_000m, "07/QĐ-UBND", "Điều chỉnh kế hoạch", ReportTestData.Specialist, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        Assert.Equal(pdf, await leader.GetByteArrayAsync($"/Reports/Issued/Details/{id}?handler=Download&format=pdf"));
        Assert.Equal(xlsx, await leader.GetByteArrayAsync($"/Reports/Issued/Details/{id}?handler=Download&format=xlsx"));
        Assert.Equal(json, await leader.GetStringAsync($"/Reports/Issued/Details/{id}?handler=Download&format=json"));

        details = await leader.GetStringAsync($"/Reports/Issued/Details/{id}");
        Assert.Contains("data-changes=\"6\"", details); // plan and % of 1.1, of group 1, and of the total
        Assert.Contains("<tr data-key=\"item:1.1\"", details);
        Assert.Matches(@"764,000</td>\s*<td class=""num"">800,000", details);
        Assert.Matches(@"12,30%</td>\s*<td class=""num"">11,75%", details);

        // Downloads of issued files are logged as such.
        var logged = await portal.ScopedAsync(async sp =>
        {
            // Downloads are logged by a background writer (ADR 0219): wait for what was queued before reading the table.
            Assert.True(await sp.GetRequiredService<ReportDownloadQueue>().FlushAsync(TimeSpan.FromSeconds(30)));
            return await sp.GetRequiredService<AppDbContext>().ReportDownloads.AsNoTracking()
                .CountAsync(d => d.Parameters.StartsWith("issued=" + number));
        });
        Assert.Equal(6, logged);
    }

    [Fact]
    public async Task Nothing_can_update_or_delete_an_issued_report()
    {
        var leader = await portal.SignInAsAsync("DoitLeader");
        var id = await IssueAsync(leader, "appendix");
        await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var report = await db.IssuedReports.SingleAsync(r => r.Id == id);
            db.Entry(report).Property(r => r.ModelJson).CurrentValue = "{}";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.IssuedReports.Remove(await db.IssuedReports.SingleAsync(r => r.Id == id));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            return 0;
        });
        var stored = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().IssuedReports.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.StartsWith("{", stored.ModelJson, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"Appendix\"", stored.ModelJson);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(stored.Pdf[..4]));
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(stored.Xlsx[..2]));
    }

    [Fact]
    public async Task A_date_in_the_future_is_refused_with_a_vietnamese_message_next_to_the_field()
    {
        var leader = await portal.SignInAsAsync("DoitLeader");
        var future = Form();
        future["Input.IssueDate"] = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var html = await (await leader.PostFormAsync("/Reports/Issued/Create", future)).Content.ReadAsStringAsync();
        Assert.Contains("Ngày ban hành không được ở tương lai.", html);
        Assert.Contains("data-valmsg-for=\"Input.IssueDate\"", html);
    }

    [Theory]
    [InlineData("DoitSpecialist")]
    [InlineData("SupportCenter")]
    [InlineData("Viewer")]
    public async Task Only_leadership_can_issue_a_report(string role)
    {
        var client = await portal.SignInAsAsync(role);
        var get = await client.GetAsync("/Reports/Issued/Create");
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", get.Headers.Location!.PathAndQuery);

        // Even with a token taken from another form, the post is refused.
        var token = WebPageHelpers.AntiforgeryToken(await client.GetStringAsync("/"));
        var form = Form();
        form["__RequestVerificationToken"] = token;
        var before = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().IssuedReports.CountAsync());
        var post = await client.PostAsync("/Reports/Issued/Create", new FormUrlEncodedContent(form));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(before, await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().IssuedReports.CountAsync()));

        // Everybody who reads program data sees the issued reports.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Reports/Issued")).StatusCode);
    }
}

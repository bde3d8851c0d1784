using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.FundingRequests;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Plans;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.FundingRequests;

/// <summary>
/// Department-run lines of the funding request (issue 19 item 4, ADR 0179): entered by DOIT with a justification each,
/// every mistake at once, the version of the line the form saw, audited; the totals and the PDF, XLSX and Word documents include them.
/// </summary>
public sealed class DepartmentActivityTests
{
    private const string Page = "/FundingRequests/Activities?program=2026-2030&year=2028";

    private static string Flat(string html) => Regex.Replace(ProposalArrange.Text(html), @"\s+", " ");

    private static Dictionary<string, string> Line(string kind, string description, string amount, string justification, int id = 0, string? stamp = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Kind"] = kind, ["Input.Description"] = description,
            ["Input.Amount"] = amount, ["Input.Justification"] = justification,
        };
        if (stamp is not null)
        {
            fields["Input.ConcurrencyStamp"] = stamp;
        }

        return fields;
    }

    [Fact]
    public async Task Department_lines_with_their_justification_count_in_the_request_total_and_in_every_document()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        await YearlyPlanTests.SeedPlansAsync(portal);
        const decimal running = 330_000_000m;
        await FundingRequestTests.ProposalAsync(portal, "4.1", 2027, 2028, running, ProposalStatus.Approved);
        var specialist = await portal.SignInAsAsync("DoitSpecialist");

        // Every mistake of the form in one answer; nothing saved.
        var bad = await specialist.PostFormAsync(Page, Line("Management", "", "mười triệu", ""), $"{Page}&handler=Save");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var errors = Flat(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Nội dung hoạt động không được để trống.", errors);
        Assert.Contains("Thuyết minh, căn cứ không được để trống.", errors);
        Assert.Contains("Kinh phí đề nghị", errors);
        Assert.False(await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().DepartmentActivities.AnyAsync()));

        // Two lines: management cost and a workshop, each with its justification.
        foreach (var (kind, description, amount, why) in new[]
        {
            ("Management", "Chi phí quản lý chương trình năm 2028", "120.000.000", "Kiểm tra, giám sát, tổng hợp báo cáo (giá trị minh họa)"),
            ("Events", "Hội thảo kết nối cung ứng linh kiện điện tử", "250.500.000", "Kế hoạch tổ chức hội thảo quý II/2028 (giá trị minh họa)"),
            ("Other", "Dòng sẽ xóa", "1.000.000", "Thử xóa"),
        })
        {
            var saved = await specialist.PostFormAsync(Page, Line(kind, description, amount, why), $"{Page}&handler=Save");
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, Flat(await saved.Content.ReadAsStringAsync()));
        }

        var rows = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().DepartmentActivities.OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(3, rows.Count);

        // A change from a form that saw an older version is refused; with the current version it is saved.
        var events = rows[1];
        var stale = await specialist.PostFormAsync(Page, Line("Events", events.Description, "999.000.000", events.Justification, events.Id, Guid.NewGuid().ToString()), $"{Page}&handler=Save");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("vừa được người khác sửa hoặc xóa", Flat(await stale.Content.ReadAsStringAsync()));
        var missing = await specialist.PostFormAsync(Page, Line("Events", events.Description, "999.000.000", events.Justification, events.Id), $"{Page}&handler=Save");
        Assert.Contains("thiếu mã phiên bản", Flat(await missing.Content.ReadAsStringAsync()));
        var changed = await specialist.PostFormAsync(Page, Line("Events", events.Description, "260.000.000", events.Justification, events.Id, events.ConcurrencyStamp.ToString()), $"{Page}&handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var gone = rows[2];
        var deleted = await specialist.PostFormAsync(Page, new Dictionary<string, string> { ["Input.Id"] = gone.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.ConcurrencyStamp"] = gone.ConcurrencyStamp.ToString() }, $"{Page}&handler=Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var audit = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.Where(a => a.EntityType == "DepartmentActivity").Select(a => a.Action).ToListAsync());
        Assert.Equal(3, audit.Count(a => a == "Insert"));
        Assert.Contains("Update", audit);
        Assert.Contains("Delete", audit);

        // The totals: running proposals + the two department lines.
        const decimal activities = 120_000_000m + 260_000_000m;
        const decimal total = running + activities;
        var request = (await portal.ScopedAsync(sp => sp.GetRequiredService<FundingRequestQuery>().BuildAsync("2026-2030", 2028)))!;
        Assert.Equal((running, activities, total), (request.ItemsTotal, request.ActivitiesTotal, request.Total));
        Assert.Equal(2, request.Activities.Count);

        var viewer = await portal.SignInAsAsync("Viewer");
        var index = Flat(await viewer.GetStringAsync("/FundingRequests?program=2026-2030&year=2028"));
        Assert.Contains("Hội thảo kết nối cung ứng linh kiện điện tử", index);
        Assert.Contains(VnFormat.Million(total), index);

        var pdf = await viewer.GetByteArrayAsync("/Reports/View/fundingrequest?handler=Download&program=2026-2030&year=2028&format=pdf");
        var text = ReportFiles.PdfText(pdf);
        Assert.Contains("HĐ1", text);
        Assert.Contains("Chi phí quản lý chương trình năm 2028", text);
        var words = ReportFiles.ReadPdf(pdf).SelectMany(p => p.Lines).SelectMany(l => l.Words).ToHashSet();
        Assert.Contains(VnFormat.Million(total), words);
        Assert.Contains(VnFormat.Million(260_000_000m), words);

        using var book = ReportFiles.OpenWorkbook(await viewer.GetByteArrayAsync("/Reports/View/fundingrequest?handler=Download&program=2026-2030&year=2028&format=xlsx"));
        var sheet = book.Worksheets.Single();
        var totalRow = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "Tổng cộng");
        Assert.Equal(total, ReportFiles.Dong(totalRow.Cell(5)));
        Assert.True(totalRow.Cell(5).HasFormula, "the total is an Excel SUM that includes the department lines");
        var hd2 = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "HĐ2");
        Assert.Equal(260_000_000m, ReportFiles.Dong(hd2.Cell(5)));
        Assert.Equal("Kế hoạch tổ chức hội thảo quý II/2028 (giá trị minh họa)", hd2.Cell(6).GetString());

        var docx = await viewer.GetByteArrayAsync("/Reports/View/fundingrequest?handler=Download&program=2026-2030&year=2028&format=docx");
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var cells = word.MainDocumentPart!.Document.Body!.Descendants<TableCell>().Select(c => c.InnerText).ToList();
        Assert.Contains("HĐ2", cells);
        Assert.Contains("Kế hoạch tổ chức hội thảo quý II/2028 (giá trị minh họa)", cells);
        Assert.Contains(VnFormat.Million(total), cells);
    }
}

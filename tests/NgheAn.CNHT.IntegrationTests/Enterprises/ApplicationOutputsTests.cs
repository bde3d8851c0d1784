using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Domain.Calls;
using NgheAn.CNHT.Domain.Catalog;
using NgheAn.CNHT.Domain.Indicators;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Plans;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Enterprises;

/// <summary>
/// Online applications state their expected outputs against the output indicators of the call's item (issue 19 item 2,
/// ADR 0178): checked with every mistake at once, required before submission when the item has indicators, shown only to
/// the enterprise itself and the Support Center, carried into the proposal's expected outputs at intake.
/// </summary>
public sealed class ApplicationOutputsTests(EnterprisePortal portal) : IClassFixture<EnterprisePortal>
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A published call of program 2026-2030 opening item 1.2 (two indicators) and item 1.1 (one).</summary>
    private async Task<(int ItemWithTwo, int Enterprises, int Links)> OpenCall2026Async()
    {
        await YearlyPlanTests.SeedPlansAsync(portal);
        return await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var program = await db.Programs.Include(p => p.Groups).ThenInclude(g => g.Items).SingleAsync(p => p.Code == "2026-2030");
            if (program.Status == ProgramStatus.Draft)
            {
                program.Activate("Giá trị minh họa (kiểm thử)");
            }

            var item = await db.ContentItems.Where(i => i.Group.ProgramId == program.Id && i.Code == "1.2").Select(i => i.Id).SingleAsync();
            var now = portal.Clock.GetUtcNow().UtcDateTime;
            var call = new CallForApplications(program.Id, program.Period, new CallDetails("Thông báo 2026 (chỉ tiêu đầu ra)", 2026, now.AddHours(-1), now.AddDays(7), "Hướng dẫn", "Trung tâm"));
            call.OpenItem(item, EnterprisePortal.Checklist);
            call.Publish(ProposalArrange.Center, now);
            db.Calls.Add(call);
            await db.SaveChangesAsync();
            var indicators = await db.OutputIndicators.Where(i => i.ContentItemId == item).ToDictionaryAsync(i => i.Kind, i => i.Id);
            return (call.Items.Single().Id, indicators[IndicatorKind.EnterprisesSupported], indicators[IndicatorKind.SupplierConnections]);
        });
    }

    private static string Flat(string html) => System.Text.RegularExpressions.Regex.Replace(ProposalArrange.Text(html), @"\s+", " ");

    private static Dictionary<string, string> Fields(int callItemId, int enterprises, string? enterprisesQty, int links, string? linksQty, string support = "60.000.000")
    {
        var fields = EnterprisePortal.ApplicationFields(callItemId, support: support);
        fields["Input.StartYear"] = "2026";
        fields["Input.EndYear"] = "2026";
        fields["Input.Outputs[0].IndicatorId"] = enterprises.ToString(Inv);
        fields["Input.Outputs[0].Quantity"] = enterprisesQty ?? "";
        fields["Input.Outputs[1].IndicatorId"] = links.ToString(Inv);
        fields["Input.Outputs[1].Quantity"] = linksQty ?? "";
        return fields;
    }

    [Fact]
    public async Task Expected_outputs_are_checked_all_at_once_required_to_submit_and_become_the_proposals_expected_outputs()
    {
        var (callItem, enterprises, links) = await OpenCall2026Async();
        var (client, _, _) = await portal.EnterpriseAsync();

        // The form offers one row per indicator of the item, with its unit.
        var form = Flat(await client.GetStringAsync($"/Applications/Create?callItemId={callItem}"));
        Assert.Contains("Kết quả dự kiến theo chỉ tiêu đầu ra", form);
        Assert.Contains("Doanh nghiệp được hỗ trợ", form);
        Assert.Contains("Kết nối nhà cung ứng – khách hàng", form);

        // Three mistakes in one submit: a negative count, a fraction, support above the total. Nothing is saved.
        var before = await portal.ReadAsync(db => db.Applications.CountAsync());
        var bad = await client.PostFormAsync($"/Applications/Create?callItemId={callItem}", Fields(callItem, enterprises, "-3", links, "2,5", support: "150.000.000"), "/Applications/Create");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var errors = Flat(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Kết quả dự kiến «Doanh nghiệp được hỗ trợ» (doanh nghiệp) phải là số nguyên không âm.", errors);
        Assert.Contains("Kết quả dự kiến «Kết nối nhà cung ứng – khách hàng» (kết nối) phải là số nguyên không âm.", errors);
        Assert.Contains("không được lớn hơn tổng dự toán", errors);
        Assert.Equal(before, await portal.ReadAsync(db => db.Applications.CountAsync()));

        // Letters in a count are named under the row.
        var letters = await client.PostFormAsync($"/Applications/Create?callItemId={callItem}", Fields(callItem, enterprises, "mười", links, null), "/Applications/Create");
        Assert.Contains("Kết quả dự kiến «Doanh nghiệp được hỗ trợ»: số lượng phải là số nguyên (ví dụ 12).", Flat(await letters.Content.ReadAsStringAsync()));

        // A draft without outputs is kept, but cannot be submitted while the item has indicators.
        var emptyDraft = await client.PostFormAsync($"/Applications/Create?callItemId={callItem}", Fields(callItem, enterprises, null, links, null), "/Applications/Create");
        Assert.Equal(HttpStatusCode.Redirect, emptyDraft.StatusCode);
        var emptyId = int.Parse(emptyDraft.Headers.Location!.OriginalString.Split('/').Last(), Inv);
        await EnterprisePortal.UploadChecklistAsync(client, emptyId);
        var refused = await EnterprisePortal.PostHandlerAsync(client, $"/Applications/Details/{emptyId}", "Submit");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("nhập số lượng dự kiến cho ít nhất một chỉ tiêu", Flat(await refused.Content.ReadAsStringAsync()));
        Assert.Null(await portal.ReadAsync(db => db.Applications.Where(a => a.Id == emptyId).Select(a => a.Code).SingleAsync()));

        // A good application: 12 enterprises, connections left blank (not stated).
        var good = await client.PostFormAsync($"/Applications/Create?callItemId={callItem}", Fields(callItem, enterprises, "12", links, ""), "/Applications/Create");
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var id = int.Parse(good.Headers.Location!.OriginalString.Split('/').Last(), Inv);
        var stated = await portal.ReadAsync(db => db.Applications.AsNoTracking().Where(a => a.Id == id).SelectMany(a => a.Outputs).ToListAsync());
        Assert.Equal(enterprises, Assert.Single(stated).OutputIndicatorId);
        Assert.Equal(12m, stated[0].Expected);
        var details = Flat(await client.GetStringAsync($"/Applications/Details/{id}"));
        Assert.Contains("Doanh nghiệp được hỗ trợ: 12 doanh nghiệp", details);
        Assert.Contains("value=\"12\"", await client.GetStringAsync($"/Applications/Edit/{id}"));

        // Another enterprise does not see it.
        var (other, _, _) = await portal.EnterpriseAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Applications/Details/{id}")).StatusCode);

        // Submitted and accepted: the proposal expects 12 enterprises supported and nothing else.
        await EnterprisePortal.UploadChecklistAsync(client, id);
        Assert.Equal(HttpStatusCode.Redirect, (await EnterprisePortal.PostHandlerAsync(client, $"/Applications/Details/{id}", "Submit")).StatusCode);
        var receipt = System.Text.RegularExpressions.Regex.Replace(ReportFiles.PdfText(await client.GetByteArrayAsync($"/Applications/Details/{id}?handler=Receipt")), @"\s+", " ");
        Assert.Contains("Kết quả dự kiến theo chỉ tiêu đầu ra: Doanh nghiệp được hỗ trợ: 12 doanh nghiệp.", receipt);
        var center = await portal.SignInAsAsync("SupportCenter");
        Assert.Contains("Doanh nghiệp được hỗ trợ: 12 doanh nghiệp", Flat(await center.GetStringAsync($"/Intake/Details/{id}")));
        Assert.Equal(HttpStatusCode.Redirect, (await EnterprisePortal.PostHandlerAsync(center, $"/Intake/Details/{id}", "Accept")).StatusCode);
        var proposalId = (await portal.ReadAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.ProposalId).SingleAsync()))!.Value;
        var outputs = await portal.ReadAsync(db => db.ProposalOutputs.Where(o => o.ProposalId == proposalId).ToListAsync());
        var output = Assert.Single(outputs);
        Assert.Equal(enterprises, output.OutputIndicatorId);
        Assert.Equal(12m, output.Expected);
        Assert.Null(output.Actual);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Domain.Estimates;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;
using static NgheAn.CNHT.IntegrationTests.Support.ProposalArrange;

namespace NgheAn.CNHT.IntegrationTests.Reliability;

/// <summary>
/// A stale form never wins: a state-changing post without the version its page was opened on (a proposal's stamp,
/// a ledger's, an estimate's or a plan's version) is refused with the conflict message and nothing is saved
/// (issue 23, ADR 0114).
/// </summary>
public sealed class StaleFormTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> BodyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private Task<decimal> LedgerSumAsync(int proposalId) =>
        ReadAsync(portal, db => db.DisbursementEntries.Where(e => e.ProposalId == proposalId).SumAsync(e => e.Amount));

    private static Dictionary<string, string> Entry(string voucher) => new()
    {
        ["Input.EntryDate"] = Today, ["Input.Amount"] = "1.000.000", ["Input.Kind"] = "Advance",
        ["Input.Source"] = "ProvincialBudget", ["Input.VoucherNumber"] = voucher,
    };

    [Fact]
    public async Task A_step_posted_without_its_stamp_after_a_change_is_refused_and_nothing_is_saved()
    {
        var id = await InStatusAsync(portal, ProposalStatus.Submitted, "Đề án bị thay đổi sau khi mở trang");
        var leader = await portal.SignInAsAsync("DoitLeader");
        var center = await portal.SignInAsAsync("SupportCenter");

        // After the leader's page was loaded, the Support Center appraises the proposal.
        var appraise = await center.PostStepAsync(id, "Appraise", new Dictionary<string, string>
        {
            ["Act.Date"] = Today, ["Act.Comment"] = "Đồng ý", ["Act.TotalCost"] = "1.000.000.000", ["Act.ProvincialShare"] = "300.000.000",
        });
        Assert.Equal(HttpStatusCode.Redirect, appraise.StatusCode);
        var stamp = await ReadAsync(portal, db => db.Proposals.Where(p => p.Id == id).Select(p => p.ConcurrencyStamp).SingleAsync());

        // The approval arrives without Act.Stamp: nothing shows the leader saw the appraisal.
        var approve = await leader.PostBareFormAsync($"/Proposals/Details/{id}", new Dictionary<string, string>
        {
            ["Act.DecisionNumber"] = "77/QĐ-SCT", ["Act.Date"] = Today, ["Act.TotalCost"] = "900.000.000", ["Act.ProvincialShare"] = "270.000.000",
        }, $"/Proposals/Details/{id}?handler=Approve");

        Assert.Contains("Đề án vừa được thay đổi", await BodyAsync(approve));
        Assert.Equal(ProposalStatus.Appraised, await StatusAsync(portal, id));
        Assert.Equal(stamp, await ReadAsync(portal, db => db.Proposals.Where(p => p.Id == id).Select(p => p.ConcurrencyStamp).SingleAsync()));
    }

    [Fact]
    public async Task A_ledger_posting_made_on_an_older_ledger_or_without_its_version_is_refused()
    {
        var id = await InStatusAsync(portal, ProposalStatus.Implementing, "Đề án sổ giải ngân cũ");
        var page = $"/Disbursements/Record?proposalId={id}";
        var stale = await portal.SignInAsAsync("SupportCenter");
        var staleHtml = await stale.GetStringAsync(page);
        var other = await portal.SignInAsAsync("SupportCenter");
        Assert.Equal(HttpStatusCode.Redirect, (await other.PostFormAsync(page, Entry("PC-TRUOC"))).StatusCode);
        var before = await LedgerSumAsync(id);

        var old = Entry("PC-CU");
        old["__RequestVerificationToken"] = WebPageHelpers.AntiforgeryToken(staleHtml);
        old["Input.Version"] = WebPageHelpers.HiddenValue(staleHtml, "Input.Version");
        Assert.Contains("sổ giải ngân của đề án vừa được thay đổi", await BodyAsync(await stale.PostAsync(page, new FormUrlEncodedContent(old))));
        Assert.Contains("sổ giải ngân của đề án vừa được thay đổi", await BodyAsync(await stale.PostBareFormAsync(page, Entry("PC-KHONG-PHIEN-BAN"))));
        Assert.Equal(before, await LedgerSumAsync(id));
    }

    [Fact]
    public async Task A_settlement_without_its_version_is_refused()
    {
        var id = await InStatusAsync(portal, ProposalStatus.Accepted, "Đề án quyết toán không phiên bản");
        var center = await portal.SignInAsAsync("SupportCenter");
        var response = await center.PostBareFormAsync($"/Disbursements/Settle?proposalId={id}", new Dictionary<string, string>
        {
            ["Input.DecisionNumber"] = "9/QĐ", ["Input.SettlementDate"] = Today,
            ["Input.SettledTotalCost"] = "900.000.000", ["Input.SettledProvincialShare"] = "0",
        });
        Assert.Contains("vừa được thay đổi sau khi bạn mở trang", await BodyAsync(response));
        Assert.Equal(ProposalStatus.Accepted, await StatusAsync(portal, id));
    }

    [Fact]
    public async Task A_plan_revision_without_its_version_is_refused()
    {
        var item = await ReadAsync(portal, db => db.ContentItems.Where(i => i.Code == "1.2" && i.Group.Program.Code == "2018-2025").Select(i => new { i.Id, i.PlanAmount }).FirstAsync());
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var response = await specialist.PostBareFormAsync($"/Catalog/Plan/{item.Id}", new Dictionary<string, string>
        {
            ["Input.NewAmount"] = "7.777.000.000", ["Input.DecisionReference"] = "5/QĐ-UBND", ["Input.Reason"] = "Điều chỉnh",
        });
        Assert.Contains("Kế hoạch của nội dung vừa được điều chỉnh", await BodyAsync(response));
        Assert.Equal(item.PlanAmount, await ReadAsync(portal, db => db.ContentItems.Where(i => i.Id == item.Id).Select(i => i.PlanAmount).SingleAsync()));
    }

    [Fact]
    public async Task An_estimate_step_without_its_version_is_refused()
    {
        var estimateId = await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var program = await db.Programs.SingleAsync(p => p.Code == "2018-2025");
            var estimate = new AnnualEstimate(program.Id, program.Period, 2019, 9, "Dự toán phiên bản cũ");
            db.AnnualEstimates.Add(estimate);
            await db.SaveChangesAsync();
            return estimate.Id;
        });
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var response = await specialist.PostBareFormAsync($"/Estimates/Details/{estimateId}", new Dictionary<string, string>(), $"/Estimates/Details/{estimateId}?handler=Submit");
        Assert.Contains("Dự toán vừa được thay đổi sau khi bạn mở trang", await BodyAsync(response));
        Assert.Equal(EstimateStatus.Draft, await ReadAsync(portal, db => db.AnnualEstimates.Where(e => e.Id == estimateId).Select(e => e.Status).SingleAsync()));
    }
}

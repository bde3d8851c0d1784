using System.Net;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.IntegrationTests.Support;
using static NgheAn.CNHT.IntegrationTests.Support.ProposalArrange;

namespace NgheAn.CNHT.IntegrationTests.Proposals;

/// <summary>Issue 24 (1), ADR 0129: the approval form reports all its domain mistakes after one submit, each under its field.</summary>
public sealed class StepMistakesTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    [Fact]
    public async Task An_approval_with_no_decision_number_a_future_date_and_a_share_above_the_total_shows_three_messages_at_once()
    {
        var id = await InStatusAsync(portal, ProposalStatus.Appraised, "Đề án phê duyệt với ba lỗi");
        var leader = await portal.SignInAsAsync("DoitLeader");
        var response = await leader.PostStepAsync(id, "Approve", new Dictionary<string, string>
        {
            ["Act.DecisionNumber"] = "", ["Act.Date"] = "2100-01-01", ["Act.TotalCost"] = "1.000.000", ["Act.ProvincialShare"] = "2.000.000",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Có 3 lỗi cần sửa", html);
        Assert.Contains("Số quyết định phê duyệt không được để trống.", html);
        Assert.Contains("Ngày quyết định không được ở tương lai.", html);
        Assert.Contains("Ngân sách tỉnh hỗ trợ được duyệt không được lớn hơn tổng kinh phí được duyệt.", html);
        // Each message under its own field (asp-validation-for), not only in the summary.
        Assert.Matches("data-valmsg-for=\"Act.DecisionNumber\"[^>]*>[^<]*Số quyết định phê duyệt không được để trống", html);
        Assert.Matches("data-valmsg-for=\"Act.ProvincialShare\"[^>]*>[^<]*Ngân sách tỉnh hỗ trợ được duyệt không được lớn hơn", html);
        Assert.Equal(ProposalStatus.Appraised, await StatusAsync(portal, id));
    }

    [Fact]
    public async Task A_settlement_dated_in_the_future_and_above_the_approved_share_shows_both_messages_at_once()
    {
        var id = await InStatusAsync(portal, ProposalStatus.Accepted, "Đề án quyết toán với ba lỗi");
        var approved = await ReadAsync(portal, db => db.Proposals.Where(p => p.Id == id)
            .Select(p => new { Total = p.ApprovedTotalCost!.Value, Share = p.ApprovedProvincialShare!.Value }).SingleAsync());
        var center = await portal.SignInAsAsync("SupportCenter");
        var response = await center.PostFormAsync($"/Disbursements/Settle?proposalId={id}", new Dictionary<string, string>
        {
            ["Input.DecisionNumber"] = "79/QĐ-TT",
            ["Input.SettlementDate"] = "2100-01-01",
            ["Input.SettledTotalCost"] = NgheAn.CNHT.Domain.Common.VnFormat.Dong(approved.Total),
            ["Input.SettledProvincialShare"] = NgheAn.CNHT.Domain.Common.VnFormat.Dong(approved.Share + 1),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Có 2 lỗi cần sửa", html);
        Assert.Contains("Ngày quyết toán không được ở tương lai.", html);
        Assert.Contains("Ngân sách tỉnh quyết toán không được vượt phần ngân sách tỉnh được duyệt.", html);
        Assert.Equal(ProposalStatus.Accepted, await StatusAsync(portal, id));
    }
}

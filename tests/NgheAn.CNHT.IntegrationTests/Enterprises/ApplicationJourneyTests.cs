using System.Net;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Domain.Applications;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace NgheAn.CNHT.IntegrationTests.Enterprises;

/// <summary>
/// The whole way over HTTP: the Support Center verifies the account, the enterprise applies with files and gets a
/// reference number and receipt, is asked for a supplement and supplies it, is accepted into a Submitted proposal that
/// carries the fields, documents and cost lines, the workflow runs on, and the enterprise sees the approved amounts.
/// </summary>
public sealed class ApplicationJourneyTests(EnterprisePortal portal) : IClassFixture<EnterprisePortal>
{
    [Fact]
    public async Task Verified_apply_supplement_accept_approve_and_the_enterprise_sees_amounts_and_timeline()
    {
        var (_, itemA, _) = await portal.OpenCallAsync();
        var (enterprise, email, orgId) = await portal.EnterpriseAsync(verified: false);
        var center = await portal.SignInAsAsync("SupportCenter");

        // The Support Center verifies the account from its certificate.
        var memberId = await portal.ReadAsync(db => db.EnterpriseMembers.Where(m => m.UserName == email).Select(m => m.Id).SingleAsync());
        var accounts = await center.GetStringAsync("/Intake/Accounts");
        Assert.Contains(email, accounts, StringComparison.Ordinal);
        var certificate = await center.GetAsync($"/Intake/Accounts?handler=Certificate&memberId={memberId}");
        Assert.Equal("application/pdf", certificate.Content.Headers.ContentType?.MediaType);
        var stamp = System.Text.RegularExpressions.Regex.Match(accounts, $"name=\"MemberId\" value=\"{memberId}\" /><input type=\"hidden\" name=\"Stamp\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        var verify = await center.PostFormAsync("/Intake/Accounts", new Dictionary<string, string> { ["MemberId"] = memberId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Stamp"] = stamp }, "/Intake/Accounts?handler=Verify");
        Assert.Equal(HttpStatusCode.Redirect, verify.StatusCode);
        Assert.Contains("Đã xác minh", await enterprise.GetStringAsync("/DoanhNghiep"), StringComparison.Ordinal);

        // The enterprise applies: draft, files against the checklist, submit → reference number and receipt.
        var id = await EnterprisePortal.DraftAsync(enterprise, itemA);
        var draft = await enterprise.GetStringAsync($"/Applications/Details/{id}");
        Assert.Contains("Còn thiếu", draft, StringComparison.Ordinal);
        Assert.Contains("100.000.000", draft, StringComparison.Ordinal);
        await EnterprisePortal.UploadChecklistAsync(enterprise, id);
        var submit = await EnterprisePortal.PostHandlerAsync(enterprise, $"/Applications/Details/{id}", "Submit");
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        var code = await portal.ReadAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Code).SingleAsync());
        Assert.Matches(@"^HS-2025-\d{4}$", code!);
        var receipt = await enterprise.GetByteArrayAsync($"/Applications/Details/{id}?handler=Receipt");
        using (var pdf = PdfDocument.Open(receipt))
        {
            var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains(code!, text, StringComparison.Ordinal);
            Assert.Contains("100.000.000", text, StringComparison.Ordinal);
        }

        // Intake: the queue shows it complete; a supplement is requested; the enterprise adds a file and resubmits.
        var queue = await center.GetStringAsync("/Intake");
        Assert.Contains(code!, queue, StringComparison.Ordinal);
        var ask = await EnterprisePortal.PostHandlerAsync(center, $"/Intake/Details/{id}", "Supplement",
            new() { ["Message"] = "Bổ sung báo giá của nhà cung cấp.", ["Deadline"] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(5)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, ask.StatusCode);
        var asked = await enterprise.GetStringAsync($"/Applications/Details/{id}");
        Assert.Contains("Bổ sung báo giá của nhà cung cấp.", asked, StringComparison.Ordinal);
        Assert.True(await portal.ReadAsync(db => db.Notifications.AnyAsync(n => n.RecipientUser == email && n.Message.Contains("yêu cầu bổ sung"))));
        Assert.Equal(HttpStatusCode.Redirect, (await EnterprisePortal.UploadAsync(enterprise, id, "Tài liệu khác", "bao-gia.pdf", EnterprisePortal.Pdf)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await EnterprisePortal.PostHandlerAsync(enterprise, $"/Applications/Details/{id}", "Submit", new() { ["Note"] = "Đã bổ sung báo giá" })).StatusCode);
        var rounds = await portal.ReadAsync(db => db.SupplementRequests.Where(s => s.ApplicationId == id).ToListAsync());
        Assert.Single(rounds);
        Assert.NotNull(rounds[0].AnsweredAt);

        // Accepted into a proposal in status Submitted, with the fields, the files and the cost lines (as the summary PDF).
        var accept = await EnterprisePortal.PostHandlerAsync(center, $"/Intake/Details/{id}", "Accept");
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        var application = await portal.ReadAsync(db => db.Applications.SingleAsync(a => a.Id == id));
        Assert.Equal(ApplicationStatus.Accepted, application.Status);
        var proposalId = application.ProposalId!.Value;
        var proposal = await portal.ReadAsync(db => db.Proposals.SingleAsync(p => p.Id == proposalId));
        Assert.Equal(ProposalStatus.Submitted, proposal.Status);
        Assert.Equal(orgId, proposal.LeadOrganizationId);
        Assert.Equal(100_000_000m, proposal.RequestedTotalCost);
        Assert.Equal(60_000_000m, proposal.RequestedProvincialShare);
        var files = await portal.ReadAsync(db => db.Attachments.Where(a => a.ProposalId == proposalId).Select(a => a.FileName).ToListAsync());
        Assert.Equal(4, files.Count);

        // Today's workflow runs on unchanged: appraisal, approval.
        var now = DateTime.UtcNow;
        var proposalStamp = proposal.ConcurrencyStamp;
        await portal.AsAsync("SupportCenter", sp => sp.GetRequiredService<NgheAn.CNHT.Application.Proposals.ProposalService>()
            .AppraiseAsync(proposalId, proposalStamp, DateOnly.FromDateTime(now), "Đạt", 100_000_000m, 55_000_000m));
        proposalStamp = await portal.ReadAsync(db => db.Proposals.Where(p => p.Id == proposalId).Select(p => p.ConcurrencyStamp).SingleAsync());
        await portal.AsAsync("DoitLeader", sp => sp.GetRequiredService<NgheAn.CNHT.Application.Proposals.ProposalService>()
            .ApproveAsync(proposalId, proposalStamp, "123/QĐ-SCT", DateOnly.FromDateTime(now), 95_000_000m, 50_000_000m, null));

        var mine = await enterprise.GetStringAsync($"/DoanhNghiep/DeAn/{proposalId}");
        Assert.Contains("95.000.000", mine, StringComparison.Ordinal);
        Assert.Contains("50.000.000", mine, StringComparison.Ordinal);
        Assert.Contains("123/QĐ-SCT", mine, StringComparison.Ordinal);
        Assert.Contains("Trung tâm yêu cầu bổ sung hồ sơ", mine, StringComparison.Ordinal);
        Assert.Contains("Đã phê duyệt", mine, StringComparison.Ordinal);
        Assert.True(await portal.ReadAsync(db => db.Notifications.AnyAsync(n => n.RecipientUser == email && n.ProposalId == proposalId && n.Message.Contains("được phê duyệt"))));

        // After approval the enterprise files its implementation report on its proposal.
        var html = await enterprise.GetStringAsync($"/DoanhNghiep/DeAn/{proposalId}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebPageHelpers.AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new StringContent("Báo cáo kết quả thực hiện"), "Kind" },
            { new ByteArrayContent(EnterprisePortal.Pdf), "File", "bao-cao-ket-qua.pdf" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await enterprise.PostAsync($"/DoanhNghiep/DeAn/{proposalId}?handler=Report", form)).StatusCode);
        Assert.True(await portal.ReadAsync(db => db.Attachments.AnyAsync(a => a.ProposalId == proposalId && a.FileName == "bao-cao-ket-qua.pdf" && a.UploadedBy == email)));
    }
}

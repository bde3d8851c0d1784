using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.IntegrationTests.Support;

/// <summary>Puts proposals into a given state straight through the domain (fast), and reads them back.</summary>
public static partial class ProposalArrange
{
    public static readonly Actor Specialist = new("chuyenvien@cnht.demo", "Chuyên viên Sở", new HashSet<string> { Roles.DoitSpecialist });
    public static readonly Actor Leader = new("lanhdao@cnht.demo", "Lãnh đạo Sở", new HashSet<string> { Roles.DoitLeader });
    public static readonly Actor Center = new("trungtam@cnht.demo", "Trung tâm", new HashSet<string> { Roles.SupportCenter });

    /// <summary>A new proposal of item 3.3 walked by the right roles to <paramref name="status"/>.</summary>
    public static async Task<int> InStatusAsync(CnhtFactory factory, ProposalStatus status, string? title = null, string? code = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var item = await db.ContentItems.Where(i => i.Code == "3.3" && i.Group.Program.Code == "2018-2025")
            .Select(i => new { i.Id, i.Group.ProgramId }).SingleAsync();
        var orgId = await db.Organizations.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        var now = DateTime.UtcNow;
        var day = DateOnly.FromDateTime(now);
        var p = new Proposal(
            new ProposalDraft(code ?? $"TEST-{Guid.NewGuid():N}"[..13], title ?? "Đề án kiểm thử quy trình", "Mục tiêu kiểm thử", null, 2025, 2025, 1_000_000_000m, 300_000_000m),
            new ProposalContext(item.ProgramId, new YearRange(2018, 2025), item.Id, orgId),
            Specialist, now.AddMinutes(-60));
        if (status is ProposalStatus.Cancelled)
        {
            p.Cancel(Specialist, now.AddMinutes(-50), "Hủy để kiểm thử");
        }
        else if (status != ProposalStatus.Draft)
        {
            p.Submit(Specialist, now.AddMinutes(-50), null);
            if (status != ProposalStatus.Submitted)
            {
                p.Appraise(Center, now.AddMinutes(-40), day, "Đồng ý", 1_000_000_000m, 300_000_000m);
                if (status == ProposalStatus.Rejected)
                {
                    p.Reject(Leader, now.AddMinutes(-30), "Không phù hợp");
                }
                else if (status != ProposalStatus.Appraised)
                {
                    p.Approve(Leader, now.AddMinutes(-30), "9/QĐ-SCT", day, 900_000_000m, 270_000_000m, null);
                    if (status != ProposalStatus.Approved)
                    {
                        p.StartImplementation(Center, now.AddMinutes(-20), null);
                        if (status != ProposalStatus.Implementing)
                        {
                            p.Accept(Center, now.AddMinutes(-10), day, "Đạt");
                            if (status == ProposalStatus.Settled)
                            {
                                p.Settle(Center, now.AddMinutes(-5), "10/QĐ-TT", day, 900_000_000m, 270_000_000m, 0m, null);
                            }
                        }
                    }
                }
            }
        }

        db.Proposals.Add(p);
        await db.SaveChangesAsync();
        Assert.Equal(status, p.Status);
        return p.Id;
    }

    /// <summary>
    /// Files one small PDF for every mandatory entry of the proposal's dossier checklist (issue 24: "Nộp hồ sơ" is
    /// refused without them), straight in the database as a specialist would have uploaded them.
    /// </summary>
    public static async Task AttachDossierAsync(CnhtFactory factory, int proposalId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var itemId = await db.Proposals.Where(p => p.Id == proposalId).Select(p => p.ContentItemId).SingleAsync();
        var types = await db.RequiredDocuments.Where(d => d.ContentItemId == itemId && d.IsMandatory).Select(d => d.DocumentType).ToListAsync();
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        foreach (var type in types.Distinct())
        {
            db.Attachments.Add(new Attachment(proposalId, type, $"ho-so-{type}.pdf", "application/pdf", pdf, null, Specialist, DateTime.UtcNow));
        }

        await db.SaveChangesAsync();
    }

    public static async Task<T> ReadAsync<T>(CnhtFactory factory, Func<AppDbContext, Task<T>> read)
    {
        using var scope = factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static Task<ProposalStatus> StatusAsync(CnhtFactory factory, int id) =>
        ReadAsync(factory, db => db.Proposals.AsNoTracking().Where(p => p.Id == id).Select(p => p.Status).SingleAsync());

    /// <summary>Posts a lifecycle step form of the proposal page (the antiforgery token comes from the page).</summary>
    public static Task<HttpResponseMessage> PostStepAsync(this HttpClient client, int id, string handler, IDictionary<string, string>? fields = null) =>
        client.PostFormAsync($"/Proposals/Details/{id}", fields ?? new Dictionary<string, string>(), $"/Proposals/Details/{id}?handler={handler}");

    /// <summary>The id a create form redirected to (/Proposals/Details/{id}).</summary>
    public static int IdFromLocation(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var match = DetailsRegex().Match(response.Headers.Location!.OriginalString);
        Assert.True(match.Success, response.Headers.Location!.OriginalString);
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The text of the page with tags removed and entities decoded, for asserting on messages.</summary>
    public static string Text(string html) => WebUtility.HtmlDecode(TagRegex().Replace(html, " "));

    [GeneratedRegex(@"/Details/(\d+)")]
    private static partial Regex DetailsRegex();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagRegex();
}

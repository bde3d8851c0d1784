using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Proposals;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Ledger;

/// <summary>Acceptance (nghiệm thu) records its date and result with the minutes attached; a spoofed file stops the step.</summary>
public sealed class AcceptanceMinutesTests
{
    private static async Task<HttpResponseMessage> AcceptAsync(HttpClient client, int id, string fileName, byte[] content)
    {
        var html = await client.GetStringAsync($"/Proposals/Details/{id}");
        var stamp = System.Text.RegularExpressions.Regex.Match(html, "name=\"Act.Stamp\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebPageHelpers.AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new StringContent(stamp), "Act.Stamp" },
            { new StringContent(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), "Act.Date" },
            { new StringContent("Đạt yêu cầu, sản phẩm bàn giao đủ."), "Act.Comment" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "Minutes", fileName);
        return await client.PostAsync($"/Proposals/Details/{id}?handler=Accept", form);
    }

    [Fact]
    public async Task The_minutes_are_attached_with_the_acceptance_and_a_spoofed_file_stops_the_step()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var id = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Proposals.Where(p => p.Status == ProposalStatus.Implementing).Select(p => p.Id).FirstAsync());
        var center = await portal.SignInAsAsync("SupportCenter");

        var spoofed = await AcceptAsync(center, id, "bien-ban.pdf", AttachmentTests.Exe);
        Assert.Equal(HttpStatusCode.OK, spoofed.StatusCode);
        Assert.Equal(ProposalStatus.Implementing, await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Proposals.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));

        var ok = await AcceptAsync(center, id, "Biên bản nghiệm thu.pdf", AttachmentTests.Pdf);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var (status, minutes) = await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (await db.Proposals.Where(p => p.Id == id).Select(p => p.Status).SingleAsync(),
                await db.Attachments.Where(a => a.ProposalId == id && a.DocumentType == DocumentType.Minutes).Select(a => a.FileName).ToListAsync());
        });
        Assert.Equal(ProposalStatus.Accepted, status);
        Assert.Equal(["Biên bản nghiệm thu.pdf"], minutes);

        var page = await center.GetStringAsync($"/Proposals/Details/{id}");
        Assert.Contains("/Disbursements/Settle?proposalId=", page);
    }

    [Fact]
    public async Task A_refused_minutes_file_rolls_back_the_acceptance_recorded_before_it()
    {
        await using var portal = new CnhtFactory();
        var id = await ProposalArrange.InStatusAsync(portal, ProposalStatus.Implementing);
        var stamp = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Proposals.Where(p => p.Id == id).Select(p => p.ConcurrencyStamp).SingleAsync());
        var auditBefore = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.CountAsync());

        // The acceptance is saved first inside the transaction; the file check fails after it.
        var refused = await Assert.ThrowsAsync<DomainException>(() => portal.AsAsync(Roles.SupportCenter, async sp =>
        {
            await using var exe = new MemoryStream(AttachmentTests.Exe);
            await sp.GetRequiredService<ProposalService>().AcceptWithMinutesAsync(id, stamp, DateOnly.FromDateTime(DateTime.UtcNow), "Đạt", "bien-ban.pdf", exe);
        }));
        Assert.False(string.IsNullOrWhiteSpace(refused.Message));

        var after = await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (Status: await db.Proposals.Where(p => p.Id == id).Select(p => p.Status).SingleAsync(),
                Stamp: await db.Proposals.Where(p => p.Id == id).Select(p => p.ConcurrencyStamp).SingleAsync(),
                Accepts: await db.ProposalTransitions.CountAsync(t => t.ProposalId == id && t.Action == ProposalAction.Accept),
                Files: await db.Attachments.CountAsync(a => a.ProposalId == id),
                Audit: await db.AuditEntries.CountAsync());
        });
        Assert.Equal((ProposalStatus.Implementing, stamp, 0, 0, auditBefore), after);
    }
}

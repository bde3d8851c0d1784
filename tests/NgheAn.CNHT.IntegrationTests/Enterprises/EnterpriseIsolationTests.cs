using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Applications;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Enterprises;

/// <summary>
/// Isolation: every page and handler an enterprise can reach, tried with another enterprise's ids, answers 404 (or
/// 403 where the page is not the enterprise's at all) and never shows the other's data; the Support Center's pages
/// deny enterprises.
/// </summary>
public sealed class EnterpriseIsolationTests(EnterprisePortal portal) : IClassFixture<EnterprisePortal>
{
    private const string SecretTitle = "Đề án bí mật của doanh nghiệp khác";

    [Fact]
    public async Task Another_enterprises_ids_answer_404_or_403_and_never_its_data()
    {
        var (_, itemA, _) = await portal.OpenCallAsync();
        var (other, _, _) = await portal.EnterpriseAsync();
        var (me, _, _) = await portal.EnterpriseAsync();

        // The other enterprise: one application submitted and accepted into a proposal, one draft.
        var accepted = await EnterprisePortal.DraftAsync(other, itemA);
        await EnterprisePortal.UploadChecklistAsync(other, accepted);
        Assert.Equal(HttpStatusCode.Redirect, (await EnterprisePortal.PostHandlerAsync(other, $"/Applications/Details/{accepted}", "Submit")).StatusCode);
        var stamp = await portal.ReadAsync(db => db.Applications.Where(a => a.Id == accepted).Select(a => a.ConcurrencyStamp).SingleAsync());
        var proposal = await portal.AsAsync("SupportCenter", sp => sp.GetRequiredService<IntakeService>().AcceptAsync(accepted, stamp));
        var draft = await EnterprisePortal.DraftAsync(other, itemA);
        await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<NgheAn.CNHT.Infrastructure.Persistence.AppDbContext>();
            await db.Applications.Where(a => a.Id == draft).ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, SecretTitle));
            return true;
        });
        var document = await portal.ReadAsync(db => db.ApplicationDocuments.Where(d => d.ApplicationId == accepted).Select(d => d.Id).FirstAsync());
        var mine = await EnterprisePortal.DraftAsync(me, itemA);

        var token = WebPageHelpers.AntiforgeryToken(await me.GetStringAsync("/DoanhNghiep"));
        var gets = new[]
        {
            $"/Applications/Details/{accepted}", $"/Applications/Details/{draft}", $"/Applications/Edit/{draft}",
            $"/Applications/Details/{accepted}?handler=Receipt", $"/Applications/Details/{accepted}?handler=File&documentId={document}",
            $"/Applications/Details/{mine}?handler=File&documentId={document}", $"/DoanhNghiep/DeAn/{proposal}",
        };
        var posts = new[]
        {
            $"/Applications/Edit/{draft}", $"/Applications/Details/{draft}?handler=Upload", $"/Applications/Details/{draft}?handler=Withdraw",
            $"/Applications/Details/{draft}?handler=Submit", $"/DoanhNghiep/DeAn/{proposal}?handler=Report",
        };
        var failures = new List<string>();
        foreach (var url in gets)
        {
            var response = await me.GetAsync(url);
            await CheckAsync(url, response, failures);
        }

        foreach (var url in posts)
        {
            var response = await me.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Stamp"] = stamp.ToString(),
                ["DocumentId"] = document.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Title"] = "Sửa trộm",
            }));
            await CheckAsync(url, response, failures);
        }

        // The Support Center's and the department's pages are not the enterprise's at all.
        foreach (var url in new[] { "/Intake", $"/Intake/Details/{accepted}", "/Intake/Accounts", "/Calls/Manage", $"/Proposals/Details/{proposal}", "/Proposals", "/Reports", "/Organizations", "/Guide", "/api/v1/programs" })
        {
            var response = await me.GetAsync(url);
            var denied = response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal) == true;
            if (!denied)
            {
                failures.Add($"{url}: expected a denial, got {(int)response.StatusCode}");
            }
        }

        // Its own home lists only its own work.
        var home = await me.GetStringAsync("/DoanhNghiep");
        if (home.Contains(SecretTitle, StringComparison.Ordinal) || home.Contains("Đề án doanh nghiệp kiểm thử", StringComparison.Ordinal) is false)
        {
            failures.Add("/DoanhNghiep shows another enterprise's application or misses its own");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal("Đề án doanh nghiệp kiểm thử", await portal.ReadAsync(db => db.Applications.Where(a => a.Id == accepted).Select(a => a.Title).SingleAsync()));
    }

    private static async Task CheckAsync(string url, HttpResponseMessage response, List<string> failures)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden))
        {
            failures.Add($"{url}: expected 404 or 403, got {(int)response.StatusCode}");
        }

        if (body.Contains(SecretTitle, StringComparison.Ordinal) || body.Contains("%PDF", StringComparison.Ordinal))
        {
            failures.Add($"{url}: the answer carries the other enterprise's data");
        }
    }
}

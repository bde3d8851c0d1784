using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Plans;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Outcomes;

/// <summary>The page that sets an outcome's target (ADR 0197): specialists only, the form's version, audited, Vietnamese errors.</summary>
public sealed class OutcomeTargetTests
{
    private static string Stamp(string html) => Regex.Match(html, "name=\"Input.ConcurrencyStamp\" value=\"([^\"]*)\"").Groups[1].Value;

    [Fact]
    public async Task A_specialist_sets_a_target_which_is_audited_and_a_stale_a_missing_or_a_bad_form_is_refused_in_words()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        await YearlyPlanTests.SeedPlansAsync(portal);
        var id = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().OutcomeIndicators.Where(i => i.Code == "DN").Select(i => i.Id).SingleAsync());
        var page = $"/Outcomes/Target/{id.ToString(CultureInfo.InvariantCulture)}";

        // Other roles do not reach it; the leader reads the outcomes but does not set targets.
        var leader = await portal.SignInAsAsync("DoitLeader");
        var denied = await leader.GetAsync(page);
        Assert.True(denied.StatusCode is HttpStatusCode.Forbidden || (denied.Headers.Location?.OriginalString ?? "").Contains("/Account/AccessDenied", StringComparison.Ordinal), denied.StatusCode.ToString());
        var deniedPost = await leader.PostFormAsync("/Outcomes?program=2026-2030", new Dictionary<string, string> { ["Input.Target"] = "1", ["Input.ConcurrencyStamp"] = Guid.NewGuid().ToString() }, page);
        Assert.True(deniedPost.StatusCode is HttpStatusCode.Forbidden || (deniedPost.Headers.Location?.OriginalString ?? "").Contains("/Account/AccessDenied", StringComparison.Ordinal), deniedPost.StatusCode.ToString());
        var anonymous = portal.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(page)).StatusCode);

        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var form = await specialist.GetStringAsync(page);
        Assert.Contains("giá trị minh họa", ProposalArrange.Text(form));
        var oldStamp = Stamp(form);

        // Letters and a negative target: Vietnamese errors, nothing saved.
        var letters = await specialist.PostFormAsync(page, new Dictionary<string, string> { ["Input.Target"] = "một trăm", ["Input.ConcurrencyStamp"] = oldStamp }, page);
        Assert.Equal(HttpStatusCode.OK, letters.StatusCode);
        Assert.Contains("Mục tiêu phải là số, ví dụ 9,5 hoặc 120", ProposalArrange.Text(await letters.Content.ReadAsStringAsync()));
        var negative = await specialist.PostFormAsync(page, new Dictionary<string, string> { ["Input.Target"] = "-5", ["Input.ConcurrencyStamp"] = oldStamp }, page);
        Assert.Contains("Mục tiêu không được âm.", ProposalArrange.Text(await negative.Content.ReadAsStringAsync()));
        var missing = await specialist.PostFormAsync(page, new Dictionary<string, string> { ["Input.Target"] = "150" }, page);
        Assert.Contains("Biểu mẫu thiếu mã phiên bản", ProposalArrange.Text(await missing.Content.ReadAsStringAsync()));

        // The approved target: saved, no longer illustrative, audited.
        var saved = await specialist.PostFormAsync(page, new Dictionary<string, string> { ["Input.Target"] = "1.150,5", ["Input.ConcurrencyStamp"] = oldStamp }, page);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, ProposalArrange.Text(await saved.Content.ReadAsStringAsync()));
        var indicator = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().OutcomeIndicators.AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.Equal(1150.5m, indicator.Target);
        Assert.False(indicator.TargetIsIllustrative);
        Assert.NotEqual(oldStamp, indicator.ConcurrencyStamp.ToString());
        var audit = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries
            .Where(a => a.EntityType == "OutcomeIndicator" && a.Action == "Update" && a.EntityKey == id.ToString(CultureInfo.InvariantCulture)).ToListAsync());
        Assert.Contains(audit, a => a.Changes.Contains("Target", StringComparison.Ordinal) && a.UserName.Length > 0);
        Assert.Contains("1.150,5", ProposalArrange.Text(await specialist.GetStringAsync("/Outcomes?program=2026-2030")));

        // A form opened before that change (the old version) is refused; the saved target stays.
        var stale = await specialist.PostFormAsync(page, new Dictionary<string, string> { ["Input.Target"] = "200", ["Input.ConcurrencyStamp"] = oldStamp }, page);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("vừa được người khác sửa", ProposalArrange.Text(await stale.Content.ReadAsStringAsync()));
        Assert.Equal(1150.5m, await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().OutcomeIndicators.Where(i => i.Id == id).Select(i => i.Target).SingleAsync()));
    }
}

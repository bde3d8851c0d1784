using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Disbursements;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Ledger;

/// <summary>The append-only ledger, its ceiling under concurrent posting, reversals and settlement (each test on its own database).</summary>
public sealed class LedgerTests
{
    private static async Task<(int Id, decimal Share)> ProposalAsync(CnhtFactory portal, ProposalStatus status) =>
        await portal.ScopedAsync(async sp =>
        {
            var p = await sp.GetRequiredService<AppDbContext>().Proposals.AsNoTracking()
                .Where(x => x.Status == status).OrderBy(x => x.Code)
                .Select(x => new { x.Id, Share = x.ApprovedProvincialShare!.Value }).FirstAsync();
            return (p.Id, p.Share);
        });

    private static Task<LedgerBalance> BalanceAsync(CnhtFactory portal, int proposalId) =>
        portal.ScopedAsync(sp => LedgerService.BalanceAsync(sp.GetRequiredService<AppDbContext>(), proposalId, CancellationToken.None));

    private static Dictionary<string, string> Entry(decimal amount, string kind = "Payment", string source = "ProvincialBudget", string voucher = "PC-T") => new()
    {
        ["Input.EntryDate"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Amount"] = VnFormat.Dong(amount),
        ["Input.Kind"] = kind,
        ["Input.Source"] = source,
        ["Input.VoucherNumber"] = voucher,
    };

    [Fact]
    public async Task Concurrent_postings_on_SQLite_never_break_the_provincial_ceiling()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var (id, share) = await ProposalAsync(portal, ProposalStatus.Implementing);
        var before = await BalanceAsync(portal, id);
        var remaining = share - before.Provincial;
        var each = decimal.Truncate(remaining / 3.5m);

        var page = $"/Disbursements/Record?proposalId={id}";
        var clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => portal.SignInAsAsync("SupportCenter")));
        var forms = await Task.WhenAll(clients.Select(async (c, i) =>
        {
            var html = await c.GetStringAsync(page);
            var form = Entry(each, voucher: $"PC-SS-{i}");
            form["__RequestVerificationToken"] = WebPageHelpers.AntiforgeryToken(html);
            form["ProposalId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            form["Input.Version"] = WebPageHelpers.HiddenValue(html, "Input.Version");
            return (Client: c, Form: form);
        }));

        using var start = new SemaphoreSlim(0);
        var posts = forms.Select(async f =>
        {
            await start.WaitAsync();
            return await f.Client.PostAsync(page, new FormUrlEncodedContent(f.Form));
        }).ToList();
        start.Release(forms.Length);
        var responses = await Task.WhenAll(posts);

        // Every form was made on the same version of the ledger: the first posting wins, every other one is refused
        // as stale (ADR 0114), with the conflict message and nothing saved.
        var accepted = responses.Count(r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(1, accepted);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("sổ giải ngân của đề án vừa được thay đổi", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        }

        var after = await BalanceAsync(portal, id);
        Assert.Equal(before.Provincial + each, after.Provincial);
        Assert.True(after.Provincial <= share);
    }

    [Fact]
    public async Task Posting_above_the_ceiling_shows_a_vietnamese_error_and_saves_nothing()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var (id, share) = await ProposalAsync(portal, ProposalStatus.Implementing);
        var client = await portal.SignInAsAsync("SupportCenter");
        var before = await BalanceAsync(portal, id);
        var response = await client.PostFormAsync($"/Disbursements/Record?proposalId={id}", Entry(share));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vượt mức ngân sách tỉnh được duyệt", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await BalanceAsync(portal, id));
    }

    [Theory]
    [InlineData("abc", "phải là số đồng nguyên")]
    [InlineData("1,5", "phải là số đồng nguyên")]
    [InlineData("", "Vui lòng nhập số tiền")]
    public async Task Malformed_amounts_are_refused_next_to_the_field(string amount, string message)
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var (id, _) = await ProposalAsync(portal, ProposalStatus.Implementing);
        var client = await portal.SignInAsAsync("SupportCenter");
        var form = Entry(1);
        form["Input.Amount"] = amount;
        var response = await client.PostFormAsync($"/Disbursements/Record?proposalId={id}", form);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("DoitSpecialist")]
    [InlineData("DoitLeader")]
    [InlineData("Viewer")]
    public async Task Only_the_support_center_may_open_the_recording_form(string role)
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var (id, _) = await ProposalAsync(portal, ProposalStatus.Implementing);
        var client = await portal.SignInAsAsync(role);
        var response = await client.GetAsync($"/Disbursements/Record?proposalId={id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_ledger_refuses_updates_and_deletes_in_the_application_and_in_the_database()
    {
        await using var portal = new CnhtFactory();
        await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var entry = await db.DisbursementEntries.FirstAsync();
            var original = entry.Amount;
            db.Entry(entry).Property(e => e.Amount).CurrentValue = 1m;
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.DisbursementEntries.Remove(await db.DisbursementEntries.FirstAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            var update = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() =>
                db.Database.ExecuteSqlRawAsync("UPDATE DisbursementEntries SET Amount = '1' WHERE Id = {0}", entry.Id));
            Assert.Contains("append-only", update.Message);
            await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM DisbursementEntries"));
            await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM ProposalTransitions"));
            await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET UserName = 'x'"));
            Assert.Equal(original, await db.DisbursementEntries.Where(e => e.Id == entry.Id).Select(e => e.Amount).SingleAsync());
            return true;
        });
    }

    [Fact]
    public async Task A_reversal_cancels_an_entry_once_and_points_at_it()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var (id, _) = await ProposalAsync(portal, ProposalStatus.Implementing);
        var client = await portal.SignInAsAsync("SupportCenter");
        var before = await BalanceAsync(portal, id);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Disbursements/Record?proposalId={id}", Entry(12_345_000m, voucher: "PC-NHAM"))).StatusCode);
        var entryId = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().DisbursementEntries.Where(e => e.VoucherNumber == "PC-NHAM").Select(e => e.Id).SingleAsync());

        var reverse = new Dictionary<string, string>
        {
            ["Input.EntryDate"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.VoucherNumber"] = "PC-NHAM-DAO",
            ["Input.Reason"] = "Nhập nhầm số tiền",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Disbursements/Reverse?id={entryId}", reverse)).StatusCode);
        Assert.Equal(before, await BalanceAsync(portal, id));

        var reversal = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().DisbursementEntries.AsNoTracking().SingleAsync(e => e.ReversesEntryId == entryId));
        Assert.Equal(-12_345_000m, reversal.Amount);
        Assert.Equal(DisbursementKind.Reversal, reversal.Kind);

        var again = await client.PostFormAsync($"/Disbursements/Reverse?id={entryId}", reverse);
        Assert.Contains("đã được đảo", await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().DisbursementEntries.CountAsync(e => e.ReversesEntryId == entryId)));
    }

    [Fact]
    public async Task Settlement_overrides_the_approved_figures_in_the_appendix_and_closes_the_ledger()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var accepted = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Proposals.AsNoTracking()
            .Where(p => p.Status == ProposalStatus.Accepted).Select(p => new { p.Id, Total = p.ApprovedTotalCost!.Value, Share = p.ApprovedProvincialShare!.Value, Group = p.ContentItem.Group.Code }).FirstAsync());
        var appendix = () => portal.ScopedAsync(sp => sp.GetRequiredService<AppendixQuery>().BuildAsync("2018-2025"));
        var before = await appendix();

        var client = await portal.SignInAsAsync("SupportCenter");
        var settledTotal = accepted.Total - 100_000_000m;
        var settledShare = accepted.Share - 65_252_000m;
        var form = new Dictionary<string, string>
        {
            ["Input.DecisionNumber"] = "77/QĐ-TT",
            ["Input.SettlementDate"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.SettledTotalCost"] = VnFormat.Dong(settledTotal),
            ["Input.SettledProvincialShare"] = VnFormat.Dong(settledShare),
        };
        var response = await client.PostFormAsync($"/Disbursements/Settle?proposalId={accepted.Id}", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var after = await appendix();
        Assert.Equal(before.Total.TotalCost - 100_000_000m, after.Total.TotalCost);
        Assert.Equal(before.Total.ProvincialShare - 65_252_000m, after.Total.ProvincialShare);
        Assert.Equal(before.Total.ProposalCount, after.Total.ProposalCount);
        Assert.Equal(ProposalStatus.Settled, await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Proposals.Where(p => p.Id == accepted.Id).Select(p => p.Status).SingleAsync()));

        var closed = await client.GetAsync($"/Disbursements/Record?proposalId={accepted.Id}");
        var post = await client.PostFormAsync($"/Disbursements/Record?proposalId={accepted.Id}", Entry(1_000m));
        Assert.Contains("Đề án đã quyết toán", await post.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
    }

    [Fact]
    public async Task Settling_above_the_approved_share_is_refused_and_nothing_changes()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var accepted = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Proposals.AsNoTracking()
            .Where(p => p.Status == ProposalStatus.Accepted).Select(p => new { p.Id, Total = p.ApprovedTotalCost!.Value, Share = p.ApprovedProvincialShare!.Value }).FirstAsync());
        var client = await portal.SignInAsAsync("SupportCenter");
        var response = await client.PostFormAsync($"/Disbursements/Settle?proposalId={accepted.Id}", new Dictionary<string, string>
        {
            ["Input.DecisionNumber"] = "78/QĐ-TT",
            ["Input.SettlementDate"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.SettledTotalCost"] = VnFormat.Dong(accepted.Total),
            ["Input.SettledProvincialShare"] = VnFormat.Dong(accepted.Share + 1),
        });
        Assert.Contains("không được vượt phần ngân sách tỉnh được duyệt", await response.Content.ReadAsStringAsync());
        Assert.Equal(ProposalStatus.Accepted, await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Proposals.Where(p => p.Id == accepted.Id).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_register_balances_add_up_to_the_figures_the_appendix_uses()
    {
        await using var portal = new CnhtFactory();
        var balances = await portal.ScopedAsync(sp => sp.GetRequiredService<LedgerQueries>().BalancesAsync(new LedgerFilter("2018-2025")));
        var appendix = await portal.ScopedAsync(sp => sp.GetRequiredService<AppendixQuery>().BuildAsync("2018-2025"));
        Assert.Equal(appendix.Total.ProposalCount, balances.Count);
        Assert.Equal(appendix.Total.ProvincialShare, balances.Sum(b => b.ApprovedProvincialShare));
        Assert.Equal(appendix.Total.OtherSources, balances.Sum(b => b.ApprovedOtherSources));

        var totals = await portal.ScopedAsync(sp => sp.GetRequiredService<LedgerQueries>().BalanceTotalsAsync(new LedgerFilter("2018-2025")));
        Assert.Equal(balances.Count, totals.Count);
        Assert.Equal(balances.Sum(b => b.ApprovedProvincialShare), totals.ApprovedProvincialShare);
        Assert.Equal(balances.Sum(b => b.DisbursedProvincial), totals.DisbursedProvincial);
        Assert.Equal(balances.Sum(b => b.DisbursedNonProvincial), totals.DisbursedNonProvincial);
        Assert.Equal(balances.Sum(b => b.OutstandingAdvances), totals.OutstandingAdvances);
        var pages = await portal.ScopedAsync(async sp =>
        {
            var q = sp.GetRequiredService<LedgerQueries>();
            return (await q.BalancesAsync(new LedgerFilter("2018-2025"), 1, 10), await q.BalancesAsync(new LedgerFilter("2018-2025"), 3, 10));
        });
        Assert.Equal(balances.Take(10).Select(b => b.Code), pages.Item1.Select(b => b.Code));
        Assert.Equal(balances.Skip(20).Take(10).Select(b => b.Code), pages.Item2.Select(b => b.Code));

        var register = await portal.ScopedAsync(sp => sp.GetRequiredService<LedgerQueries>().RegisterAsync(new LedgerFilter("2018-2025")));
        Assert.Equal(balances.Sum(b => b.DisbursedProvincial), register.Totals.Provincial);
        var settled = balances.Where(b => b.Status == ProposalStatus.Settled).ToList();
        Assert.All(settled, b => Assert.Equal(b.ApprovedProvincialShare, b.DisbursedProvincial));
        Assert.All(settled, b => Assert.Equal(0m, b.OutstandingAdvances));
        Assert.Contains(balances, b => b.Status != ProposalStatus.Settled && b.OutstandingAdvances > 0);
    }

    [Fact]
    public async Task The_register_page_filters_by_source_and_shows_totals()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var client = await portal.SignInAsAsync("Viewer");
        var html = await client.GetStringAsync("/Disbursements?program=2018-2025&source=Counterpart");
        Assert.Contains("Sổ giải ngân", html);
        var register = await portal.ScopedAsync(sp => sp.GetRequiredService<LedgerQueries>().RegisterAsync(new LedgerFilter("2018-2025", Source: FundingSource.Counterpart)));
        Assert.True(register.Totals.Count > 0);
        Assert.Contains($"Bút toán ({register.Totals.Count})", html);
        Assert.All(register.Rows, r => Assert.Equal(FundingSource.Counterpart, r.Source));
        Assert.Equal(0m, register.Totals.Provincial);
        Assert.Contains(VnFormat.Dong(register.Totals.Counterpart), html);
        Assert.DoesNotContain("Ghi giải ngân", html);
    }

    [Fact]
    public async Task The_ledger_is_filtered_by_a_typed_lead_unit_as_by_its_id()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var client = await portal.SignInAsAsync("Viewer");
        // The lead unit with the most ledger entries in the demo data, and its name typed without diacritics.
        var unit = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().DisbursementEntries
            .GroupBy(e => new { e.Proposal.LeadOrganizationId, e.Proposal.LeadOrganization.Name })
            .Select(g => new { g.Key.LeadOrganizationId, g.Key.Name, Count = g.Count() })
            .OrderByDescending(g => g.Count).FirstAsync());
        var byId = await portal.ScopedAsync(sp => sp.GetRequiredService<LedgerQueries>().RegisterAsync(new LedgerFilter("2018-2025", LeadOrganizationId: unit.LeadOrganizationId)));
        Assert.Equal(unit.Count, byId.Totals.Count);

        var typed = SearchText.Fold(unit.Name);
        var html = await client.GetStringAsync($"/Disbursements?program=2018-2025&unit={Uri.EscapeDataString(typed)}");
        Assert.Contains($"Bút toán ({unit.Count})", html);
        Assert.Contains($"value=\"{typed}\"", html);
        Assert.Contains(VnFormat.Dong(byId.Totals.Provincial), html);

        // Years no voucher can have (a hand-edited address) list nothing instead of failing.
        foreach (var year in new[] { "0", "-5", "99999" })
        {
            var odd = await client.GetAsync($"/Disbursements?program=2018-2025&year={year}");
            Assert.Equal(HttpStatusCode.OK, odd.StatusCode);
            Assert.Contains("Bút toán (0)", await odd.Content.ReadAsStringAsync());
        }

        var none = await client.GetStringAsync("/Disbursements?program=2018-2025&unit=khong+co+don+vi+nao");
        Assert.Contains("Bút toán (0)", none);

        // By id (links from other pages): the unit is named, with a link that drops the condition.
        var chosen = await client.GetStringAsync($"/Disbursements?program=2018-2025&lead={unit.LeadOrganizationId}");
        Assert.Contains($"Bút toán ({unit.Count})", chosen);
        Assert.Contains($"Chỉ đề án do <strong>{unit.Name}</strong> chủ trì", chosen);
    }

    [Fact]
    public async Task A_proposal_with_money_still_out_cannot_be_cancelled_until_it_is_recovered()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var center = await portal.SignInAsAsync("SupportCenter");
        var leader = await portal.SignInAsAsync("DoitLeader");
        var (id, _) = await ProposalAsync(portal, ProposalStatus.Implementing);
        Assert.Equal(HttpStatusCode.Redirect, (await center.PostFormAsync($"/Disbursements/Record?proposalId={id}", Entry(10_000_000m, kind: "Advance", voucher: "PC-HUY"))).StatusCode);
        var paid = await BalanceAsync(portal, id);
        Assert.True(paid.Provincial > 0);

        var refused = await leader.PostStepAsync(id, "Cancel", new Dictionary<string, string> { ["Act.Comment"] = "Đơn vị không tiếp tục" });
        var page = ProposalArrange.Text(await refused.Content.ReadAsStringAsync());
        Assert.Contains("còn số đã giải ngân chưa thu hồi", page);
        Assert.Contains($"ngân sách tỉnh {VnFormat.Dong(paid.Provincial)} đồng", page);
        Assert.Equal(ProposalStatus.Implementing, await ProposalArrange.StatusAsync(portal, id));

        // Everything recovered (per source), the cancellation goes through.
        Assert.Equal(HttpStatusCode.Redirect, (await center.PostFormAsync($"/Disbursements/Record?proposalId={id}", Entry(paid.Provincial, kind: "Recovery", voucher: "PT-HUY"))).StatusCode);
        if (paid.Counterpart > 0)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await center.PostFormAsync($"/Disbursements/Record?proposalId={id}", Entry(paid.Counterpart, kind: "Recovery", source: "Counterpart", voucher: "PT-HUY-2"))).StatusCode);
        }

        if (paid.Other > 0)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await center.PostFormAsync($"/Disbursements/Record?proposalId={id}", Entry(paid.Other, kind: "Recovery", source: "Other", voucher: "PT-HUY-3"))).StatusCode);
        }

        Assert.Equal(LedgerBalance.Empty, await BalanceAsync(portal, id));
        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostStepAsync(id, "Cancel", new Dictionary<string, string> { ["Act.Comment"] = "Đơn vị không tiếp tục" })).StatusCode);
        Assert.Equal(ProposalStatus.Cancelled, await ProposalArrange.StatusAsync(portal, id));
    }

    [Fact]
    public async Task Settlement_leaves_room_for_the_counterpart_already_recorded()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        // Approved 900 triệu of which 270 provincial: 630 triệu of counterpart recorded, then accepted.
        var id = await ProposalArrange.InStatusAsync(portal, ProposalStatus.Accepted, "Đề án quyết toán có vốn đối ứng");
        var client = await portal.SignInAsAsync("SupportCenter");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Disbursements/Record?proposalId={id}", Entry(630_000_000m, source: "Counterpart", voucher: "DU-01"))).StatusCode);

        // Settled at 800 triệu with 250 provincial leaves 550 for other sources: the 630 recorded do not fit.
        var form = new Dictionary<string, string>
        {
            ["Input.DecisionNumber"] = "12/QĐ-TT",
            ["Input.SettlementDate"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.SettledTotalCost"] = "800.000.000",
            ["Input.SettledProvincialShare"] = "250.000.000",
        };
        var refused = await client.PostFormAsync($"/Disbursements/Settle?proposalId={id}", form);
        Assert.Contains("Vốn đối ứng và nguồn khác đã ghi (630.000.000 đồng) lớn hơn phần ngoài ngân sách tỉnh của số quyết toán (550.000.000 đồng)",
            ProposalArrange.Text(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(ProposalStatus.Accepted, await ProposalArrange.StatusAsync(portal, id));

        // 900 with 270 leaves exactly 630: settled.
        form["Input.SettledTotalCost"] = "900.000.000";
        form["Input.SettledProvincialShare"] = "270.000.000";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Disbursements/Settle?proposalId={id}", form)).StatusCode);
        Assert.Equal(ProposalStatus.Settled, await ProposalArrange.StatusAsync(portal, id));

        // The ledger is closed: no "Đảo" on its entries, neither on the proposal nor in the register.
        Assert.Contains("DU-01", await client.GetStringAsync($"/Proposals/Details/{id}"));
        Assert.DoesNotContain("/Disbursements/Reverse/", await client.GetStringAsync($"/Proposals/Details/{id}"));
        var register = await client.GetStringAsync($"/Disbursements?program=2018-2025&proposal={id}");
        Assert.Contains("DU-01", register);
        Assert.DoesNotContain("/Disbursements/Reverse/", register);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Dashboard;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.IntegrationTests.Support;
using static NgheAn.CNHT.IntegrationTests.Support.ProposalArrange;

namespace NgheAn.CNHT.IntegrationTests.Dashboard;

/// <summary>The home page's figures agree with the appendix and with sums taken here from the rows; each role sees its own work.</summary>
public sealed partial class DashboardTests : IClassFixture<DemoPortal>
{
    private readonly DemoPortal _portal;

    public DashboardTests(DemoPortal portal) => _portal = portal;

    private sealed class As(Actor actor) : ICurrentUser
    {
        public string UserName => actor.UserName;
        public Actor Actor => actor;
    }

    private async Task<DashboardView> BuildAsync(Actor actor, string? program = "2018-2025", int? year = null)
    {
        using var scope = _portal.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var query = new DashboardQuery(sp.GetRequiredService<IAppDbContext>(), sp.GetRequiredService<Application.Catalog.CatalogQueries>(),
            new As(actor), sp.GetRequiredService<IUserDirectory>(), TimeProvider.System, sp.GetRequiredService<VersionedCache>(),
            sp.GetRequiredService<Application.Disbursements.LedgerItemSums>(), sp.GetRequiredService<NewestSteps>());
        return (await query.BuildAsync(program, year))!;
    }

    private static readonly Actor Viewer = new("xem@cnht.demo", "Xem", new HashSet<string> { Roles.Viewer });

    [Fact]
    public async Task The_programs_figures_equal_the_appendix_and_sums_taken_from_the_rows()
    {
        var view = await BuildAsync(Viewer);
        var appendix = await _portal.ScopedAsync(sp => sp.GetRequiredService<AppendixQuery>().BuildAsync("2018-2025"));
        var (paid, paidByYear, statuses) = await ReadAsync(_portal, async db =>
        {
            var entries = await db.DisbursementEntries.Where(e => db.Programs.Any(pr => pr.Id == e.Proposal.ProgramId && pr.Code == "2018-2025") && e.Source == FundingSource.ProvincialBudget)
                .Select(e => new { e.Amount, e.EntryDate }).ToListAsync();
            var all = await db.Proposals.Where(p => db.Programs.Any(pr => pr.Id == p.ProgramId && pr.Code == "2018-2025")).Select(p => p.Status).ToListAsync();
            return (entries.Sum(e => e.Amount), entries.GroupBy(e => e.EntryDate.Year).ToDictionary(g => g.Key, g => g.Sum(e => e.Amount)), all);
        });

        Assert.Equal(appendix.Total.Plan, view.Period.Plan);
        Assert.Equal(appendix.Total.ProposalCount, view.Period.ProposalCount);
        Assert.Equal(appendix.Total.TotalCost, view.Period.TotalCost);
        Assert.Equal(appendix.Total.ProvincialShare, view.Period.ProvincialShare);
        Assert.Equal(paid, view.Period.DisbursedProvincial);
        foreach (var g in appendix.Groups)
        {
            var mine = view.Groups.Single(x => x.Code == g.Code);
            Assert.Equal((g.Figures.Plan, g.Figures.ProposalCount, g.Figures.ProvincialShare), (mine.Plan, mine.ProposalCount, mine.ProvincialShare));
        }

        Assert.Equal(Enumerable.Range(2018, 8), view.Years.Select(y => y.Year));
        Assert.Equal(view.Period.ProvincialShare, view.Years.Sum(y => y.ProvincialShare));
        foreach (var y in view.Years)
        {
            Assert.Equal(paidByYear.GetValueOrDefault(y.Year), y.DisbursedProvincial);
            var ofYear = await _portal.ScopedAsync(sp => sp.GetRequiredService<AppendixQuery>().BuildAsync("2018-2025", y.Year, y.Year));
            Assert.Equal((ofYear.Total.ProposalCount, ofYear.Total.ProvincialShare), (y.ProposalCount, y.ProvincialShare));
        }

        Assert.Equal(statuses.Count, view.Statuses.Sum(s => s.Count));
        foreach (var s in view.Statuses)
        {
            Assert.Equal(statuses.Count(x => x == s.Status), s.Count);
        }
    }

    [Fact]
    public async Task The_year_is_this_year_kept_inside_the_programs_period_and_can_be_chosen()
    {
        Assert.Equal(Math.Clamp(VnFormat.TodayInVietnam(DateTime.UtcNow).Year, 2018, 2025), (await BuildAsync(Viewer)).Year);
        var y2021 = await BuildAsync(Viewer, year: 2021);
        Assert.Equal(2021, y2021.ThisYear.Year);
        Assert.Equal(y2021.Years.Single(y => y.Year == 2021).ProvincialShare, y2021.ThisYear.ProvincialShare);
        Assert.Equal(2018, (await BuildAsync(Viewer, year: 1990)).Year);
    }

    [Fact]
    public async Task Waiting_for_my_action_follows_the_workflow_table_for_each_role()
    {
        var submitted = await InStatusAsync(_portal, ProposalStatus.Submitted, "Đề án chờ thẩm định (bảng điều khiển)");
        var appraised = await InStatusAsync(_portal, ProposalStatus.Appraised, "Đề án chờ phê duyệt (bảng điều khiển)");

        var center = await BuildAsync(Center);
        Assert.Equal([ProposalStatus.Submitted, ProposalStatus.Approved, ProposalStatus.Implementing, ProposalStatus.Accepted], center.Waiting.Select(w => w.Status));
        Assert.Contains(center.Waiting.Single(w => w.Status == ProposalStatus.Submitted).Oldest, p => p.Id == submitted);
        Assert.Equal([ProposalAction.Settle], center.Waiting.Single(w => w.Status == ProposalStatus.Accepted).Actions);

        var leader = await BuildAsync(Leader);
        var forLeader = Assert.Single(leader.Waiting);
        Assert.Equal(ProposalStatus.Appraised, forLeader.Status);
        Assert.Contains(forLeader.Oldest, p => p.Id == appraised);
        Assert.Equal(await ReadAsync(_portal, db => db.Proposals.CountAsync(p => p.Status == ProposalStatus.Appraised)), forLeader.Count);

        Assert.Equal([ProposalStatus.Draft, ProposalStatus.Approved], (await BuildAsync(Specialist)).Waiting.Select(w => w.Status));
        Assert.Empty((await BuildAsync(Viewer)).Waiting);
    }

    [Fact]
    public async Task Recent_activity_is_the_latest_steps_and_ledger_entries_with_peoples_names()
    {
        var view = await BuildAsync(Viewer);
        Assert.Equal(DashboardQuery.ActivityShown, view.Activity.Count);
        Assert.Equal(view.Activity.OrderByDescending(a => a.At).Select(a => a.At), view.Activity.Select(a => a.At));
        var latestStep = await ReadAsync(_portal, db => db.ProposalTransitions.Where(t => db.Programs.Any(p => p.Id == t.Proposal.ProgramId && p.Code == "2018-2025"))
            .OrderByDescending(t => t.At).ThenByDescending(t => t.Id).Select(t => t.At).FirstAsync());
        Assert.Contains(view.Activity, a => a.Kind == ActivityKind.Step && a.At == latestStep);
    }

    [Fact]
    public async Task Waiting_and_activity_are_shared_between_requests_yet_show_a_new_step_at_once()
    {
        var draft = await InStatusAsync(_portal, ProposalStatus.Draft, "Đề án mới nhất của bảng điều khiển");
        var before = await BuildAsync(Leader);
        // A second build without a write in between is served from the cache: the very same rows.
        Assert.Same(before.Waiting.Single().Oldest, (await BuildAsync(Leader)).Waiting.Single().Oldest);
        var waitingBefore = before.Waiting.Single(w => w.Status == ProposalStatus.Appraised).Count;

        // A step later than anything else: the next dashboard lists it first and counts it as waiting for a leader.
        var at = DateTime.UtcNow.AddMinutes(30);
        using (var scope = _portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Infrastructure.Persistence.AppDbContext>();
            var proposal = await db.Proposals.SingleAsync(p => p.Id == draft);
            proposal.Submit(Specialist, at.AddMinutes(-1), null);
            proposal.Appraise(Center, at, DateOnly.FromDateTime(at), "Đồng ý", 1_000_000_000m, 300_000_000m);
            await db.SaveChangesAsync();
        }

        var after = await BuildAsync(Leader);
        Assert.Equal(waitingBefore + 1, after.Waiting.Single(w => w.Status == ProposalStatus.Appraised).Count);
        var first = after.Activity[0];
        Assert.Equal((ActivityKind.Step, draft, ProposalStatus.Appraised), (first.Kind, first.ProposalId, first.ToStatus));
    }

    [Theory]
    [InlineData("Viewer", "không có bước xử lý đề án nào")]
    [InlineData("SupportCenter", "data-waiting-status=\"Accepted\"")]
    public async Task The_home_page_links_every_figure_to_the_rows_behind_it(string role, string waiting)
    {
        var client = await _portal.SignInAsAsync(role);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/"));
        Assert.Contains("<title>Tổng quan — CNHT Nghệ An</title>", html);
        Assert.Contains(waiting, html);
        Assert.Contains("href=\"/Proposals?program=2018-2025&counted=true\"", html);
        Assert.Contains("href=\"/Disbursements?program=2018-2025&source=ProvincialBudget\"", html);
        Assert.Contains("href=\"/Catalog/Program/2018-2025\"", html);
        Assert.Matches("href=\"/Disbursements\\?program=2018-2025&year=2024&source=ProvincialBudget\"", html);
        Assert.Matches("href=\"/Proposals\\?program=2018-2025&status=Settled\"", html);
        Assert.Contains("id=\"appendix-table\"", html);
        Assert.Equal(3, SvgRegex().Count(html));
    }

    [Fact]
    public async Task The_rendered_figures_are_reused_until_a_write_and_show_the_write_on_the_next_request()
    {
        var client = await _portal.SignInAsAsync("DoitLeader");
        static int Drafts(string html) => int.Parse(DraftCountRegex().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var first = await client.GetStringAsync("/?program=2018-2025");
        var again = await client.GetStringAsync("/?program=2018-2025");
        Assert.Equal(Drafts(first), Drafts(again));

        await InStatusAsync(_portal, ProposalStatus.Draft, "Đề án nháp cho trang chủ đã dựng sẵn");
        Assert.Equal(Drafts(first) + 1, Drafts(await client.GetStringAsync("/?program=2018-2025")));
    }

    [GeneratedRegex("data-figure=\"status-Draft\">(\\d+)<")]
    private static partial Regex DraftCountRegex();

    [Fact]
    public async Task The_counted_register_has_the_dashboards_count_and_provincial_share()
    {
        var view = await BuildAsync(Viewer);
        var html = await (await _portal.SignInAsAsync("Viewer")).GetStringAsync("/Proposals?program=2018-2025&counted=true");
        Assert.Equal(view.Period.ProposalCount.ToString(System.Globalization.CultureInfo.InvariantCulture), Figure(html, "total-count"));
        Assert.Equal(VnFormat.Million(view.Period.ProvincialShare), Figure(html, "provincial-share"));
        Assert.Equal(VnFormat.Million(view.Period.TotalCost), Figure(html, "total-cost"));
    }

    [Fact]
    public async Task A_program_that_does_not_exist_or_a_garbled_year_falls_back_to_the_default_with_a_notice()
    {
        var client = await _portal.SignInAsAsync("Viewer");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/?program=1999-2000"));
        Assert.Contains("Không có chương trình mã 1999-2000; đang hiển thị chương trình mặc định.", html);
        Assert.Contains("id=\"program-name\"", html);

        var garbled = await client.GetAsync("/?year=abc");
        Assert.Equal(HttpStatusCode.Redirect, garbled.StatusCode);

        var outside = WebUtility.HtmlDecode(await client.GetStringAsync("/?from=2010&to=2030"));
        Assert.Contains("Phụ lục đang hiển thị cả giai đoạn.", outside);
    }

    private static string Figure(string html, string name) =>
        Regex.Match(html, $"data-figure=\"{name}\">([^<]*)<").Groups[1].Value.Trim();

    [GeneratedRegex("<svg class=\"chart ")]
    private static partial Regex SvgRegex();
}

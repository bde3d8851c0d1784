using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Application.SupportRules;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Proposals;

/// <summary>
/// A proposal's page reads the proposal, its history, its files and its ledger once, and the rules panel, the dossier
/// checklist and the ledger's sums are taken from those reads (issue 21, ADR 0235): the same figures as when each part read
/// them itself, in fewer queries per view and fewer to compile on the page's first visit. Real portal, real SQLite.
/// </summary>
public sealed class ProposalDetailsReadsTests(SqlCountingPortal portal) : IClassFixture<SqlCountingPortal>
{
    private static string Listing(IReadOnlyList<string> commands) =>
        string.Join("\n---\n", commands.Select(c => c.Length > 300 ? c[..300] + "…" : c));

    private static int Reading(IReadOnlyList<string> commands, string table) =>
        commands.Count(c => c.Contains($"FROM \"{table}\"", StringComparison.Ordinal));

    [Fact]
    public async Task The_rules_panel_from_the_details_equals_the_panel_that_reads_the_proposal_itself()
    {
        var ids = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Proposals.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        Assert.NotEmpty(ids);
        await portal.ScopedAsync(async sp =>
        {
            var queries = sp.GetRequiredService<ProposalQueries>();
            var rules = sp.GetRequiredService<SupportRuleChecks>();
            var checklist = sp.GetRequiredService<DossierChecklist>();
            var submittedOnce = 0;
            foreach (var id in ids)
            {
                var details = (await queries.DetailsAsync(id))!;
                var fromDetails = await rules.PanelAsync(ProposalRuleSubject.Of(details));
                var own = (await rules.PanelAsync(id))!;
                Assert.Equal(own.Stage, fromDetails.Stage);
                Assert.Equal(own.TotalCost, fromDetails.TotalCost);
                Assert.Equal(own.ProvincialShare, fromDetails.ProvincialShare);
                Assert.Equal(own.Result.ReferenceDate, fromDetails.Result.ReferenceDate);
                Assert.Equal(own.Result.RuleSetId, fromDetails.Result.RuleSetId);
                Assert.Equal(own.Result.MaxAllowedProvincialSupport, fromDetails.Result.MaxAllowedProvincialSupport);
                Assert.Equal(own.Result.Findings, fromDetails.Result.Findings);
                Assert.Equal(own.Flags, fromDetails.Flags);

                var a = (await checklist.ForDetailsAsync(details)).Select(c => (c.Document, string.Join("|", c.Files))).ToList();
                var b = (await checklist.ForProposalAsync(id)).Select(c => (c.Document, string.Join("|", c.Files))).ToList();
                Assert.Equal(b, a);
                submittedOnce += details.LastSubmittedAt is null ? 0 : 1;
            }

            // The demo data's proposals were submitted: the reference date comes from their history, not from today.
            Assert.True(submittedOnce > 0);
            return 0;
        });
    }

    [Fact]
    public async Task The_ledger_sums_of_the_details_equal_the_database_s_sums()
    {
        var expected = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().DisbursementEntries.AsNoTracking()
            .GroupBy(e => e.ProposalId)
            .Select(g => new
            {
                ProposalId = g.Key,
                Provincial = g.Where(e => e.Source == FundingSource.ProvincialBudget).Sum(e => e.Amount),
                Other = g.Where(e => e.Source != FundingSource.ProvincialBudget).Sum(e => e.Amount),
            })
            .ToListAsync());
        Assert.NotEmpty(expected);
        await portal.ScopedAsync(async sp =>
        {
            var queries = sp.GetRequiredService<ProposalQueries>();
            foreach (var e in expected)
            {
                var ledger = (await queries.DetailsAsync(e.ProposalId))!.Disbursements;
                Assert.Equal(e.Provincial, ledger.DisbursedProvincial);
                Assert.Equal(e.Other, ledger.DisbursedOther);
            }

            return 0;
        });

        // And the page shows them.
        var client = await portal.SignInAsAsync("SupportCenter");
        var first = expected[0];
        var html = await client.GetStringAsync($"/Proposals/Details/{first.ProposalId}");
        Assert.Contains($"data-figure=\"disbursed\">{VnFormat.Dong(first.Provincial)}</div>", html);
    }

    [Fact]
    public async Task The_page_s_reads_translate_to_TSql_that_parses_and_read_replayed_rows_alike()
    {
        var id = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().DisbursementEntries.AsNoTracking()
            .GroupBy(e => e.ProposalId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync());
        var capture = await SqlServerQueryRecorder.RunAsync(portal.ConnectionString, async db =>
        {
            var details = (await new ProposalQueries(db, FreshCache.For(db)).DetailsAsync(id))!;
            var rules = new SupportRuleChecks(db, TimeProvider.System);
            var panel = await rules.PanelAsync(ProposalRuleSubject.Of(details));
            var history = await rules.HistoryAsync(details.LeadOrganizationId, details.ContentItemId, details.StartYear, null, CancellationToken.None);
            var checklist = await new DossierChecklist(db).ForDetailsAsync(details);
            return System.Text.Json.JsonSerializer.Serialize(new
            {
                details.Code, details.ItemProgramId, details.OrganizationKind, details.LastSubmittedAt,
                details.Disbursements.DisbursedProvincial, details.Disbursements.DisbursedOther, Lines = details.Disbursements.Entries.Count,
                panel.Stage, panel.Result.ReferenceDate, panel.Result.MaxAllowedProvincialSupport, Findings = panel.Result.Findings.Count,
                history.ApprovedInYear, history.ApprovedInPeriod, Checklist = checklist.Count,
            });
        });
        Assert.Contains(capture.Commands, c => c.Contains("SUM(CASE", StringComparison.Ordinal));
        var parser = new Microsoft.SqlServer.TransactSql.ScriptDom.TSql160Parser(initialQuotedIdentifiers: true);
        foreach (var sql in capture.Commands)
        {
            using var reader = new StringReader(sql);
            parser.Parse(reader, out var errors);
            Assert.True(errors.Count == 0, sql + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
        }

        Assert.Equal(capture.SqliteResult, capture.SqlServerResult);
    }

    [Theory]
    [InlineData("DoitSpecialist")]
    [InlineData("DoitLeader")]
    [InlineData("SupportCenter")]
    public async Task The_page_reads_the_proposal_its_history_files_and_ledger_once(string role)
    {
        var id = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().DisbursementEntries.AsNoTracking()
            .GroupBy(e => e.ProposalId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync());
        var client = await portal.SignInAsAsync(role);
        var (status, commands) = await portal.GetCountedAsync(client, $"/Proposals/Details/{id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, Reading(commands, "DisbursementEntries"));
        Assert.Equal(1, Reading(commands, "Attachments"));
        Assert.Equal(1, Reading(commands, "ProposalTransitions"));
        Assert.Equal(1, Reading(commands, "RequiredDocuments"));
        // The details, and for an enterprise its other counted proposals under the item (one query for the year and the period).
        Assert.True(Reading(commands, "Proposals") <= 2, Listing(commands));
        // 11 of the page's own at most (21 before ADR 0235), plus what any signed-in page may read (session check,
        // data version, the bell's notices).
        Assert.True(commands.Count <= 15, $"{commands.Count} commands\n{Listing(commands)}");
    }
}

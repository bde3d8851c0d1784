using System.Net;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.PublicContent;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.PublicContent;

/// <summary>Issue 17 item 6 (ADR 0189): the program's public page shows the plan, the appendix and the supported proposals, public fields only.</summary>
public sealed class ProgramTransparencyTests(ContentPortal portal) : IClassFixture<ContentPortal>
{
    [Fact]
    public async Task The_page_lists_approved_or_later_proposals_with_public_fields_and_none_still_in_appraisal()
    {
        // Proposals still before approval, whose titles must not appear.
        foreach (var status in new[] { ProposalStatus.Draft, ProposalStatus.Submitted, ProposalStatus.Appraised, ProposalStatus.Rejected })
        {
            await ProposalArrange.InStatusAsync(portal, status, $"Đề án chưa duyệt Kiểm Thử {status}");
        }

        var counted = ProposalStatusText.Counted.ToArray();
        var program = "2018-2025";
        var supported = await portal.ReadAsync(db => db.Proposals.AsNoTracking()
            .Where(p => counted.Contains(p.Status) && db.Programs.Any(g => g.Id == p.ProgramId && g.Code == program))
            .Select(p => new { p.Title, p.Code }).ToListAsync());
        var notYet = await portal.ReadAsync(db => db.Proposals.AsNoTracking()
            .Where(p => !counted.Contains(p.Status) && db.Programs.Any(g => g.Id == p.ProgramId && g.Code == program))
            .Select(p => p.Title).ToListAsync());
        Assert.NotEmpty(supported);
        Assert.NotEmpty(notYet);

        var visitor = portal.NewClient();
        var pages = new List<string>();
        var total = (supported.Count + 24) / 25;
        for (var page = 1; page <= total; page++)
        {
            var response = await visitor.GetAsync($"/chuong-trinh?program={program}&page={page}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            pages.Add(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }

        var all = string.Join("\n", pages);
        Assert.Contains("Kết quả thực hiện theo nội dung", all);
        Assert.All(supported, p => Assert.Contains(p.Title, all));
        Assert.All(notYet.Where(t => !supported.Any(s => s.Title == t)), t => Assert.DoesNotContain(t, all));
    }

    [Fact]
    public async Task Supported_proposals_come_newest_year_first_then_by_code_read_in_an_index_s_order_without_sorting_the_program()
    {
        var programId = await portal.ReadAsync(db => db.Programs.Where(g => g.Code == "2018-2025").Select(g => g.Id).SingleAsync());
        var counted = ProposalStatusText.Counted.ToArray();
        var expected = await portal.ReadAsync(db => db.Proposals.AsNoTracking().Where(p => p.ProgramId == programId && counted.Contains(p.Status))
            .Select(p => new { p.Code, p.StartYear }).ToListAsync());
        expected = expected.OrderByDescending(p => p.StartYear).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();
        const int size = 5;
        Assert.True(expected.Count > 2 * size, "several pages of supported proposals");

        var pages = (expected.Count + size - 1) / size;
        var read = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            read.AddRange(await portal.ReadAsync(db => ProgramTransparencyQuery.Page(db, programId, page, size).Select(p => p.Code).ToListAsync()));
        }

        Assert.Equal(expected.Select(p => p.Code), read);
        var plan = await portal.ReadAsync(db => QueryPlans.OfAsync(db, ProgramTransparencyQuery.Page(db, programId, 2, size).ToQueryString()));
        Assert.Contains("USING INDEX IX_Proposals_PublicOrder", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
        var count = await portal.ReadAsync(db => QueryPlans.OfAsync(db, ProgramTransparencyQuery.Supported(db, programId).Select(p => p.Id).ToQueryString()));
        Assert.Contains("COVERING INDEX", count, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_shows_no_person_decision_or_file_of_any_proposal_in_either_language()
    {
        var secrets = await portal.ReadAsync(async db =>
        {
            var values = new List<string>();
            foreach (var p in await db.Proposals.AsNoTracking().Include(p => p.LeadOrganization).ToListAsync())
            {
                values.AddRange(new[] { p.LeadOrganization.ContactPerson, p.LeadOrganization.Phone, p.LeadOrganization.Email, p.AppraisalOpinion }
                    .Where(v => !string.IsNullOrWhiteSpace(v) && v!.Length > 5)!);
            }

            values.AddRange(await db.Attachments.Select(a => a.FileName).ToListAsync());
            values.AddRange(await db.ProposalTransitions.Where(t => t.Comment != null && t.Comment.Length > 8).Select(t => t.Comment!).ToListAsync());
            return values.Distinct().ToList();
        });
        Assert.NotEmpty(secrets);
        var visitor = portal.NewClient();
        foreach (var path in new[] { "/chuong-trinh", "/en/program", "/chuong-trinh?program=2018-2025", "/en/program?program=2018-2025&page=2" })
        {
            var html = WebUtility.HtmlDecode(await visitor.GetStringAsync(path));
            foreach (var secret in secrets)
            {
                Assert.False(html.Contains(secret, StringComparison.Ordinal), $"'{secret}' on {path}");
            }
        }
    }

    [Fact]
    public async Task The_english_page_translates_its_headings_and_links_back_to_its_vietnamese_twin()
    {
        var html = await portal.NewClient().GetStringAsync("/en/program?program=2018-2025");
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Supported proposals", html);
        Assert.Contains("Results by support item", html);
        Assert.Contains("href=\"/chuong-trinh?program=2018-2025\" hreflang=\"vi\"", html);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.DataExchange;

/// <summary>A workbook typed by hand, imported into an empty database, gives the appendix it should.</summary>
public sealed class WorkbookImportTests : IDisposable
{
    private static readonly string TaxVinh = DemoDataSeeder.WithCheckDigit("290111222");
    private readonly EmptyPortal _portal = new();

    public static HandMadeWorkbook History()
    {
        var wb = new HandMadeWorkbook();
        wb.Proposal("CNHT-2020-01", "Đổi mới công nghệ gia công CNC", "3.3", "Công ty TNHH Cơ khí Vinh", TaxVinh, 2020, 2020,
            "1.250.000.000", 300_000_000, "Đã quyết toán", "101/QĐ-SCT", new DateOnly(2020, 3, 15), "20/11/2020", "15/QĐ-TT", "10/12/2020");
        wb.Proposal("CNHT-2021-01", "Hoàn thiện dây chuyền ép nhựa kỹ thuật", "3.3", "CÔNG TY TNHH  CƠ KHÍ VINH", TaxVinh, 2021, 2022,
            2_000_000_000, "500.000.000", "Đã phê duyệt", "55/QĐ-SCT", new DateOnly(2021, 4, 2));
        wb.Proposal("CNHT-2021-02", "Hội thảo giới thiệu quy trình sản xuất linh kiện", "3.1", "Trung tâm Khuyến công Nghệ An", null, 2021, 2021,
            150_000_000, 120_000_000, "Đang thực hiện", "56/QĐ-SCT", "01/05/2021");
        wb.Proposal("CNHT-2022-01", "Tuyên truyền về công nghiệp hỗ trợ", "1.4", "Báo Nghệ An", null, 2022, 2022,
            "80 000 000", 60_000_000, "Dự thảo");
        wb.Ledger("CNHT-2020-01", "01/04/2020", "PC-01", "Ngân sách tỉnh", "Tạm ứng", "150.000.000");
        wb.Ledger("CNHT-2020-01", new DateOnly(2020, 12, 1), "PC-02", "Ngân sách tỉnh", "Thanh toán", 150_000_000);
        wb.Ledger("CNHT-2020-01", new DateOnly(2020, 12, 1), "PC-03", "Đối ứng doanh nghiệp", "Thanh toán", "950.000.000");
        wb.Ledger("CNHT-2021-01", new DateOnly(2021, 5, 10), "PC-04", "ngân sách tỉnh", "tạm ứng", 250_000_000);
        return wb;
    }

    [Fact]
    public async Task A_hand_made_workbook_imported_into_an_empty_database_gives_the_expected_appendix()
    {
        var outcome = await _portal.ImportAsync(History().ToBytes());

        Assert.True(outcome.Saved, string.Join("\n", outcome.Problems));
        Assert.Equal(0, outcome.ErrorCount);
        Assert.Equal(new ImportSummary(4, 4, 0, 4, 4, 0, 3, 0), outcome.Summary);

        var appendix = await _portal.ScopedAsync(sp => sp.GetRequiredService<AppendixQuery>().BuildAsync("2018-2025"));
        var item33 = appendix.Groups.SelectMany(g => g.Items).Single(i => i.Code == "3.3").Figures;
        Assert.Equal((2, 3_250_000_000m, 800_000_000m, 14.81m), (item33.ProposalCount, item33.TotalCost, item33.ProvincialShare, item33.PercentOfPlan));
        var item31 = appendix.Groups.SelectMany(g => g.Items).Single(i => i.Code == "3.1").Figures;
        Assert.Equal((1, 150_000_000m, 120_000_000m, 33.33m), (item31.ProposalCount, item31.TotalCost, item31.ProvincialShare, item31.PercentOfPlan));
        Assert.Equal((3, 3_400_000_000m, 920_000_000m), (appendix.Total.ProposalCount, appendix.Total.TotalCost, appendix.Total.ProvincialShare));

        await _portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var units = await db.Organizations.OrderBy(o => o.Name).Select(o => new { o.Name, o.Kind, o.TaxCode }).ToListAsync();
            Assert.Equal(3, units.Count);
            Assert.Contains(units, u => u.Name == "Công ty TNHH Cơ khí Vinh" && u.TaxCode == TaxVinh && u.Kind == OrganizationKind.SupportingIndustryEnterprise);
            Assert.Contains(units, u => u.Name == "Báo Nghệ An" && u.TaxCode == null && u.Kind == OrganizationKind.StateAgency);

            var statuses = await db.Proposals.OrderBy(p => p.Code).Select(p => p.Status).ToListAsync();
            Assert.Equal([ProposalStatus.Settled, ProposalStatus.Approved, ProposalStatus.Implementing, ProposalStatus.Draft], statuses);
            var settled = await db.Proposals.SingleAsync(p => p.Code == "CNHT-2020-01");
            Assert.Equal((1_250_000_000m, 300_000_000m, "15/QĐ-TT"), (settled.SettledTotalCost!.Value, settled.SettledProvincialShare!.Value, settled.SettlementDecisionNumber!));
            Assert.Equal(new DateOnly(2020, 11, 20), settled.AcceptanceDate);

            // Every step went through the lifecycle, by the import actor, with the file and the real person in the comment.
            var history = await db.ProposalTransitions.Where(t => t.ProposalId == settled.Id).OrderBy(t => t.Id).ToListAsync();
            Assert.Equal([null, ProposalAction.Submit, ProposalAction.Appraise, ProposalAction.Approve, ProposalAction.StartImplementation, ProposalAction.Accept, ProposalAction.Settle],
                history.Select(t => t.Action).ToList());
            Assert.All(history, t => Assert.Equal("import", t.UserName));
            Assert.Contains("du-lieu.xlsx", history[^1].Comment);
            Assert.Contains("(system)", history[^1].Comment);

            var ledger = await db.DisbursementEntries.OrderBy(e => e.Id).Select(e => new { e.Proposal.Code, e.Amount }).ToListAsync();
            Assert.Equal(4, ledger.Count);
            Assert.Equal(300_000_000m, ledger.Where(e => e.Code == "CNHT-2020-01").Take(2).Sum(e => e.Amount));

            // The import is audited: its four proposals by one row naming the file and their ids (ADR 0212; before, one Insert row each).
            var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == "Proposal" && a.Action == NgheAn.CNHT.Application.Auditing.ImportedRows.Action);
            var fields = NgheAn.CNHT.Application.Auditing.AuditQueries.ParseChanges(audit.Changes).ToDictionary(c => c.Field, c => c.New);
            Assert.Equal(("4", "du-lieu.xlsx"), (fields["RowCount"], fields["ImportFile"]));
            Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.EntityType == "Proposal" && a.Action == "Insert"));
            return 0;
        });
    }

    [Fact]
    public async Task Re_importing_the_same_workbook_skips_every_proposal_and_creates_no_duplicate()
    {
        var bytes = History().ToBytes();
        Assert.True((await _portal.ImportAsync(bytes)).Saved);
        var before = await _portal.CountsAsync();

        var again = await _portal.ImportAsync(bytes);

        Assert.False(again.Saved);
        Assert.Equal(0, again.ErrorCount);
        Assert.Equal(0, again.Summary.NewProposals);
        Assert.Equal(4, again.Summary.ExistingProposals);
        Assert.Equal(4, again.Summary.SkippedLedgerEntries);
        Assert.All(again.Problems, p => Assert.Equal(ProblemSeverity.Notice, p.Severity));
        Assert.Equal(before, await _portal.CountsAsync());
    }

    [Fact]
    public async Task A_file_with_some_known_and_some_new_proposals_imports_only_the_new_ones()
    {
        Assert.True((await _portal.ImportAsync(History().ToBytes())).Saved);
        var more = History();
        more.Proposal("CNHT-2023-01", "Hội thảo xúc tiến đầu tư", "6.4", "Sở Công Thương Nghệ An", null, 2023, 2023, 120_000_000, 100_000_000, "Đã phê duyệt", "9/QĐ-SCT", "02/02/2023");

        var outcome = await _portal.ImportAsync(more.ToBytes());

        Assert.True(outcome.Saved, string.Join("\n", outcome.Problems));
        Assert.Equal((1, 4), (outcome.Summary.NewProposals, outcome.Summary.ExistingProposals));
        Assert.Equal((5, 4, 4), await _portal.CountsAsync());
    }

    [Fact]
    public async Task The_dry_run_checks_everything_and_saves_nothing()
    {
        var outcome = await _portal.ImportAsync(History().ToBytes(), dryRun: true);

        Assert.False(outcome.Saved);
        Assert.Equal(0, outcome.ErrorCount);
        Assert.Equal(4, outcome.Summary.NewProposals);
        Assert.Equal(4, outcome.Preview.Count);
        Assert.Equal((0, 0, 0), await _portal.CountsAsync());
    }

    [Fact]
    public async Task A_unit_named_first_without_and_then_with_a_tax_code_is_refused_rather_than_made_twice()
    {
        var wb = new HandMadeWorkbook();
        wb.Proposal("DV-01", "Đề án thứ nhất của công ty Z", "3.3", "Công ty Z", null, 2021, 2021, 100_000_000, 50_000_000, "Dự thảo");
        var row = wb.Proposal("DV-02", "Đề án thứ hai của công ty Z", "3.3", "công ty z ", TaxVinh, 2021, 2021, 100_000_000, 50_000_000, "Dự thảo");

        var outcome = await _portal.ImportAsync(wb.ToBytes());

        Assert.False(outcome.Saved);
        var problem = Assert.Single(outcome.Problems, p => p.IsError);
        Assert.Equal(("DeAn", row), (problem.Sheet, problem.Row));
        Assert.Contains("đã được ghi ở dòng trước mà không có mã số thuế", problem.Message);
        Assert.Equal((0, 0, 0), await _portal.CountsAsync());
    }

    [Fact]
    public async Task The_downloaded_template_imports_nothing_its_example_and_notes_rows_are_skipped()
    {
        var template = await _portal.ExportAsync(template: true);

        var outcome = await _portal.ImportAsync(template);

        Assert.Equal(0, outcome.ErrorCount);
        Assert.Equal(0, outcome.Summary.ProposalRows);
        Assert.Equal((0, 0, 0), await _portal.CountsAsync());

        // The drop-down lists (item codes, statuses, sources, kinds) cover the 5.000-row histories and more.
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(template));
        foreach (var (sheet, column) in new[] { ("DeAn", "ItemCode"), ("DeAn", "Status"), ("GiaiNgan", "Source"), ("GiaiNgan", "Kind") })
        {
            var letter = (sheet == "DeAn" ? NgheAn.CNHT.Application.DataExchange.WorkbookLayout.Proposals : NgheAn.CNHT.Application.DataExchange.WorkbookLayout.Ledger)[column].Letter;
            Assert.True(workbook.Worksheet(sheet).Cell($"{letter}5001").HasDataValidation, $"{sheet}!{letter}5001 has its drop-down list");
        }
    }

    [Theory]
    [InlineData("Xin chào, đây không phải bảng tính.")]
    [InlineData("PK\u0003\u0004 giả dạng tệp nén")]
    public async Task A_file_that_is_not_an_xlsx_is_refused_with_a_clear_reason(string content)
    {
        var outcome = await _portal.ImportAsync(System.Text.Encoding.UTF8.GetBytes(content), fileName: "bang-tinh.xlsx");

        Assert.Equal(1, outcome.ErrorCount);
        Assert.Contains(".xlsx", outcome.Problems.Single().Message);
    }

    [Fact]
    public async Task A_workbook_without_a_program_code_needs_one_chosen()
    {
        var wb = new HandMadeWorkbook { ProgramCode = null };
        wb.Proposal("X-1", "Đề án", "3.3", "Báo Nghệ An", null, 2022, 2022, 1_000, 500, "Dự thảo");

        var refused = await _portal.ImportAsync(wb.ToBytes());
        Assert.Contains("Chưa biết nhập vào chương trình nào", refused.Problems.Single().Message);

        var chosen = await _portal.ImportAsync(wb.ToBytes(), program: "2018-2025");
        Assert.True(chosen.Saved, string.Join("\n", chosen.Problems));
    }

    public void Dispose() => _portal.Dispose();
}

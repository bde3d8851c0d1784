using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Security;

/// <summary>
/// Exports that stay inert (issue 23, ADR 0111): a text cell that begins like a formula is written as quote-prefixed
/// text, so no spreadsheet evaluates it even when the cell is edited; control characters are refused at entry.
/// </summary>
public sealed class InertTextTests
{
    private const string Hostile = "=HYPERLINK(\"http://ke-gian.example/\",\"Bấm vào đây\")";

    private static List<IXLCell> CellsStartingWith(byte[] xlsx, string prefix)
    {
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        return workbook.Worksheets.SelectMany(ws => ws.CellsUsed())
            .Where(c => !c.HasFormula && c.GetString().StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
    }

    private static void AssertInert(byte[] xlsx)
    {
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        Assert.DoesNotContain(workbook.Worksheets.SelectMany(ws => ws.CellsUsed()), c => c.HasFormula && c.FormulaA1.Contains("HYPERLINK", StringComparison.Ordinal));
        var cells = workbook.Worksheets.SelectMany(ws => ws.CellsUsed()).Where(c => c.GetString() == Hostile).ToList();
        Assert.NotEmpty(cells);
        Assert.All(cells, c =>
        {
            Assert.Equal(XLDataType.Text, c.DataType);
            Assert.True(c.Style.IncludeQuotePrefix, $"{c.Worksheet.Name}!{c.Address}: quote prefix");
        });
    }

    [Fact]
    public async Task An_exported_hyperlink_title_is_inert_text_in_the_export_and_the_reports()
    {
        await using var portal = new CnhtFactory();
        await ProposalArrange.InStatusAsync(portal, ProposalStatus.Approved, title: Hostile);

        var (register, export) = await portal.ScopedAsync(async sp =>
        {
            var reports = sp.GetRequiredService<ReportService>();
            var xlsx = await reports.RenderAsync(new ReportRequest(ReportKind.Register, "2018-2025"), ReportFormat.Xlsx);
            var model = await sp.GetRequiredService<ExportQuery>().BuildAsync("2018-2025");
            using var stream = new MemoryStream();
            sp.GetRequiredService<IWorkbookWriter>().Write(model, stream);
            return (xlsx.Content, stream.ToArray());
        });

        AssertInert(register);
        AssertInert(export);
        // Ordinary text keeps no prefix.
        Assert.All(CellsStartingWith(export, "Đề án"), c => Assert.False(c.Style.IncludeQuotePrefix));
    }

    [Fact]
    public async Task A_control_character_in_a_text_field_is_refused_with_a_clear_message_and_nothing_saved()
    {
        await using var portal = new CnhtFactory();
        await portal.EnsureDemoUsersAsync();
        var item = await ProposalArrange.ReadAsync(portal, db => db.ContentItems.Where(i => i.Code == "1.2" && i.Group.Program.Code == "2018-2025").Select(i => i.Id).FirstAsync());
        var revisions = await ProposalArrange.ReadAsync(portal, db => db.PlanRevisions.CountAsync());
        var client = await portal.SignInAsAsync("DoitSpecialist");

        var response = await client.PostFormAsync($"/Catalog/Plan/{item}", new Dictionary<string, string>
        {
            ["Input.NewAmount"] = "2.345.000.000", ["Input.DecisionReference"] = "1/QĐ-UBND", ["Input.Reason"] = "Điều chỉnh\u0007theo quyết định",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("chứa ký tự điều khiển không in được", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(revisions, await ProposalArrange.ReadAsync(portal, db => db.PlanRevisions.CountAsync()));
    }
}

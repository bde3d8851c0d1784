using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Infrastructure.Reporting;

namespace NgheAn.CNHT.UnitTests.Reporting;

public sealed class ReportTextTests
{
    [Theory]
    [InlineData(94_000_000, "94")]
    [InlineData(4_276_000_000, "4.276")]
    [InlineData(285_900_000, "285,900")]
    [InlineData(4_465_252_000, "4.465,252")]
    [InlineData(0, "0")]
    public void Amounts_in_sentences_read_like_the_report(long dong, string expected) =>
        Assert.Equal(expected, ReportText.Million(dong));

    [Theory]
    [InlineData(1, "01")]
    [InlineData(7, "07")]
    [InlineData(23, "23")]
    public void Counts_have_two_digits(int n, string expected) => Assert.Equal(expected, ReportText.Count(n));

    [Fact]
    public void An_explanation_follows_the_sentence_and_ends_with_a_full_stop()
    {
        Assert.Equal("Câu. Giải trình.", ReportText.WithNote("Câu.", " Giải trình "));
        Assert.Equal("Câu. Giải trình.", ReportText.WithNote("Câu.", "Giải trình."));
        Assert.Equal("Câu.", ReportText.WithNote("Câu.", "  "));
    }

    [Fact]
    public void Item_sentences_say_what_was_done_or_that_nothing_was()
    {
        var done = new AppendixItemRow("1.1", "Khảo sát", new AppendixFigures(764_000_000, 1, 100_000_000, 94_000_000), null);
        Assert.Equal("Khảo sát, giai đoạn 2018-2024 thực hiện 01 đề án với tổng kinh phí 94 triệu đồng (đạt 12,30% kế hoạch mục tiêu giai đoạn).",
            DocumentQuery.ItemSentence(done, "giai đoạn 2018-2024"));
        var none = new AppendixItemRow("1.2", "Tư vấn", new AppendixFigures(1_131_000_000, 0, 0, 0), null);
        Assert.Equal("Tư vấn, năm 2024 chưa thực hiện đề án nào.", DocumentQuery.ItemSentence(none, "năm 2024"));
        var noPlan = new AppendixItemRow("6.5", "Hội thảo", new AppendixFigures(0, 1, 38_000_000, 30_000_000), null);
        Assert.Equal("Hội thảo, giai đoạn 2018-2025 thực hiện 01 đề án với tổng kinh phí 30 triệu đồng.", DocumentQuery.ItemSentence(noPlan, "giai đoạn 2018-2025"));
    }

    [Fact]
    public void Group_sentences_give_plan_cost_share_and_percentage()
    {
        Assert.Equal("Giai đoạn 2018-2024, kế hoạch giao thực hiện 891,200 triệu đồng; thực hiện 02 đề án với tổng kinh phí thực hiện 138 triệu đồng, trong đó nguồn ngân sách tỉnh hỗ trợ 96 triệu đồng, đạt 10,77% kế hoạch.",
            DocumentQuery.GroupSentence(new AppendixFigures(891_200_000, 2, 138_000_000, 96_000_000), "Giai đoạn 2018-2024"));
        Assert.Equal("Năm 2024 chưa thực hiện đề án nào.", DocumentQuery.GroupSentence(new AppendixFigures(0, 0, 0, 0), "Năm 2024"));
        Assert.Equal("Năm 2024, kế hoạch giao thực hiện 100 triệu đồng; chưa thực hiện đề án nào.",
            DocumentQuery.GroupSentence(new AppendixFigures(100_000_000, 0, 0, 0), "Năm 2024"));
    }

    [Theory]
    [InlineData("Phụ lục 2018-2025", "Phụ lục 2018-2025")]
    [InlineData("Báo cáo [năm]: 2024/2025?", "Báo cáo -năm-- 2024-2025-")]
    [InlineData("'Trích'", "Trích")]
    [InlineData("Ngân sách tỉnh hỗ trợ theo năm giai đoạn 2018-2025", "Ngân sách tỉnh hỗ trợ theo năm")]
    public void Sheet_names_are_ones_excel_accepts(string name, string expected)
    {
        var sheet = ExcelReportWriter.SheetName(name);
        Assert.Equal(expected, sheet);
        Assert.True(sheet.Length <= 31);
    }

    [Fact]
    public void File_names_are_plain_ascii_with_the_period()
    {
        Assert.Equal("phu-luc-cnht-2018-2025.pdf", ReportKinds.FileName(ReportKind.Appendix, 2018, 2025, ReportFormat.Pdf));
        Assert.Equal("du-toan-giai-ngan-cnht-2024.xlsx", ReportKinds.FileName(ReportKind.Annual, 2024, 2024, ReportFormat.Xlsx));
        Assert.All(ReportKinds.All, k => Assert.Matches("^[a-z0-9-]+$", k.FileStem()));
    }

    [Fact]
    public void The_comparer_lists_changed_added_and_removed_figures()
    {
        var before = new ProposalRegister("P", "P", 2018, 2025,
            [new RegisterRow(1, "A", "A", "1.1", "X", 2020, 2020, "Đã quyết toán", 100, 80, false), new RegisterRow(2, "B", "B", "1.1", "X", 2020, 2020, "Đã quyết toán", 50, 50, false)],
            new RegisterTotals(2, 150, 130), DateTime.UtcNow);
        var after = before with
        {
            Rows = [before.Rows[0] with { TotalCost = 90 }, new RegisterRow(3, "C", "C", "1.1", "X", 2021, 2021, "Đã phê duyệt", 10, 10, false)],
            Total = new RegisterTotals(2, 100, 90),
        };
        var changes = ReportComparer.Compare(before, after);
        Assert.Contains(changes, c => c.Key == "proposal:A" && c.Figure == "Tổng kinh phí" && c.Issued == 100 && c.Live == 90 && c.Kind == FigureChangeKind.Changed);
        Assert.Contains(changes, c => c.Key == "proposal:B" && c.Kind == FigureChangeKind.Removed);
        Assert.Contains(changes, c => c.Key == "proposal:C" && c.Kind == FigureChangeKind.Added);
        Assert.DoesNotContain(changes, c => c.Key == "total" && c.Figure == "Số đề án");
    }
}

using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.UnitTests.DataExchange;

/// <summary>Reading typed cells from raw ones: Vietnamese numbers, dates, lists, headers in any order.</summary>
public sealed class WorkbookParserTests
{
    private static readonly string[] Headers = ["Mã đề án", "Tên đề án", "Mã nội dung", "Đơn vị chủ trì", "Mã số thuế", "Năm bắt đầu", "Năm kết thúc", "Tổng kinh phí", "Ngân sách tỉnh hỗ trợ (đồng)", "Trạng thái"];

    private static RawCell T(string text) => new(text, null, null);

    private static RawCell N(decimal n) => new(n.ToString(System.Globalization.CultureInfo.InvariantCulture), n, null);

    private static ParsedWorkbook Parse(params RawCell?[] row)
    {
        var header = new RawRow(1, Headers.Select((h, i) => (i + 1, T(h))).ToDictionary(x => x.Item1, x => x.Item2));
        var data = new RawRow(2, row.Select((c, i) => (i + 1, c)).Where(x => x.c is not null).ToDictionary(x => x.Item1, x => x.c!));
        return WorkbookParser.Parse(new RawWorkbook([new RawSheet("DeAn", [header, data])], "2018-2025"));
    }

    [Theory]
    [InlineData("1.250.000.000", 1_250_000_000)]
    [InlineData("1 250 000 000", 1_250_000_000)]
    [InlineData("1250000000", 1_250_000_000)]
    [InlineData("1.250.000.000 đồng", 1_250_000_000)]
    public void Amounts_typed_the_vietnamese_way_are_read(string text, long expected)
    {
        var parsed = Parse(T("A-1"), T("Đề án"), T("3.3"), T("Đơn vị"), null, N(2020), T("2020"), T(text), N(1), T("Đã phê duyệt"));

        Assert.Empty(parsed.Problems);
        Assert.Equal(expected, parsed.Proposals.Single().Value!.TotalCost);
        Assert.Equal(ProposalStatus.Approved, parsed.Proposals.Single().Value!.Status);
    }

    [Theory]
    [InlineData("một tỷ", "H", "không phải số tiền hợp lệ")]
    [InlineData("1,5", "H", "không phải số tiền hợp lệ")]
    public void Text_where_a_number_belongs_is_reported_at_its_cell(string text, string column, string message)
    {
        var parsed = Parse(T("A-1"), T("Đề án"), T("3.3"), T("Đơn vị"), null, N(2020), N(2020), T(text), N(1), T("Đã phê duyệt"));

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(("DeAn", 2, column), (problem.Sheet, problem.Row, problem.Column));
        Assert.Contains(message, problem.Message);
        Assert.Null(parsed.Proposals.Single().Value);
    }

    [Fact]
    public void A_fraction_of_a_dong_in_a_number_cell_is_refused()
    {
        var parsed = Parse(T("A-1"), T("Đề án"), T("3.3"), T("Đơn vị"), null, N(2020), N(2020), N(1000.5m), N(1), T("Đã phê duyệt"));
        Assert.Contains("số đồng nguyên", Assert.Single(parsed.Problems).Message);
    }

    [Fact]
    public void Missing_required_cells_and_unknown_statuses_are_each_reported()
    {
        var parsed = Parse(T("A-1"), null, T("3.3"), T("Đơn vị"), null, T("hai nghìn"), N(2020), N(5), N(1), T("Xong rồi"));

        Assert.Equal(["B", "F", "J"], parsed.Problems.Select(p => p.Column!).Order().ToArray());
    }

    [Fact]
    public void A_missing_required_column_is_reported_on_the_header_row()
    {
        var header = new RawRow(1, new Dictionary<int, RawCell> { [1] = T("Mã đề án") });
        var parsed = WorkbookParser.Parse(new RawWorkbook([new RawSheet("DeAn", [header])], null));

        Assert.Contains(parsed.Problems, p => p.Row == 1 && p.Message.Contains("Thiếu cột \"Tên đề án\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_tax_code_typed_as_a_number_gets_its_leading_zero_back()
    {
        var parsed = Parse(T("A-1"), T("Đề án"), T("3.3"), T("Đơn vị"), N(101234567), N(2020), N(2020), N(5), N(1), T("Dự thảo"));
        Assert.Equal("0101234567", parsed.Proposals.Single().Value!.TaxCode);
    }

    [Theory]
    [InlineData("Đã quyết toán", ProposalStatus.Settled)]
    [InlineData("  đã   QUYẾT toán ", ProposalStatus.Settled)]
    [InlineData("Settled", ProposalStatus.Settled)]
    [InlineData("Hồ sơ đã nộp", ProposalStatus.Submitted)]
    public void Statuses_are_read_by_their_vietnamese_name_or_their_code(string text, ProposalStatus expected)
    {
        Assert.True(WorkbookLayout.TryStatus(text, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData(1, "A")]
    [InlineData(17, "Q")]
    [InlineData(27, "AA")]
    public void Column_letters_follow_excel(int index, string letter) => Assert.Equal(letter, WorkbookLayout.ColumnLetter(index));
}

using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.DataExchange;

/// <summary>A workbook with planted errors: each one is listed by sheet, row and column, and nothing is saved.</summary>
public sealed class PlantedErrorsTests(EmptyPortal portal) : IClassFixture<EmptyPortal>
{
    private static (byte[] Bytes, Dictionary<string, (string Sheet, int Row, string Column, string Text)> Planted) Workbook()
    {
        var wb = WorkbookImportTests.History();
        var planted = new Dictionary<string, (string, int, string, string)>
        {
            ["unknown item"] = ("DeAn", wb.Proposal("E-01", "Nội dung không có", "9.9", "Báo Nghệ An", null, 2022, 2022, 100_000_000, 50_000_000, "Dự thảo"),
                "C", "Mã nội dung 9.9 không có trong danh mục"),
            ["bad tax code"] = ("DeAn", wb.Proposal("E-02", "Mã số thuế sai", "3.3", "Công ty Sai Mã", "2901112220", 2022, 2022, 100_000_000, 50_000_000, "Dự thảo"),
                "E", "sai chữ số kiểm tra"),
            ["share above total"] = ("DeAn", wb.Proposal("E-03", "Ngân sách lớn hơn tổng", "3.3", "Báo Nghệ An", null, 2022, 2022, 100_000_000, "150.000.000", "Dự thảo"),
                "I", "không được lớn hơn tổng kinh phí"),
            ["duplicate code"] = ("DeAn", wb.Proposal("CNHT-2021-02", "Trùng mã", "3.1", "Báo Nghệ An", null, 2022, 2022, 100_000_000, 50_000_000, "Dự thảo"),
                "A", "trùng với dòng 4"),
            ["date outside the program"] = ("DeAn", wb.Proposal("E-05", "Ngày ngoài chương trình", "3.3", "Báo Nghệ An", null, 2022, 2022, 100_000_000, 50_000_000, "Đã phê duyệt", "1/QĐ", "05/01/2015"),
                "L", "nằm ngoài thời gian của chương trình"),
            ["text where a number belongs"] = ("DeAn", wb.Proposal("E-06", "Chữ trong ô số", "3.3", "Báo Nghệ An", null, 2022, 2022, "một tỷ đồng", 50_000_000, "Dự thảo"),
                "H", "\"một tỷ đồng\" không phải số tiền hợp lệ"),
            ["years outside the program"] = ("DeAn", wb.Proposal("E-07", "Năm ngoài giai đoạn", "3.3", "Báo Nghệ An", null, 2027, 2027, 100_000_000, 50_000_000, "Dự thảo"),
                "F", "Năm bắt đầu phải nằm trong giai đoạn"),
            ["unknown status"] = ("DeAn", wb.Proposal("E-08", "Trạng thái lạ", "3.3", "Báo Nghệ An", null, 2022, 2022, 100_000_000, 50_000_000, "Đã xong"),
                "J", "\"Đã xong\" không có trong danh sách"),
            ["approved without decision"] = ("DeAn", wb.Proposal("E-09", "Thiếu quyết định", "3.3", "Báo Nghệ An", null, 2022, 2022, 100_000_000, 50_000_000, "Đã phê duyệt"),
                "K", "Số quyết định phê duyệt bắt buộc"),
            ["payments above the approved share"] = ("GiaiNgan", wb.Ledger("CNHT-2021-01", "01/06/2021", "PC-09", "Ngân sách tỉnh", "Thanh toán", "300.000.000"),
                "F", "Vượt mức ngân sách tỉnh được duyệt"),
            ["payment of an unknown proposal"] = ("GiaiNgan", wb.Ledger("KHONG-CO", "01/06/2021", "PC-10", "Ngân sách tỉnh", "Thanh toán", 1_000),
                "A", "Không có đề án mã KHONG-CO"),
            ["payment before the decision"] = ("GiaiNgan", wb.Ledger("CNHT-2021-02", "01/01/2021", "PC-11", "Ngân sách tỉnh", "Tạm ứng", 1_000),
                "B", "không được trước ngày quyết định phê duyệt"),
            ["payment on a draft"] = ("GiaiNgan", wb.Ledger("CNHT-2022-01", "01/06/2022", "PC-12", "Ngân sách tỉnh", "Tạm ứng", 1_000),
                "A", "Chỉ ghi giải ngân cho đề án đã phê duyệt"),
        };
        return (wb.ToBytes(), planted);
    }

    [Fact]
    public async Task Every_planted_error_is_listed_with_its_sheet_row_and_column_and_nothing_is_saved()
    {
        var (bytes, planted) = Workbook();

        var outcome = await portal.ImportAsync(bytes);

        Assert.False(outcome.Saved);
        foreach (var (what, (sheet, row, column, text)) in planted)
        {
            Assert.True(outcome.Problems.Any(p => p.IsError && p.Sheet == sheet && p.Row == row && p.Column == column && p.Message.Contains(text, StringComparison.Ordinal)),
                $"{what}: expected {sheet}!{column}{row} \"{text}\", got:\n{string.Join("\n", outcome.Problems)}");
        }

        // The valid rows are not reported, and nothing at all is written (the valid rows neither).
        Assert.DoesNotContain(outcome.Problems, p => p.Sheet == "DeAn" && p.Row is 2 or 3 or 5);
        Assert.Equal(outcome.Problems.Count(p => p.IsError), outcome.ErrorCount);
        Assert.Equal((0, 0, 0), await portal.CountsAsync());
    }

    [Fact]
    public async Task A_problem_reads_as_a_vietnamese_location_and_message()
    {
        var (bytes, _) = Workbook();
        var outcome = await portal.ImportAsync(bytes);

        var problem = outcome.Problems.First(p => p.Column == "H" && p.Sheet == "DeAn");
        Assert.StartsWith("Sheet DeAn, dòng ", problem.ToString());
        Assert.Contains(", cột H (Tổng kinh phí (đồng)): ", problem.ToString());
    }
}

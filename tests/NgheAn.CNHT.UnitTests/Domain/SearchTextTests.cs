using NgheAn.CNHT.Domain.Common;
using static NgheAn.CNHT.UnitTests.Domain.TestData;

namespace NgheAn.CNHT.UnitTests.Domain;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Đào tạo", "dao tao")]
    [InlineData("ĐÀO TẠO nguồn nhân lực", "dao tao nguon nhan luc")]
    [InlineData("  Cơ   khí\tchính xác ", "co khi chinh xac")]
    [InlineData("Hỗ trợ quảng bá, đăng ký thương hiệu", "ho tro quang ba, dang ky thuong hieu")]
    [InlineData("CNHT-2023-02", "cnht-2023-02")]
    [InlineData("Ứng dụng ươm tạo ở Nghệ An", "ung dung uom tao o nghe an")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Folding_removes_marks_and_case_so_both_spellings_meet(string? text, string folded) =>
        Assert.Equal(folded, SearchText.Fold(text));

    [Fact]
    public void Decomposed_input_folds_like_composed_input() =>
        Assert.Equal(SearchText.Fold("Đào tạo"), SearchText.Fold("Đào tạo".Normalize(System.Text.NormalizationForm.FormD)));

    [Fact]
    public void A_search_box_becomes_distinct_folded_words() =>
        Assert.Equal(["dao", "tao", "cnc"], SearchText.Terms("  Đào  tạo dao CNC "));

    [Fact]
    public void A_proposal_keeps_its_search_text_in_step_with_code_and_title()
    {
        var p = NewProposal();
        Assert.Equal("da-01 doi moi cong nghe ep nhua", p.SearchText);
        p.Edit(Draft() with { Title = "Đào tạo kỹ thuật viên" }, Context, Specialist);
        Assert.Equal("da-01 dao tao ky thuat vien", p.SearchText);
    }
}

using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;
using static NgheAn.CNHT.UnitTests.Domain.TestData;

namespace NgheAn.CNHT.UnitTests.Domain;

public sealed class ProposalRulesTests
{
    [Fact]
    public void Provincial_share_above_total_cost_is_refused()
    {
        var ex = Assert.Throws<DomainException>(() => new Proposal(Draft(total: 100m, share: 101m), Context, Specialist, Now));
        Assert.Equal("RequestedProvincialShare", ex.Field);
        Assert.Contains("không được lớn hơn tổng kinh phí", ex.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    public void Total_cost_must_be_positive(decimal total) =>
        Assert.Throws<DomainException>(() => new Proposal(Draft(total: total, share: 0), Context, Specialist, Now));

    [Fact]
    public void Fractions_of_a_dong_are_refused()
    {
        var ex = Assert.Throws<DomainException>(() => new Proposal(Draft(total: 1000.5m, share: 0), Context, Specialist, Now));
        Assert.Contains("đồng nguyên", ex.Message);
    }

    [Fact]
    public void Amounts_above_ten_to_the_fifteen_are_refused() =>
        Assert.Throws<DomainException>(() => new Proposal(Draft(total: 1_000_000_000_000_001m, share: 0), Context, Specialist, Now));

    [Theory]
    [InlineData(2017, 2018)]
    [InlineData(2025, 2026)]
    [InlineData(2024, 2023)]
    public void Years_must_lie_inside_the_program_period(int start, int end)
    {
        var ex = Assert.Throws<DomainException>(() => new Proposal(Draft(start: start, end: end), Context, Specialist, Now));
        Assert.Contains("Năm", ex.Message);
    }

    [Fact]
    public void Empty_and_overlong_titles_are_refused()
    {
        Assert.Throws<DomainException>(() => new Proposal(Draft() with { Title = "  " }, Context, Specialist, Now));
        Assert.Throws<DomainException>(() => new Proposal(Draft() with { Title = new string('a', 501) }, Context, Specialist, Now));
    }

    [Fact]
    public void Text_is_stored_in_composed_unicode()
    {
        var decomposed = "Đào tạo".Normalize(System.Text.NormalizationForm.FormD);
        var p = new Proposal(Draft() with { Title = decomposed }, Context, Specialist, Now);
        Assert.Equal("Đào tạo".Normalize(System.Text.NormalizationForm.FormC), p.Title);
    }

    [Fact]
    public void Decision_dates_in_the_future_are_refused()
    {
        var p = NewProposal();
        p.Submit(Specialist, Now, null);
        p.Appraise(Center, Now, DateOnly.FromDateTime(Now), "Đồng ý", 1_000_000_000m, 300_000_000m);
        Assert.Throws<DomainException>(() => p.Approve(Leader, Now, "1/QĐ", DateOnly.FromDateTime(Now).AddDays(10), 1_000_000_000m, 1m, null));
    }
}

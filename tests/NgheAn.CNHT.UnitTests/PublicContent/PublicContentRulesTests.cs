using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.PublicContent;

namespace NgheAn.CNHT.UnitTests.PublicContent;

/// <summary>The rules of the priority projects and the news (ADR 0188, 0190): every broken rule named at once, in Vietnamese.</summary>
public sealed class PublicContentRulesTests
{
    private static InvestmentProjectDraft Project(string? titleEn = "Gear plant", string? sector = "co-khi", decimal? total = 1_000_000m) =>
        new("Nhà máy bánh răng", titleEn, sector, "vsip", "VSIP Nghệ An", null, "Mô tả", null, null, null, total, null, null, null);

    [Fact]
    public void A_project_needs_both_titles_a_known_sector_and_a_positive_whole_dong_amount_all_named_at_once()
    {
        var ex = Assert.Throws<DomainException>(() => new InvestmentProject("nha-may", Project(titleEn: " ", sector: "khong-co", total: 1.5m)));
        var fields = ex.Errors.Select(e => e.Field).ToList();
        Assert.Contains(nameof(InvestmentProject.TitleEn), fields);
        Assert.Contains(nameof(InvestmentProject.SectorCode), fields);
        Assert.Contains(nameof(InvestmentProject.TotalInvestment), fields);
    }

    [Fact]
    public void A_withdrawal_needs_a_reason_and_a_withdrawn_project_can_be_published_again()
    {
        var project = new InvestmentProject("nha-may", Project());
        Assert.Throws<DomainException>(() => project.Withdraw(" "));
        Assert.True(project.IsPublished);
        project.Withdraw("Đã có nhà đầu tư");
        Assert.False(project.IsPublished);
        Assert.Throws<DomainException>(() => project.Withdraw("lần hai"));
        project.Republish();
        Assert.True(project.IsPublished);
        Assert.Null(project.WithdrawalReason);
    }

    [Fact]
    public void An_event_needs_a_start_date_that_its_end_does_not_precede()
    {
        var noStart = Assert.Throws<DomainException>(() => new NewsPost("hoi-thao", new NewsPostDraft(NewsKind.Workshop, "Hội thảo", null, TextFormat.Markdown, "Nội dung", null, null, null, null, null), DateTime.UtcNow));
        Assert.Equal(nameof(NewsPost.StartsOn), noStart.Field);
        var backwards = Assert.Throws<DomainException>(() => new NewsPost("hoi-cho", new NewsPostDraft(NewsKind.Fair, "Hội chợ", null, TextFormat.PlainText, "Nội dung",
            null, new DateOnly(2026, 5, 10), new DateOnly(2026, 5, 9), null, null), DateTime.UtcNow));
        Assert.Equal(nameof(NewsPost.EndsOn), backwards.Field);
        var news = new NewsPost("tin", new NewsPostDraft(NewsKind.News, "Tin", null, TextFormat.PlainText, "Nội dung", null, null, null, null, null), DateTime.UtcNow);
        Assert.False(news.IsEvent);
    }
}

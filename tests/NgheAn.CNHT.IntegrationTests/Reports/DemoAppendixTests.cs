using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Reports;

/// <summary>The appendix of the sample data reproduces the province's report (domain.md's table).</summary>
public sealed class DemoAppendixTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private Task<AppendixReport> Appendix(int? from = null, int? to = null) =>
        portal.ScopedAsync(sp => sp.GetRequiredService<AppendixQuery>().BuildAsync("2018-2025", from, to));

    [Fact]
    public async Task Totals_match_the_report()
    {
        var a = await Appendix();
        Assert.Equal(23, a.Total.ProposalCount);
        Assert.Equal(27_247_993_000m, a.Total.TotalCost);
        Assert.Equal(5_500_342_000m, a.Total.ProvincialShare);
    }

    [Theory]
    [InlineData("1", 4, 285_900_000, 228_500_000, 4_276_000_000, "5.34")]
    [InlineData("2", 2, 138_000_000, 96_000_000, 891_200_000, "10.77")]
    [InlineData("3", 10, 26_440_503_000, 4_835_252_000, 15_660_000_000, "30.88")]
    [InlineData("6", 4, 238_000_000, 195_000_000, 4_615_000_000, "4.23")]
    [InlineData("7", 2, 40_590_000, 40_590_000, 0, null)]
    [InlineData("8", 1, 105_000_000, 105_000_000, 0, null)]
    public async Task Group_figures_match_the_report(string code, int count, long totalCost, long share, long plan, string? percent)
    {
        var g = (await Appendix()).Groups.Single(x => x.Code == code);
        Assert.Equal(count, g.Figures.ProposalCount);
        Assert.Equal(totalCost, g.Figures.TotalCost);
        Assert.Equal(share, g.Figures.ProvincialShare);
        Assert.Equal(plan, g.Figures.Plan);
        Assert.Equal(percent is null ? null : decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture), g.Figures.PercentOfPlan);
    }

    [Theory]
    [InlineData("1.1", 1, "12.30")]
    [InlineData("1.4", 3, "10.76")]
    [InlineData("2.2", 2, "10.77")]
    [InlineData("3.1", 2, "61.11")]
    [InlineData("3.3", 7, "82.69")]
    [InlineData("3.4", 1, "3.33")]
    [InlineData("6.1", 1, "3.33")]
    [InlineData("6.2", 1, "8.33")]
    [InlineData("6.4", 1, "12.50")]
    public async Task Item_figures_match_the_reports_sentences(string code, int count, string percent)
    {
        var item = (await Appendix()).Groups.SelectMany(g => g.Items).Single(i => i.Code == code);
        Assert.Equal(count, item.Figures.ProposalCount);
        Assert.Equal(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture), item.Figures.PercentOfPlan);
    }

    [Fact]
    public async Task Group_plan_is_the_sum_of_its_items_and_total_the_sum_of_groups()
    {
        var a = await Appendix();
        foreach (var g in a.Groups)
        {
            Assert.Equal(g.Items.Sum(i => i.Figures.Plan), g.Figures.Plan);
            Assert.Equal(g.Items.Sum(i => i.Figures.ProvincialShare), g.Figures.ProvincialShare);
        }

        Assert.Equal(a.Groups.Sum(g => g.Figures.TotalCost), a.Total.TotalCost);
    }

    /// <summary>Fixed figures of the sample proposals starting in 2020-2022 (DemoDataSeeder's table), not a second copy of the rule.</summary>
    [Fact]
    public async Task A_year_window_counts_only_the_proposals_starting_in_it()
    {
        var a = await Appendix(2020, 2022);
        Assert.Equal(14, a.Total.ProposalCount);
        Assert.Equal(13_407_793_000m, a.Total.TotalCost);
        Assert.Equal(2_941_790_000m, a.Total.ProvincialShare);
        var expectedCounts = new Dictionary<string, int>
        {
            ["1.1"] = 1, ["1.4"] = 2, ["2.2"] = 1, ["3.1"] = 2, ["3.3"] = 3, ["3.4"] = 1, ["6.1"] = 1, ["6.2"] = 1, ["7.1"] = 1, ["8.1"] = 1,
        };
        foreach (var item in a.Groups.SelectMany(g => g.Items))
        {
            Assert.Equal(expectedCounts.GetValueOrDefault(item.Code), item.Figures.ProposalCount);
        }
    }

    [Fact]
    public async Task A_year_range_outside_the_program_is_refused() =>
        await Assert.ThrowsAsync<NgheAn.CNHT.Domain.Common.DomainException>(() => Appendix(2016, 2020));

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        var added = await portal.ScopedAsync(sp => sp.GetRequiredService<DemoDataSeeder>().SeedAsync());
        Assert.False(added);
        Assert.Equal(23, (await Appendix()).Total.ProposalCount);
        var programs = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().Programs.CountAsync());
        Assert.Equal(2, programs);
    }

    [Fact]
    public async Task The_2026_program_is_a_draft_with_six_areas_and_no_amounts()
    {
        var catalog = await portal.ScopedAsync(sp => sp.GetRequiredService<NgheAn.CNHT.Application.Catalog.CatalogQueries>().GetAsync("2026-2030"));
        Assert.NotNull(catalog);
        Assert.Equal(6, catalog.Groups.Count);
        Assert.Equal(0m, catalog.Plan);
        Assert.Equal(NgheAn.CNHT.Domain.Catalog.ProgramStatus.Draft, catalog.Status);
    }

    [Fact]
    public async Task The_audit_trail_recorded_the_seeded_proposals()
    {
        var inserts = await portal.ScopedAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries
            .CountAsync(a => a.EntityType == "Proposal" && a.Action == "Insert"));
        Assert.Equal(23, inserts);
    }
}

/// <summary>Cached read models follow every business write at once (the data version rises in the write's transaction).</summary>
public sealed class VersionedCacheTests
{
    [Fact]
    public async Task A_write_raises_the_data_version_and_cached_figures_follow_immediately()
    {
        await using var portal = new CnhtFactory();
        var version = () => portal.ScopedAsync(sp => sp.GetRequiredService<NgheAn.CNHT.Application.Common.IDataVersion>().CurrentAsync());
        var appendix = () => portal.ScopedAsync(sp => sp.GetRequiredService<AppendixQuery>().BuildAsync("2018-2025"));
        var before = await appendix();
        Assert.Equal(before.Total, (await appendix()).Total);
        var v1 = await version();

        await NgheAn.CNHT.IntegrationTests.Support.ProposalArrange.InStatusAsync(portal, ProposalStatus.Approved);
        Assert.True(await version() > v1);
        var after = await appendix();
        Assert.Equal(before.Total.ProposalCount + 1, after.Total.ProposalCount);
        Assert.Equal(before.Total.ProvincialShare + 270_000_000m, after.Total.ProvincialShare);
    }
}

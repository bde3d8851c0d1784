using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.SupportRules;
using static NgheAn.CNHT.UnitTests.Domain.TestData;

namespace NgheAn.CNHT.UnitTests.SupportRules;

/// <summary>The checker's boundaries are exact in đồng, it cites the legal basis, and it picks the version in force by date.</summary>
public sealed class SupportRuleCheckerTests
{
    private const int Program = 1;
    private const int Item = 10;
    private static readonly LegalBasis Decision41 = new("41/QĐ-UBND", new DateOnly(2022, 8, 22), "UBND tỉnh Nghệ An", null);
    private static readonly RuleApplicant Enterprise = new(7, "Công ty TNHH A", OrganizationKind.SupportingIndustryEnterprise, EnterpriseSize.Small, true);

    private static SupportRuleSet InForce(SupportRuleValues values, int version = 1, DateOnly? from = null, DateOnly? to = null)
    {
        var set = new SupportRuleSet(Program, version, "Quy định mức chi", Decision41, from ?? new DateOnly(2022, 8, 22), to, Specialist);
        set.AddRule(values, Specialist);
        set.Approve(Leader, Now);
        return set;
    }

    private static SupportRuleValues Values(decimal? maxShare = null, decimal? minCounterpart = null, decimal? perProposal = null,
        decimal? perYear = null, decimal? perPeriod = null, string? scope = null) =>
        new(Item, "Điều 5", scope, maxShare, minCounterpart, perProposal, perYear, perPeriod, null, null, false, false);

    private static RuleCheckInput Input(decimal total, decimal support, EnterpriseHistory? history = null, DateOnly? date = null, IReadOnlyList<CostLine>? lines = null) =>
        new(Program, Item, Enterprise, date ?? new DateOnly(2024, 3, 1), 2024, total, support, null, lines ?? [], history ?? EnterpriseHistory.None);

    [Fact]
    public void Seventy_percent_passes_a_seventy_percent_cap()
    {
        var result = SupportRuleChecker.Check(Input(100_000_000m, 70_000_000m), InForce(Values(maxShare: 70m)));
        var finding = Assert.Single(result.Findings);
        Assert.Equal(RuleOutcome.Passed, finding.Outcome);
        Assert.Equal(70m, finding.Actual);
    }

    [Fact]
    public void One_dong_above_seventy_percent_is_violated_and_says_so()
    {
        var result = SupportRuleChecker.Check(Input(100_000_000m, 70_000_001m), InForce(Values(maxShare: 70m)));
        var finding = Assert.Single(result.Findings);
        Assert.Equal(RuleOutcome.Violated, finding.Outcome);
        Assert.True(result.HasViolations);
        // Two decimals would read "70%": the message shows the exact figure instead.
        Assert.StartsWith("Ngân sách tỉnh hỗ trợ 70,000001% chi phí, vượt mức tối đa 70%", finding.Message);
    }

    [Fact]
    public void A_violation_cites_the_article_and_the_decision_in_vietnamese()
    {
        var result = SupportRuleChecker.Check(Input(100_000_000m, 78_000_000m), InForce(Values(maxShare: 70m)));
        Assert.Equal("Ngân sách tỉnh hỗ trợ 78% chi phí, vượt mức tối đa 70% (Điều 5, QĐ 41/QĐ-UBND ngày 22/8/2022)", result.Findings.Single().Message);
    }

    [Fact]
    public void Counterpart_at_the_minimum_passes_and_one_dong_less_fails()
    {
        var set = InForce(Values(minCounterpart: 30m));
        Assert.Equal(RuleOutcome.Passed, SupportRuleChecker.Check(Input(100_000_000m, 70_000_000m), set).Findings.Single().Outcome);
        Assert.Equal(RuleOutcome.Violated, SupportRuleChecker.Check(Input(100_000_000m, 70_000_001m), set).Findings.Single().Outcome);
        var explicitCounterpart = Input(100_000_000m, 60_000_000m) with { Counterpart = 29_999_999m };
        Assert.Equal(RuleOutcome.Violated, SupportRuleChecker.Check(explicitCounterpart, set).Findings.Single().Outcome);
    }

    [Fact]
    public void Amount_per_proposal_is_exact_to_the_dong()
    {
        var set = InForce(Values(perProposal: 500_000_000m));
        Assert.Equal(RuleOutcome.Passed, SupportRuleChecker.Check(Input(2_000_000_000m, 500_000_000m), set).Findings.Single().Outcome);
        var over = SupportRuleChecker.Check(Input(2_000_000_000m, 500_000_001m), set).Findings.Single();
        Assert.Equal(RuleOutcome.Violated, over.Outcome);
        Assert.Contains("500.000.001 đồng, vượt mức tối đa 500.000.000 đồng mỗi đề án", over.Message);
    }

    [Fact]
    public void Enterprise_caps_count_what_was_already_approved()
    {
        var set = InForce(Values(perYear: 1_000_000_000m, perPeriod: 3_000_000_000m));
        var atCap = SupportRuleChecker.Check(Input(5_000_000_000m, 400_000_000m, new EnterpriseHistory(600_000_000m, 2_600_000_000m)), set);
        Assert.All(atCap.Findings, f => Assert.Equal(RuleOutcome.Passed, f.Outcome));
        var over = SupportRuleChecker.Check(Input(5_000_000_000m, 400_000_001m, new EnterpriseHistory(600_000_000m, 2_000_000_000m)), set);
        var year = Assert.Single(over.Findings, f => f.Outcome == RuleOutcome.Violated);
        Assert.Equal("max-enterprise-year", year.Code);
        Assert.Equal(1_000_000_001m, year.Actual);
        Assert.Contains("năm 2024", year.Message);
    }

    [Fact]
    public void Enterprise_caps_do_not_apply_to_agencies()
    {
        var set = InForce(Values(perYear: 1m));
        var agency = Input(100m, 50m) with { Applicant = new RuleApplicant(1, "Sở Công Thương", OrganizationKind.StateAgency) };
        Assert.Empty(SupportRuleChecker.Check(agency, set).Findings);
    }

    [Fact]
    public void The_maximum_allowed_support_is_the_lowest_cap_rounded_down()
    {
        var set = InForce(Values(maxShare: 70m, perProposal: 600_000_000m, perYear: 1_000_000_000m));
        var result = SupportRuleChecker.Check(Input(1_000_000_001m, 900_000_000m, new EnterpriseHistory(500_000_000m, 500_000_000m)), set);
        Assert.Equal(500_000_000m, result.MaxAllowedProvincialSupport);
        var share = SupportRuleChecker.Check(Input(333m, 300m), InForce(Values(maxShare: 70m)));
        Assert.Equal(233m, share.MaxAllowedProvincialSupport); // 233,1 rounded down
    }

    [Fact]
    public void A_scoped_rule_warns_instead_of_blocking()
    {
        var set = InForce(Values(maxShare: 70m, scope: "hoạt động tuyên truyền"));
        var finding = SupportRuleChecker.Check(Input(60_900_000m, 47_000_000m), set).Findings.Single();
        Assert.Equal(RuleOutcome.Warning, finding.Outcome);
        Assert.Contains("77,18%", finding.Message);
        Assert.Contains("hoạt động tuyên truyền", finding.Message);
    }

    [Fact]
    public void Eligibility_by_kind_size_and_location()
    {
        var values = new SupportRuleValues(Item, "Điều 3", null, null, null, null, null, null,
            [OrganizationKind.SupportingIndustryEnterprise], [EnterpriseSize.Small, EnterpriseSize.Medium], true, true);
        var set = InForce(values);
        Assert.All(SupportRuleChecker.Check(Input(100m, 50m), set).Findings, f => Assert.Equal(RuleOutcome.Passed, f.Outcome));
        var large = Input(100m, 50m) with { Applicant = Enterprise with { Size = EnterpriseSize.Large, InProvince = false } };
        var result = SupportRuleChecker.Check(large, set);
        Assert.Equal(["eligible-size", "in-province"], result.Violations.Select(v => v.Code));
        Assert.All(result.Findings, f => Assert.EndsWith($"[{SupportRuleChecker.IllustrativeLabel}]", f.Message));
        var unknown = Input(100m, 50m) with { Applicant = Enterprise with { Size = null, InProvince = null } };
        Assert.Equal(2, SupportRuleChecker.Check(unknown, set).Findings.Count(f => f.Outcome == RuleOutcome.Warning));
    }

    [Fact]
    public void Cost_lines_are_compared_with_unit_norms_by_name_and_unit()
    {
        var set = new SupportRuleSet(Program, 1, "Quy định", Decision41, new DateOnly(2022, 8, 22), null, Specialist);
        set.AddRule(Values(), Specialist);
        set.AddUnitNorm(0, "Thuê hội trường", "ngày", 5_000_000m, "Điều 7", true, Specialist);
        set.Approve(Leader, Now);
        CostLine[] lines = [new("thue hoi truong", "Ngày", 2m, 5_000_000m), new("Thuê hội trường", "ngày", 1m, 5_000_001m), new("Nước uống", "người", 50m, 40_000m)];
        var findings = SupportRuleChecker.Check(Input(100_000_000m, 10_000_000m, lines: lines), set).Findings;
        Assert.Equal([RuleOutcome.Passed, RuleOutcome.Violated], findings.Select(f => f.Outcome));
        Assert.StartsWith("Đơn giá \"Thuê hội trường\" 5.000.001 đồng/ngày, vượt định mức 5.000.000 đồng/ngày (Điều 7, QĐ 41/QĐ-UBND ngày 22/8/2022)", findings[1].Message);
    }

    [Fact]
    public void No_rule_set_in_force_is_a_warning_not_a_pass()
    {
        var set = InForce(Values(maxShare: 70m));
        var before = SupportRuleChecker.Check(Input(100m, 100m, date: new DateOnly(2022, 8, 21)), [set]);
        Assert.Null(before.RuleSetId);
        Assert.Equal(RuleOutcome.Warning, before.Findings.Single().Outcome);
        Assert.Equal(RuleOutcome.Violated, SupportRuleChecker.Check(Input(100m, 100m, date: new DateOnly(2022, 8, 22)), [set]).Findings.Single().Outcome);
    }

    [Fact]
    public void The_newest_version_in_force_on_the_reference_date_is_chosen()
    {
        var v1 = InForce(Values(maxShare: 70m), 1, new DateOnly(2022, 8, 22), new DateOnly(2025, 12, 31));
        var v2 = InForce(Values(maxShare: 50m), 2, new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31));
        var draft = new SupportRuleSet(Program, 3, "Dự thảo", Decision41, new DateOnly(2023, 1, 1), null, Specialist);
        draft.AddRule(Values(maxShare: 10m), Specialist);
        var other = InForce(Values(maxShare: 1m), 9);
        SupportRuleSet[] sets = [v1, v2, draft];
        Assert.Same(v1, SupportRuleSet.InForceOn(sets, Program, new DateOnly(2023, 12, 31)));
        Assert.Same(v2, SupportRuleSet.InForceOn(sets, Program, new DateOnly(2024, 1, 1)));
        Assert.Same(v2, SupportRuleSet.InForceOn(sets, Program, new DateOnly(2025, 12, 31)));
        Assert.Null(SupportRuleSet.InForceOn(sets, Program, new DateOnly(2026, 1, 1)));
        Assert.Null(SupportRuleSet.InForceOn([other], Program + 1, new DateOnly(2024, 1, 1)));
        Assert.Equal(RuleOutcome.Passed, SupportRuleChecker.Check(Input(100m, 60m, date: new DateOnly(2023, 6, 1)), sets).Findings.Single().Outcome);
        Assert.Equal(RuleOutcome.Violated, SupportRuleChecker.Check(Input(100m, 60m, date: new DateOnly(2024, 6, 1)), sets).Findings.Single().Outcome);
    }

    [Fact]
    public void A_rule_set_in_force_is_never_edited_a_change_is_a_new_version()
    {
        var set = InForce(Values(maxShare: 70m));
        Assert.Throws<DomainException>(() => set.AddRule(Values() with { ContentItemId = 11 }, Specialist));
        Assert.Throws<DomainException>(() => set.EditHeader("Khác", Decision41, new DateOnly(2023, 1, 1), null, Specialist));
        var next = set.NewVersion(2, Specialist);
        Assert.Equal(RuleSetStatus.Draft, next.Status);
        Assert.Equal(2, next.Version);
        Assert.Equal(70m, next.Rules.Single().MaxProvincialSharePercent);
        Assert.Throws<DomainException>(() => next.Approve(Specialist, Now));
    }

    [Fact]
    public void An_override_needs_a_leader_and_a_reason()
    {
        var result = SupportRuleChecker.Check(Input(100m, 71m), InForce(Values(maxShare: 70m)));
        Assert.Throws<DomainException>(() => ProposalRuleFlag.Override(1, result, "Lý do", Specialist, Now));
        Assert.Throws<DomainException>(() => ProposalRuleFlag.Override(1, result, " ", Leader, Now));
        var flag = ProposalRuleFlag.Override(1, result, "Đề án trọng điểm của tỉnh", Leader, Now);
        Assert.Equal(RuleFlagKind.Override, flag.Kind);
        Assert.Contains("vượt mức tối đa 70%", flag.Violations);
    }
}

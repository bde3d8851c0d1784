using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Organizations;

namespace NgheAn.CNHT.Domain.SupportRules;

/// <summary>What one check sees: the input, the rule line of its content item, and how to cite it.</summary>
public sealed record RuleCheckContext(RuleCheckInput Input, SupportRule Rule, LegalBasis Basis)
{
    /// <summary>"Điều 5, QĐ 41/QĐ-UBND ngày 22/8/2022".</summary>
    public string Citation => $"{Rule.Citation}, {Basis.Cited}";

    public bool Scoped => Rule.Scope is not null;
}

/// <summary>One rule the checker knows: when a rule line states it, and how it is judged.</summary>
public sealed record RuleCheck(string Code, string Name, Func<SupportRule, bool> Stated, Func<RuleCheckContext, IEnumerable<RuleFinding>> Evaluate);

/// <summary>
/// The one checker of support levels and spending norms (ADR 0140). The rules are a table (<see cref="Checks"/>) read the
/// same way by the proposal page, appraisal, approval, import and the online application: given an input and the rule set
/// in force on its reference date, each stated rule answers passed, warning or violated with its figures and the legal
/// basis cited. Comparisons are exact in decimal đồng: a 70 % cap passes at 70 % and fails one đồng above (the share is
/// compared as support × 100 ≤ cap × total, never through a rounded ratio).
/// </summary>
public static class SupportRuleChecker
{
    public const string IllustrativeLabel = "giá trị minh họa, cần đối chiếu văn bản gốc";

    public static IReadOnlyList<RuleCheck> Checks { get; } =
    [
        new("max-share", "Tỷ lệ ngân sách tỉnh hỗ trợ tối đa", r => r.MaxProvincialSharePercent is not null, MaxShare),
        new("min-counterpart", "Tỷ lệ vốn đối ứng tối thiểu", r => r.MinCounterpartPercent is not null, MinCounterpart),
        new("max-per-proposal", "Mức hỗ trợ tối đa mỗi đề án", r => r.MaxAmountPerProposal is not null, MaxPerProposal),
        new("max-enterprise-year", "Mức tối đa mỗi doanh nghiệp mỗi năm", r => r.MaxPerEnterprisePerYear is not null, MaxPerEnterpriseYear),
        new("max-enterprise-period", "Mức tối đa mỗi doanh nghiệp cả giai đoạn", r => r.MaxPerEnterprisePerPeriod is not null, MaxPerEnterprisePeriod),
        new("eligible-kind", "Loại đơn vị được hỗ trợ", r => r.EligibleKinds is not null, EligibleKind),
        new("eligible-size", "Quy mô doanh nghiệp được hỗ trợ", r => r.EligibleSizes is not null, EligibleSize),
        new("in-province", "Doanh nghiệp trên địa bàn tỉnh", r => r.RequireInProvince, InProvince),
        new("unit-norms", "Định mức chi theo đơn vị", r => r.UnitNorms.Count > 0, UnitNorms),
    ];

    /// <summary>Checks an input against the rule set that governs its reference date (<see cref="SupportRuleSet.InForceOn"/>).</summary>
    public static RuleCheckResult Check(RuleCheckInput input, IEnumerable<SupportRuleSet> ruleSets) =>
        Check(input, SupportRuleSet.InForceOn(ruleSets, input.ProgramId, input.ReferenceDate));

    /// <summary>Checks an input against one rule set (null: none in force on the reference date, which is itself a warning).</summary>
    public static RuleCheckResult Check(RuleCheckInput input, SupportRuleSet? set)
    {
        if (set is null)
        {
            return new RuleCheckResult(null, null, null, input.ReferenceDate,
            [
                new("rule-set", "Quy định áp dụng", RuleOutcome.Warning,
                    $"Chưa có quy định mức hỗ trợ, mức chi có hiệu lực ngày {VnFormat.Date(input.ReferenceDate)}; các mức hỗ trợ chưa được kiểm tra.",
                    null, null, "", false),
            ], null);
        }

        var rule = set.RuleFor(input.ContentItemId);
        if (rule is null)
        {
            return new RuleCheckResult(set.Id, set.Title, set.Version, input.ReferenceDate,
            [
                new("rule-set", "Quy định áp dụng", RuleOutcome.Passed,
                    $"{set.Title} ({set.Basis.Cited}) không quy định mức hỗ trợ riêng cho nội dung này.", null, null, set.Basis.Cited, false),
            ], null);
        }

        var context = new RuleCheckContext(input, rule, set.Basis);
        var findings = Checks.Where(c => c.Stated(rule)).SelectMany(c => c.Evaluate(context)).ToList();
        return new RuleCheckResult(set.Id, set.Title, set.Version, input.ReferenceDate, findings, MaxAllowed(input, rule));
    }

    /// <summary>
    /// The most provincial support the unscoped caps allow for this input (whole đồng, rounded down), never more than
    /// requested: what appraisal is offered as the recommended amount.
    /// </summary>
    public static decimal? MaxAllowed(RuleCheckInput input, SupportRule rule)
    {
        if (rule.Scope is not null)
        {
            return null;
        }

        var caps = new List<decimal> { input.ProvincialSupport };
        if (rule.MaxProvincialSharePercent is { } maxShare)
        {
            caps.Add(Math.Floor(input.TotalCost * maxShare / 100m));
        }

        if (rule.MinCounterpartPercent is { } minCounterpart && input.Counterpart is null)
        {
            caps.Add(Math.Floor(input.TotalCost * (100m - minCounterpart) / 100m));
        }

        if (rule.MaxAmountPerProposal is { } perProposal)
        {
            caps.Add(perProposal);
        }

        if (input.Applicant.IsEnterprise)
        {
            if (rule.MaxPerEnterprisePerYear is { } perYear)
            {
                caps.Add(Math.Max(0m, perYear - input.History.ApprovedInYear));
            }

            if (rule.MaxPerEnterprisePerPeriod is { } perPeriod)
            {
                caps.Add(Math.Max(0m, perPeriod - input.History.ApprovedInPeriod));
            }
        }

        return Math.Max(0m, caps.Min());
    }

    private static IEnumerable<RuleFinding> MaxShare(RuleCheckContext c)
    {
        var max = c.Rule.MaxProvincialSharePercent!.Value;
        var total = c.Input.TotalCost;
        var support = c.Input.ProvincialSupport;
        var within = support * 100m <= max * total;
        var actual = total == 0 ? 0m : support * 100m / total;
        var shown = Percent(actual, max, within);
        var message = within
            ? $"Ngân sách tỉnh hỗ trợ {shown} chi phí, trong mức tối đa {Percent(max)}"
            : c.Scoped
                ? $"Ngân sách tỉnh hỗ trợ {shown} chi phí, cao hơn mức tối đa {Percent(max)} áp dụng cho {c.Rule.Scope}; cần xác định đề án có thuộc phạm vi này không"
                : $"Ngân sách tỉnh hỗ trợ {shown} chi phí, vượt mức tối đa {Percent(max)}";
        yield return Finding(c, "max-share", "Tỷ lệ ngân sách tỉnh hỗ trợ tối đa", within, message, actual, max);
    }

    private static IEnumerable<RuleFinding> MinCounterpart(RuleCheckContext c)
    {
        var min = c.Rule.MinCounterpartPercent!.Value;
        var total = c.Input.TotalCost;
        var counterpart = c.Input.CounterpartAndOther;
        var within = counterpart * 100m >= min * total;
        var actual = total == 0 ? 0m : counterpart * 100m / total;
        var shown = Percent(actual, min, within);
        var message = within
            ? $"Vốn đối ứng và nguồn khác {shown} chi phí, đạt mức tối thiểu {Percent(min)}"
            : c.Scoped
                ? $"Vốn đối ứng và nguồn khác {shown} chi phí, thấp hơn mức tối thiểu {Percent(min)} áp dụng cho {c.Rule.Scope}; cần xác định đề án có thuộc phạm vi này không"
                : $"Vốn đối ứng và nguồn khác chỉ {shown} chi phí, thấp hơn mức tối thiểu {Percent(min)}";
        yield return Finding(c, "min-counterpart", "Tỷ lệ vốn đối ứng tối thiểu", within, message, actual, min);
    }

    private static IEnumerable<RuleFinding> MaxPerProposal(RuleCheckContext c)
    {
        var max = c.Rule.MaxAmountPerProposal!.Value;
        var support = c.Input.ProvincialSupport;
        var within = support <= max;
        var message = within
            ? $"Ngân sách tỉnh hỗ trợ {VnFormat.Dong(support)} đồng, trong mức tối đa {VnFormat.Dong(max)} đồng mỗi đề án"
            : $"Ngân sách tỉnh hỗ trợ {VnFormat.Dong(support)} đồng, vượt mức tối đa {VnFormat.Dong(max)} đồng mỗi đề án";
        yield return Finding(c, "max-per-proposal", "Mức hỗ trợ tối đa mỗi đề án", within, message, support, max);
    }

    private static IEnumerable<RuleFinding> MaxPerEnterpriseYear(RuleCheckContext c) =>
        EnterpriseCap(c, "max-enterprise-year", "Mức tối đa mỗi doanh nghiệp mỗi năm", c.Rule.MaxPerEnterprisePerYear!.Value,
            c.Input.History.ApprovedInYear, $"năm {c.Input.Year}", "mỗi doanh nghiệp mỗi năm");

    private static IEnumerable<RuleFinding> MaxPerEnterprisePeriod(RuleCheckContext c) =>
        EnterpriseCap(c, "max-enterprise-period", "Mức tối đa mỗi doanh nghiệp cả giai đoạn", c.Rule.MaxPerEnterprisePerPeriod!.Value,
            c.Input.History.ApprovedInPeriod, "cả giai đoạn", "mỗi doanh nghiệp cả giai đoạn");

    private static IEnumerable<RuleFinding> EnterpriseCap(RuleCheckContext c, string code, string name, decimal max, decimal already, string when, string per)
    {
        if (!c.Input.Applicant.IsEnterprise)
        {
            yield break;
        }

        var sum = already + c.Input.ProvincialSupport;
        var within = sum <= max;
        var figures = $"{VnFormat.Dong(sum)} đồng (các đề án đã duyệt {VnFormat.Dong(already)} đồng + đề án này {VnFormat.Dong(c.Input.ProvincialSupport)} đồng)";
        var message = within
            ? $"{c.Input.Applicant.Name} được hỗ trợ {when} tổng {figures}, trong mức tối đa {VnFormat.Dong(max)} đồng {per}"
            : $"{c.Input.Applicant.Name} được hỗ trợ {when} tổng {figures}, vượt mức tối đa {VnFormat.Dong(max)} đồng {per}";
        yield return Finding(c, code, name, within, message, sum, max);
    }

    private static IEnumerable<RuleFinding> EligibleKind(RuleCheckContext c)
    {
        var kinds = c.Rule.Kinds;
        var list = string.Join(", ", kinds.Select(Organization.KindDisplayName));
        if (c.Input.Applicant.Kind is not { } kind)
        {
            yield return Warn(c, "eligible-kind", "Loại đơn vị được hỗ trợ", $"Chưa rõ loại đơn vị của {c.Input.Applicant.Name}; đối tượng được hỗ trợ: {list}");
            yield break;
        }

        var within = kinds.Contains(kind);
        var message = within
            ? $"{Organization.KindDisplayName(kind)} thuộc đối tượng được hỗ trợ ({list})"
            : $"{Organization.KindDisplayName(kind)} không thuộc đối tượng được hỗ trợ ({list})";
        yield return Finding(c, "eligible-kind", "Loại đơn vị được hỗ trợ", within, message, null, null);
    }

    private static IEnumerable<RuleFinding> EligibleSize(RuleCheckContext c)
    {
        var sizes = c.Rule.Sizes;
        var list = string.Join(", ", sizes.Select(SupportRuleSet.SizeDisplayName));
        if (!c.Input.Applicant.IsEnterprise)
        {
            yield break;
        }

        if (c.Input.Applicant.Size is not { } size)
        {
            yield return Warn(c, "eligible-size", "Quy mô doanh nghiệp được hỗ trợ", $"Chưa có thông tin quy mô của {c.Input.Applicant.Name}; quy mô được hỗ trợ: {list}");
            yield break;
        }

        var within = sizes.Contains(size);
        var message = within
            ? $"Doanh nghiệp quy mô {SupportRuleSet.SizeDisplayName(size).ToLowerInvariant()} thuộc đối tượng được hỗ trợ ({list})"
            : $"Doanh nghiệp quy mô {SupportRuleSet.SizeDisplayName(size).ToLowerInvariant()} không thuộc đối tượng được hỗ trợ ({list})";
        yield return Finding(c, "eligible-size", "Quy mô doanh nghiệp được hỗ trợ", within, message, null, null);
    }

    private static IEnumerable<RuleFinding> InProvince(RuleCheckContext c)
    {
        if (c.Input.Applicant.InProvince is not { } inProvince)
        {
            yield return Warn(c, "in-province", "Doanh nghiệp trên địa bàn tỉnh", $"Chưa xác định {c.Input.Applicant.Name} có trụ sở hoặc cơ sở sản xuất trên địa bàn tỉnh Nghệ An");
            yield break;
        }

        var message = inProvince
            ? $"{c.Input.Applicant.Name} có trụ sở hoặc cơ sở sản xuất trên địa bàn tỉnh"
            : $"{c.Input.Applicant.Name} không có trụ sở hoặc cơ sở sản xuất trên địa bàn tỉnh, không thuộc đối tượng được hỗ trợ";
        yield return Finding(c, "in-province", "Doanh nghiệp trên địa bàn tỉnh", inProvince, message, null, null);
    }

    private static IEnumerable<RuleFinding> UnitNorms(RuleCheckContext c)
    {
        var norms = c.Rule.UnitNorms.ToDictionary(n => n.Key);
        foreach (var line in c.Input.CostLines)
        {
            if (!norms.TryGetValue(UnitNorm.NormKey(line.Name, line.Unit), out var norm))
            {
                continue;
            }

            var within = line.UnitPrice <= norm.MaxUnitPrice;
            var message = within
                ? $"Đơn giá \"{norm.Name}\" {VnFormat.Dong(line.UnitPrice)} đồng/{norm.Unit}, trong định mức {VnFormat.Dong(norm.MaxUnitPrice)} đồng/{norm.Unit}"
                : $"Đơn giá \"{norm.Name}\" {VnFormat.Dong(line.UnitPrice)} đồng/{norm.Unit}, vượt định mức {VnFormat.Dong(norm.MaxUnitPrice)} đồng/{norm.Unit}";
            var citation = $"{norm.Citation ?? c.Rule.Citation}, {c.Basis.Cited}";
            var illustrative = norm.IsIllustrative || c.Rule.IsIllustrative;
            var outcome = within ? RuleOutcome.Passed : c.Scoped ? RuleOutcome.Warning : RuleOutcome.Violated;
            yield return new RuleFinding("unit-norms", "Định mức chi theo đơn vị", outcome, Cite(message, citation, illustrative),
                line.UnitPrice, norm.MaxUnitPrice, citation, illustrative);
        }
    }

    private static RuleFinding Finding(RuleCheckContext c, string code, string name, bool within, string message, decimal? actual, decimal? limit)
    {
        var outcome = within ? RuleOutcome.Passed : c.Scoped ? RuleOutcome.Warning : RuleOutcome.Violated;
        return new RuleFinding(code, name, outcome, Cite(message, c.Citation, c.Rule.IsIllustrative), actual, limit, c.Citation, c.Rule.IsIllustrative);
    }

    private static RuleFinding Warn(RuleCheckContext c, string code, string name, string message) =>
        new(code, name, RuleOutcome.Warning, Cite(message, c.Citation, c.Rule.IsIllustrative), null, null, c.Citation, c.Rule.IsIllustrative);

    private static string Cite(string message, string citation, bool illustrative) =>
        $"{message} ({citation})" + (illustrative ? $" [{IllustrativeLabel}]" : "");

    /// <summary>A percentage the vi-VN way with at most two decimals: 70%, 77,18%.</summary>
    public static string Percent(decimal percent) =>
        decimal.Round(percent, 2, MidpointRounding.AwayFromZero).ToString("0.##", VnFormat.Culture) + "%";

    /// <summary>
    /// A computed share next to its limit: two decimals, more when two decimals would show the limit itself while the
    /// exact figure is on the other side of it (70,000001% is above 70%, and must not read "70%").
    /// </summary>
    private static string Percent(decimal actual, decimal limit, bool within)
    {
        var shown = Percent(actual);
        if (within || shown != Percent(limit))
        {
            return shown;
        }

        return actual.ToString("0.######", VnFormat.Culture) is var precise && precise != limit.ToString("0.######", VnFormat.Culture)
            ? precise + "%"
            : (actual > limit ? "trên " : "dưới ") + Percent(limit);
    }
}

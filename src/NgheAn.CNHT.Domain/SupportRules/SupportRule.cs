using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Organizations;

namespace NgheAn.CNHT.Domain.SupportRules;

/// <summary>
/// The support level of one content item in a rule set: caps, minimum counterpart, eligibility and unit norms. Edited
/// only through its rule set (and only while that is a draft). <see cref="Scope"/> narrows the rule to part of the item's
/// activities (e.g. publicity within item 1.4): since a proposal does not say which activity it is, figures outside a
/// scoped rule are warnings to check, never blocks.
/// </summary>
public sealed class SupportRule : Entity
{
    private readonly List<UnitNorm> _unitNorms = [];

    private SupportRule() { }

    internal SupportRule(SupportRuleSet set, SupportRuleValues v)
    {
        RuleSet = set;
        if (v.ContentItemId <= 0)
        {
            throw new DomainException("Vui lòng chọn nội dung hỗ trợ.", nameof(ContentItemId));
        }

        ContentItemId = v.ContentItemId;
        Citation = Guard.Required(v.Citation, "Điều, khoản căn cứ", 200, nameof(Citation));
        Scope = Guard.Optional(v.Scope, "Phạm vi áp dụng", 500, nameof(Scope));
        MaxProvincialSharePercent = Percent(v.MaxProvincialSharePercent, "Tỷ lệ ngân sách tỉnh hỗ trợ tối đa", nameof(MaxProvincialSharePercent));
        MinCounterpartPercent = Percent(v.MinCounterpartPercent, "Tỷ lệ đối ứng tối thiểu", nameof(MinCounterpartPercent));
        MaxAmountPerProposal = Money(v.MaxAmountPerProposal, "Mức hỗ trợ tối đa mỗi đề án", nameof(MaxAmountPerProposal));
        MaxPerEnterprisePerYear = Money(v.MaxPerEnterprisePerYear, "Mức tối đa mỗi doanh nghiệp mỗi năm", nameof(MaxPerEnterprisePerYear));
        MaxPerEnterprisePerPeriod = Money(v.MaxPerEnterprisePerPeriod, "Mức tối đa mỗi doanh nghiệp cả giai đoạn", nameof(MaxPerEnterprisePerPeriod));
        EligibleKinds = v.EligibleKinds is { Count: > 0 } kinds ? string.Join(',', kinds.Distinct().Order()) : null;
        EligibleSizes = v.EligibleSizes is { Count: > 0 } sizes ? string.Join(',', sizes.Distinct().Order()) : null;
        RequireInProvince = v.RequireInProvince;
        IsIllustrative = v.IsIllustrative;
    }

    private static decimal? Percent(decimal? value, string label, string field)
    {
        if (value is { } p && (p < 0 || p > 100 || decimal.Round(p, 4) != p))
        {
            throw new DomainException($"{label} phải từ 0 đến 100 (tối đa 4 chữ số thập phân).", field);
        }

        return value;
    }

    private static decimal? Money(decimal? value, string label, string field) =>
        value is { } m ? Guard.PositiveAmount(m, label, field) : null;

    public int RuleSetId { get; private set; }
    public SupportRuleSet RuleSet { get; private set; } = null!;
    public int ContentItemId { get; private set; }
    /// <summary>Article and clause of the legal document, e.g. "Điều 5".</summary>
    public string Citation { get; private set; } = "";
    public string? Scope { get; private set; }
    public decimal? MaxProvincialSharePercent { get; private set; }
    public decimal? MinCounterpartPercent { get; private set; }
    public decimal? MaxAmountPerProposal { get; private set; }
    public decimal? MaxPerEnterprisePerYear { get; private set; }
    public decimal? MaxPerEnterprisePerPeriod { get; private set; }
    /// <summary>Comma-separated <see cref="OrganizationKind"/> names; null: any kind.</summary>
    public string? EligibleKinds { get; private set; }
    /// <summary>Comma-separated <see cref="EnterpriseSize"/> names; null: any size.</summary>
    public string? EligibleSizes { get; private set; }
    public bool RequireInProvince { get; private set; }
    /// <summary>Giá trị minh họa: not yet checked against the original document by a specialist.</summary>
    public bool IsIllustrative { get; private set; }

    public IReadOnlyCollection<UnitNorm> UnitNorms => _unitNorms.AsReadOnly();

    public IReadOnlyList<OrganizationKind> Kinds =>
        EligibleKinds is null ? [] : EligibleKinds.Split(',').Select(Enum.Parse<OrganizationKind>).ToList();

    public IReadOnlyList<EnterpriseSize> Sizes =>
        EligibleSizes is null ? [] : EligibleSizes.Split(',').Select(Enum.Parse<EnterpriseSize>).ToList();

    public SupportRuleValues Values => new(ContentItemId, Citation, Scope, MaxProvincialSharePercent, MinCounterpartPercent, MaxAmountPerProposal,
        MaxPerEnterprisePerYear, MaxPerEnterprisePerPeriod, Kinds, Sizes, RequireInProvince, IsIllustrative);

    internal UnitNorm AddNorm(string name, string unit, decimal maxUnitPrice, string? citation, bool illustrative)
    {
        var norm = new UnitNorm(this, name, unit, maxUnitPrice, citation, illustrative);
        if (_unitNorms.Any(n => n.Key == norm.Key))
        {
            throw new DomainException($"Định mức \"{norm.Name}\" ({norm.Unit}) đã có.", nameof(UnitNorm.Name));
        }

        _unitNorms.Add(norm);
        return norm;
    }

    internal void RemoveNorm(int normId)
    {
        var norm = _unitNorms.FirstOrDefault(n => n.Id == normId) ?? throw new DomainException("Không tìm thấy định mức cần xóa.");
        _unitNorms.Remove(norm);
    }
}

/// <summary>A spending norm (định mức chi) for one kind of cost line: at most this unit price per unit.</summary>
public sealed class UnitNorm : Entity
{
    private UnitNorm() { }

    internal UnitNorm(SupportRule rule, string name, string unit, decimal maxUnitPrice, string? citation, bool illustrative)
    {
        Rule = rule;
        Name = Guard.Required(name, "Nội dung chi", 300, nameof(Name));
        Unit = Guard.Required(unit, "Đơn vị tính", 50, nameof(Unit));
        MaxUnitPrice = Guard.PositiveAmount(maxUnitPrice, "Định mức đơn giá", nameof(MaxUnitPrice));
        Citation = Guard.Optional(citation, "Điều, khoản căn cứ", 200, nameof(Citation));
        IsIllustrative = illustrative;
    }

    public int SupportRuleId { get; private set; }
    public SupportRule Rule { get; private set; } = null!;
    public string Name { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public decimal MaxUnitPrice { get; private set; }
    public string? Citation { get; private set; }
    public bool IsIllustrative { get; private set; }

    /// <summary>How a cost line finds its norm: name and unit folded (no marks, no case, single spaces).</summary>
    public string Key => NormKey(Name, Unit);

    public static string NormKey(string name, string unit) => $"{Fold(name)}|{Fold(unit)}";

    private static string Fold(string s) => string.Join(' ', SearchText.Fold(s).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}

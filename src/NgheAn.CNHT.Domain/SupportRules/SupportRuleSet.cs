using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Organizations;

namespace NgheAn.CNHT.Domain.SupportRules;

public enum RuleSetStatus
{
    /// <summary>Dự thảo: still edited by a specialist, checks nothing.</summary>
    Draft,
    /// <summary>Có hiệu lực: approved by a DOIT leader; never edited again (a change is a new version).</summary>
    InForce,
}

/// <summary>Enterprise size (quy mô doanh nghiệp) as eligibility rules name it.</summary>
public enum EnterpriseSize
{
    Micro,
    Small,
    Medium,
    Large,
}

/// <summary>The legal document a rule set rests on: number, date, issuer, and where to read it.</summary>
public sealed record LegalBasis(string DocumentNumber, DateOnly DocumentDate, string Issuer, string? Link)
{
    /// <summary>"QĐ 41/QĐ-UBND ngày 22/8/2022": the short form cited after each rule.</summary>
    public string Cited
    {
        get
        {
            var prefix = DocumentNumber.Contains("/QĐ", StringComparison.Ordinal) ? "QĐ "
                : DocumentNumber.Contains("/NQ", StringComparison.Ordinal) ? "NQ "
                : DocumentNumber.Contains("/TT", StringComparison.Ordinal) ? "TT "
                : DocumentNumber.Contains("/NĐ", StringComparison.Ordinal) ? "NĐ " : "";
            return $"{prefix}{DocumentNumber} ngày {DocumentDate.Day}/{DocumentDate.Month}/{DocumentDate.Year}";
        }
    }
}

/// <summary>
/// A versioned set of support levels and spending norms (quy định mức hỗ trợ, mức chi) for one program, resting on a
/// legal document. Draft → in force when a DOIT leader approves; from then on nothing in it changes: a change is a new
/// version (<see cref="NewVersion"/>), and on any date the newest version in force wins (<see cref="InForceOn"/>).
/// </summary>
public sealed class SupportRuleSet : AuditableEntity, IConcurrencyStamped
{
    private readonly List<SupportRule> _rules = [];

    private SupportRuleSet() { }

    public SupportRuleSet(int programId, int version, string title, LegalBasis basis, DateOnly effectiveFrom, DateOnly? effectiveTo,
        Actor actor, bool isSample = false)
    {
        if (!actor.IsIn(Roles.DoitSpecialist) && actor != Actor.System && !isSample)
        {
            throw new DomainException("Chỉ Chuyên viên Sở được lập quy định mức hỗ trợ.");
        }

        if (programId <= 0)
        {
            throw new DomainException("Vui lòng chọn chương trình.", nameof(ProgramId));
        }

        ProgramId = programId;
        Version = version < 1 ? 1 : version;
        Status = RuleSetStatus.Draft;
        IsSample = isSample;
        ConcurrencyStamp = Guid.NewGuid();
        ApplyHeader(title, basis, effectiveFrom, effectiveTo);
    }

    public int ProgramId { get; private set; }
    public int Version { get; private set; }
    public string Title { get; private set; } = "";
    public string DocumentNumber { get; private set; } = "";
    public DateOnly DocumentDate { get; private set; }
    public string Issuer { get; private set; } = "";
    public string? DocumentLink { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }
    public DateOnly? EffectiveTo { get; private set; }
    public RuleSetStatus Status { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTime? ApprovedAt { get; private set; }
    public bool IsSample { get; private set; }
    public Guid ConcurrencyStamp { get; private set; }

    public IReadOnlyCollection<SupportRule> Rules => _rules.AsReadOnly();

    public LegalBasis Basis => new(DocumentNumber, DocumentDate, Issuer, DocumentLink);

    public bool IsInForceOn(DateOnly date) =>
        Status == RuleSetStatus.InForce && EffectiveFrom <= date && (EffectiveTo is null || date <= EffectiveTo);

    /// <summary>The rule set that governs a date: among those in force on it, the newest version (a later version supersedes).</summary>
    public static SupportRuleSet? InForceOn(IEnumerable<SupportRuleSet> sets, int programId, DateOnly date) =>
        sets.Where(s => s.ProgramId == programId && s.IsInForceOn(date))
            .OrderByDescending(s => s.Version)
            .ThenByDescending(s => s.EffectiveFrom)
            .FirstOrDefault();

    public SupportRule? RuleFor(int contentItemId) => _rules.FirstOrDefault(r => r.ContentItemId == contentItemId);

    public void EditHeader(string title, LegalBasis basis, DateOnly effectiveFrom, DateOnly? effectiveTo, Actor actor)
    {
        EnsureDraft(actor);
        ApplyHeader(title, basis, effectiveFrom, effectiveTo);
    }

    private void ApplyHeader(string title, LegalBasis basis, DateOnly effectiveFrom, DateOnly? effectiveTo)
    {
        Title = Guard.Required(title, "Tên quy định", 300, nameof(Title));
        DocumentNumber = Guard.Required(basis.DocumentNumber, "Số văn bản", 100, nameof(DocumentNumber));
        Issuer = Guard.Required(basis.Issuer, "Cơ quan ban hành", 200, nameof(Issuer));
        DocumentLink = Guard.Optional(basis.Link, "Đường dẫn văn bản", 500, nameof(DocumentLink));
        if (DocumentLink is not null && !(Uri.TryCreate(DocumentLink, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            throw new DomainException("Đường dẫn văn bản phải là địa chỉ http:// hoặc https://.", nameof(DocumentLink));
        }

        if (basis.DocumentDate.Year < 2000)
        {
            throw new DomainException("Ngày ban hành văn bản không hợp lệ.", nameof(DocumentDate));
        }

        if (effectiveTo is { } to && to < effectiveFrom)
        {
            throw new DomainException("Ngày hết hiệu lực không được trước ngày có hiệu lực.", nameof(EffectiveTo));
        }

        DocumentDate = basis.DocumentDate;
        EffectiveFrom = effectiveFrom;
        EffectiveTo = effectiveTo;
    }

    public SupportRule AddRule(SupportRuleValues values, Actor actor)
    {
        EnsureDraft(actor);
        if (_rules.Any(r => r.ContentItemId == values.ContentItemId))
        {
            throw new DomainException("Nội dung này đã có mức hỗ trợ trong quy định; hãy xóa dòng cũ trước khi nhập lại.", nameof(SupportRuleValues.ContentItemId));
        }

        var rule = new SupportRule(this, values);
        _rules.Add(rule);
        return rule;
    }

    public void RemoveRule(int ruleId, Actor actor)
    {
        EnsureDraft(actor);
        var rule = _rules.FirstOrDefault(r => r.Id == ruleId) ?? throw new DomainException("Không tìm thấy dòng mức hỗ trợ cần xóa.");
        _rules.Remove(rule);
    }

    public UnitNorm AddUnitNorm(int ruleId, string name, string unit, decimal maxUnitPrice, string? citation, bool illustrative, Actor actor)
    {
        EnsureDraft(actor);
        var rule = _rules.FirstOrDefault(r => r.Id == ruleId) ?? throw new DomainException("Không tìm thấy dòng mức hỗ trợ.");
        return rule.AddNorm(name, unit, maxUnitPrice, citation, illustrative);
    }

    /// <summary>Adds a norm to a rule of this set not yet saved (no id yet), e.g. while seeding.</summary>
    public UnitNorm AddUnitNorm(SupportRule rule, string name, string unit, decimal maxUnitPrice, string? citation, bool illustrative, Actor actor)
    {
        EnsureDraft(actor);
        if (!_rules.Contains(rule))
        {
            throw new DomainException("Dòng mức hỗ trợ không thuộc quy định này.");
        }

        return rule.AddNorm(name, unit, maxUnitPrice, citation, illustrative);
    }

    public void RemoveUnitNorm(int ruleId, int normId, Actor actor)
    {
        EnsureDraft(actor);
        var rule = _rules.FirstOrDefault(r => r.Id == ruleId) ?? throw new DomainException("Không tìm thấy dòng mức hỗ trợ.");
        rule.RemoveNorm(normId);
    }

    /// <summary>A DOIT leader puts the draft in force; from then on it is never edited.</summary>
    public void Approve(Actor actor, DateTime utcNow)
    {
        if (!actor.IsIn(Roles.DoitLeader))
        {
            throw new DomainException("Chỉ Lãnh đạo Sở được phê duyệt quy định mức hỗ trợ.");
        }

        if (Status != RuleSetStatus.Draft)
        {
            throw new DomainException("Quy định này đã có hiệu lực.");
        }

        if (_rules.Count == 0)
        {
            throw new DomainException("Quy định chưa có mức hỗ trợ nào cho nội dung nào; không có gì để phê duyệt.");
        }

        Status = RuleSetStatus.InForce;
        ApprovedBy = actor.DisplayName;
        ApprovedAt = utcNow;
    }

    /// <summary>Puts a sample rule set in force without a leader (demo data only).</summary>
    public void ApproveAsSample(DateTime utcNow)
    {
        if (!IsSample)
        {
            throw new DomainException("Chỉ dữ liệu mẫu được đưa vào hiệu lực không qua phê duyệt.");
        }

        Status = RuleSetStatus.InForce;
        ApprovedBy = "Dữ liệu mẫu";
        ApprovedAt = utcNow;
    }

    /// <summary>A change to a rule set in force: a new draft version carrying every rule and norm of this one.</summary>
    public SupportRuleSet NewVersion(int version, Actor actor)
    {
        if (!actor.IsIn(Roles.DoitSpecialist))
        {
            throw new DomainException("Chỉ Chuyên viên Sở được lập phiên bản mới của quy định.");
        }

        if (Status != RuleSetStatus.InForce)
        {
            throw new DomainException("Quy định còn là dự thảo: sửa trực tiếp, không cần phiên bản mới.");
        }

        var next = new SupportRuleSet(ProgramId, version, Title, Basis, EffectiveFrom, EffectiveTo, actor);
        foreach (var rule in _rules)
        {
            var copy = next.AddRule(rule.Values, actor);
            foreach (var norm in rule.UnitNorms)
            {
                copy.AddNorm(norm.Name, norm.Unit, norm.MaxUnitPrice, norm.Citation, norm.IsIllustrative);
            }
        }

        return next;
    }

    private void EnsureDraft(Actor actor)
    {
        if (Status != RuleSetStatus.Draft)
        {
            throw new DomainException("Quy định đã có hiệu lực nên không sửa được; hãy tạo phiên bản mới.");
        }

        if (!actor.IsIn(Roles.DoitSpecialist))
        {
            throw new DomainException("Chỉ Chuyên viên Sở được sửa dự thảo quy định mức hỗ trợ.");
        }
    }

    public void RenewConcurrencyStamp() => ConcurrencyStamp = Guid.NewGuid();

    public static string StatusDisplayName(RuleSetStatus status) => status switch
    {
        RuleSetStatus.Draft => "Dự thảo",
        RuleSetStatus.InForce => "Có hiệu lực",
        _ => status.ToString(),
    };

    public static string SizeDisplayName(EnterpriseSize size) => size switch
    {
        EnterpriseSize.Micro => "Siêu nhỏ",
        EnterpriseSize.Small => "Nhỏ",
        EnterpriseSize.Medium => "Vừa",
        EnterpriseSize.Large => "Lớn",
        _ => size.ToString(),
    };
}

/// <summary>What a rule line states for one content item; null limits are not stated.</summary>
public sealed record SupportRuleValues(
    int ContentItemId,
    string Citation,
    string? Scope,
    decimal? MaxProvincialSharePercent,
    decimal? MinCounterpartPercent,
    decimal? MaxAmountPerProposal,
    decimal? MaxPerEnterprisePerYear,
    decimal? MaxPerEnterprisePerPeriod,
    IReadOnlyList<OrganizationKind>? EligibleKinds,
    IReadOnlyList<EnterpriseSize>? EligibleSizes,
    bool RequireInProvince,
    bool IsIllustrative);

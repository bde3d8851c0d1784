using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Indicators;

/// <summary>
/// An output indicator (chỉ tiêu đầu ra) of a content item (ADR 0171): its kind (hence its unit), the target of the
/// program's period and a target per year. Proposals state expected outputs against it; acceptance records actuals.
/// </summary>
public sealed class OutputIndicator : AuditableEntity, IConcurrencyStamped
{
    private readonly List<IndicatorTarget> _targets = [];

    private OutputIndicator() { }

    public OutputIndicator(int contentItemId, IndicatorKind kind, decimal periodTarget, bool isIllustrative)
    {
        if (contentItemId <= 0)
        {
            throw new DomainException("Vui lòng chọn nội dung hỗ trợ.", nameof(ContentItemId));
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Vui lòng chọn loại chỉ tiêu trong danh sách.", nameof(Kind));
        }

        ContentItemId = contentItemId;
        Kind = kind;
        PeriodTarget = Count(periodTarget, "Chỉ tiêu giai đoạn", nameof(PeriodTarget));
        IsIllustrative = isIllustrative;
        ConcurrencyStamp = Guid.NewGuid();
    }

    public int ContentItemId { get; private set; }
    public IndicatorKind Kind { get; private set; }
    public string Unit => Kind.Unit();
    public decimal PeriodTarget { get; private set; }
    /// <summary>Demo targets (giá trị minh họa) until staff save the approved ones.</summary>
    public bool IsIllustrative { get; private set; }
    public Guid ConcurrencyStamp { get; private set; }
    public IReadOnlyCollection<IndicatorTarget> Targets => _targets.AsReadOnly();

    public decimal TargetOf(int year) => _targets.FirstOrDefault(t => t.Year == year)?.Target ?? 0m;

    public void SetTargets(YearRange period, decimal periodTarget, IReadOnlyDictionary<int, decimal> yearly, bool approved)
    {
        PeriodTarget = Count(periodTarget, "Chỉ tiêu giai đoạn", nameof(PeriodTarget));
        foreach (var (year, target) in yearly.OrderBy(y => y.Key))
        {
            if (!period.Contains(year))
            {
                throw new DomainException($"Năm {year} nằm ngoài giai đoạn của chương trình ({period}).", "Targets");
            }

            Count(target, $"Chỉ tiêu năm {year}", $"Year{year}");
            var line = _targets.FirstOrDefault(t => t.Year == year);
            if (line is null)
            {
                _targets.Add(new IndicatorTarget(this, year, target));
            }
            else if (line.Target != target)
            {
                line.Change(target);
            }
        }

        if (approved)
        {
            IsIllustrative = false;
        }
    }

    /// <summary>Outputs are counted in whole units, never negative.</summary>
    public static decimal Count(decimal value, string label, string? field = null)
    {
        if (value < 0 || value != decimal.Truncate(value) || value > 1_000_000_000m)
        {
            throw new DomainException($"{label} phải là số nguyên không âm.", field);
        }

        return value;
    }

    public void RenewConcurrencyStamp() => ConcurrencyStamp = Guid.NewGuid();
}

/// <summary>One year's target of an output indicator.</summary>
public sealed class IndicatorTarget : AuditableEntity
{
    private IndicatorTarget() { }

    internal IndicatorTarget(OutputIndicator indicator, int year, decimal target)
    {
        Indicator = indicator;
        Year = year;
        Target = target;
    }

    public int OutputIndicatorId { get; private set; }
    public OutputIndicator Indicator { get; private set; } = null!;
    public int Year { get; private set; }
    public decimal Target { get; private set; }

    internal void Change(decimal target) => Target = target;
}

/// <summary>
/// What one proposal expects to deliver against one indicator of its item, and what its acceptance (nghiệm thu)
/// found. <see cref="Actual"/> is null until acceptance records it.
/// </summary>
public sealed class ProposalOutput : AuditableEntity
{
    private ProposalOutput() { }

    public ProposalOutput(int proposalId, int outputIndicatorId, decimal expected)
    {
        ProposalId = proposalId;
        OutputIndicatorId = outputIndicatorId;
        Expected = OutputIndicator.Count(expected, "Kết quả dự kiến", nameof(Expected));
    }

    public int ProposalId { get; private set; }
    public int OutputIndicatorId { get; private set; }
    public OutputIndicator Indicator { get; private set; } = null!;
    public decimal Expected { get; private set; }
    public decimal? Actual { get; private set; }
    public DateOnly? ActualRecordedOn { get; private set; }

    public void Expect(decimal expected) => Expected = OutputIndicator.Count(expected, "Kết quả dự kiến", nameof(Expected));

    /// <summary>The outputs the acceptance found (biên bản nghiệm thu).</summary>
    public void RecordActual(decimal actual, DateOnly acceptanceDate)
    {
        Actual = OutputIndicator.Count(actual, "Kết quả đạt được khi nghiệm thu", nameof(Actual));
        ActualRecordedOn = acceptanceDate;
    }
}

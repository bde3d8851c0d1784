using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Outcomes;

/// <summary>
/// A province-level outcome of a program (chỉ tiêu của chương trình, ADR 0173), such as the number of CNHT enterprises
/// or CNHT's share of industrial output, with its target for the program's last year. Values are recorded per year with
/// their source; two different values of the same year are kept and flagged, never silently replaced.
/// </summary>
public sealed class OutcomeIndicator : AuditableEntity, IConcurrencyStamped
{
    private OutcomeIndicator() { }

    public OutcomeIndicator(int programId, string code, string name, string unit, int sortOrder, decimal? target, int targetYear, bool targetIsIllustrative)
    {
        ProgramId = programId;
        Code = Guard.Required(code, "Mã chỉ tiêu", 20, nameof(Code));
        Name = Guard.Required(name, "Tên chỉ tiêu", 300, nameof(Name));
        Unit = Guard.Required(unit, "Đơn vị tính", 50, nameof(Unit));
        SortOrder = sortOrder;
        TargetYear = targetYear;
        SetTarget(target, targetIsIllustrative);
        ConcurrencyStamp = Guid.NewGuid();
    }

    public int ProgramId { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public int SortOrder { get; private set; }
    public decimal? Target { get; private set; }
    public int TargetYear { get; private set; }
    public bool TargetIsIllustrative { get; private set; }
    public Guid ConcurrencyStamp { get; private set; }

    public void SetTarget(decimal? target, bool illustrative)
    {
        if (target is < 0)
        {
            throw new DomainException("Mục tiêu không được âm.", nameof(Target));
        }

        Target = target;
        TargetIsIllustrative = target is not null && illustrative;
    }

    public void RenewConcurrencyStamp() => ConcurrencyStamp = Guid.NewGuid();
}

/// <summary>One recorded value of an outcome for a year, with where it comes from (Cục Thống kê, a survey, a report…).</summary>
public sealed class OutcomeValue : AuditableEntity
{
    private OutcomeValue() { }

    public OutcomeValue(int outcomeIndicatorId, YearRange allowed, int year, decimal value, string source, string? note)
    {
        if (!allowed.Contains(year))
        {
            throw new DomainException($"Năm phải nằm trong khoảng {allowed}.", nameof(Year));
        }

        if (value < 0 || value > 1_000_000_000_000m)
        {
            throw new DomainException("Giá trị không hợp lệ (không âm).", nameof(Value));
        }

        if (decimal.Round(value, 4) != value)
        {
            throw new DomainException("Giá trị có tối đa 4 chữ số thập phân.", nameof(Value));
        }

        OutcomeIndicatorId = outcomeIndicatorId;
        Year = year;
        Value = value;
        Source = Guard.Required(source, "Nguồn số liệu", 300, nameof(Source));
        Note = Guard.Optional(note, "Ghi chú", 1000, nameof(Note));
    }

    public int OutcomeIndicatorId { get; private set; }
    public int Year { get; private set; }
    public decimal Value { get; private set; }
    public string Source { get; private set; } = "";
    public string? Note { get; private set; }
}

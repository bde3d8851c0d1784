using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Estimates;

public enum EstimateStatus
{
    Draft,
    Submitted,
    Approved,
    /// <summary>An approved version replaced by a later approved revision; kept for history.</summary>
    Superseded,
}

/// <summary>
/// The annual budget estimate (dự toán năm) of a program for one year. Each revision is a new version;
/// approved versions are never edited.
/// </summary>
public sealed class AnnualEstimate : AuditableEntity
{
    private readonly List<AnnualEstimateLine> _lines = [];

    private AnnualEstimate() { }

    public AnnualEstimate(int programId, YearRange programPeriod, int year, int version, string? note)
    {
        if (!programPeriod.Contains(year))
        {
            throw new DomainException($"Năm dự toán phải nằm trong giai đoạn của chương trình ({programPeriod}).", nameof(Year));
        }

        if (version < 1)
        {
            throw new DomainException("Số phiên bản không hợp lệ.", nameof(Version));
        }

        ProgramId = programId;
        Year = year;
        Version = version;
        Note = Guard.Optional(note, "Ghi chú", 2000, nameof(Note));
        Status = EstimateStatus.Draft;
    }

    public int ProgramId { get; private set; }
    public int Year { get; private set; }
    public int Version { get; private set; }
    public EstimateStatus Status { get; private set; }
    public string? Note { get; private set; }
    public string? SubmittedBy { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public string? DecisionNumber { get; private set; }
    public DateOnly? DecisionDate { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTime? ApprovedAt { get; private set; }
    public IReadOnlyCollection<AnnualEstimateLine> Lines => _lines.AsReadOnly();

    public decimal Total => _lines.Sum(l => l.Amount);

    public void SetLine(int contentItemId, decimal amount, string? note)
    {
        EnsureDraft();
        Guard.Amount(amount, "Số dự toán", nameof(AnnualEstimateLine.Amount));
        var line = _lines.FirstOrDefault(l => l.ContentItemId == contentItemId);
        if (line is null)
        {
            _lines.Add(new AnnualEstimateLine(contentItemId, amount, note));
        }
        else
        {
            line.Change(amount, note);
        }
    }

    public void Submit(Actor actor, DateTime utcNow)
    {
        EnsureDraft();
        if (!actor.IsIn(Roles.DoitSpecialist))
        {
            throw new DomainException("Chỉ Chuyên viên Sở được trình dự toán.");
        }

        if (_lines.Count == 0 || Total == 0)
        {
            throw new DomainException("Dự toán chưa có số liệu; hãy nhập ít nhất một dòng trước khi trình.");
        }

        Status = EstimateStatus.Submitted;
        SubmittedBy = actor.UserName;
        SubmittedAt = utcNow;
    }

    public void Approve(Actor actor, DateTime utcNow, string decisionNumber, DateOnly decisionDate)
    {
        if (Status != EstimateStatus.Submitted)
        {
            throw new DomainException("Chỉ phê duyệt dự toán đã được trình.");
        }

        if (!actor.IsIn(Roles.DoitLeader))
        {
            throw new DomainException("Chỉ Lãnh đạo Sở được phê duyệt dự toán.");
        }

        // Every field rule in one pass (ADR 0120): an empty number and a future date are both reported at once.
        var check = new RuleCheck();
        var number = check.Run(() => Guard.Required(decisionNumber, "Số quyết định", 100, nameof(DecisionNumber)), "");
        check.Run(() =>
        {
            if (decisionDate > DateOnly.FromDateTime(utcNow).AddDays(1))
            {
                throw new DomainException("Ngày quyết định không được ở tương lai.", nameof(DecisionDate));
            }
        });
        check.ThrowIfBroken();

        DecisionNumber = number;
        DecisionDate = decisionDate;
        Status = EstimateStatus.Approved;
        ApprovedBy = actor.UserName;
        ApprovedAt = utcNow;
    }

    public void ReturnToDraft(Actor actor)
    {
        if (Status != EstimateStatus.Submitted || !actor.IsIn(Roles.DoitLeader))
        {
            throw new DomainException("Chỉ Lãnh đạo Sở trả lại được dự toán đang trình.");
        }

        Status = EstimateStatus.Draft;
    }

    public void Supersede()
    {
        if (Status != EstimateStatus.Approved)
        {
            throw new DomainException("Chỉ phiên bản đã phê duyệt mới được thay thế.");
        }

        Status = EstimateStatus.Superseded;
    }

    private void EnsureDraft()
    {
        if (Status != EstimateStatus.Draft)
        {
            throw new DomainException("Dự toán đã trình hoặc đã phê duyệt không sửa được; hãy tạo phiên bản điều chỉnh.");
        }
    }

    public static string StatusDisplayName(EstimateStatus status) => status switch
    {
        EstimateStatus.Draft => "Dự thảo",
        EstimateStatus.Submitted => "Đã trình",
        EstimateStatus.Approved => "Đã phê duyệt",
        EstimateStatus.Superseded => "Đã được điều chỉnh",
        _ => status.ToString(),
    };
}

/// <summary>One content item's amount in an annual estimate (management costs are the group-7 item).</summary>
public sealed class AnnualEstimateLine : Entity
{
    private AnnualEstimateLine() { }

    internal AnnualEstimateLine(int contentItemId, decimal amount, string? note)
    {
        ContentItemId = contentItemId;
        Change(amount, note);
    }

    public int AnnualEstimateId { get; private set; }
    public int ContentItemId { get; private set; }
    public decimal Amount { get; private set; }
    public string? Note { get; private set; }

    internal void Change(decimal amount, string? note)
    {
        Amount = Guard.Amount(amount, "Số dự toán", nameof(Amount));
        Note = Guard.Optional(note, "Ghi chú", 500, nameof(Note));
    }
}

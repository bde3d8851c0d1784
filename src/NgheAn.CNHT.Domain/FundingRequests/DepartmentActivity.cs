using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.FundingRequests;

/// <summary>The kinds of activity the department runs itself (ADR 0179).</summary>
public enum DepartmentActivityKind
{
    Management,
    Events,
    Other,
}

public static class DepartmentActivityKinds
{
    public static IReadOnlyList<DepartmentActivityKind> All { get; } = Enum.GetValues<DepartmentActivityKind>();

    public static string DisplayName(this DepartmentActivityKind kind) => kind switch
    {
        DepartmentActivityKind.Management => "Chi phí quản lý chương trình",
        DepartmentActivityKind.Events => "Hội chợ, hội thảo, sự kiện do Sở tổ chức",
        _ => "Hoạt động khác do Sở thực hiện",
    };
}

/// <summary>
/// A department-run line of a year's funding request (ADR 0179): management cost, events and the like, which no
/// application or proposal carries. Entered by DOIT with its amount and its justification; the request's totals and
/// its document include it.
/// </summary>
public sealed class DepartmentActivity : AuditableEntity, IConcurrencyStamped
{
    private DepartmentActivity() { }

    public DepartmentActivity(int programId, YearRange programPeriod, int year, DepartmentActivityKind kind, string? description, decimal amount, string? justification)
    {
        if (!programPeriod.Contains(year))
        {
            throw new DomainException($"Năm {year} nằm ngoài giai đoạn của chương trình ({programPeriod}).", nameof(Year));
        }

        ProgramId = programId;
        Year = year;
        ConcurrencyStamp = Guid.NewGuid();
        Change(kind, description, amount, justification);
    }

    public int ProgramId { get; private set; }
    public int Year { get; private set; }
    public DepartmentActivityKind Kind { get; private set; }
    public string Description { get; private set; } = "";
    public decimal Amount { get; private set; }
    public string Justification { get; private set; } = "";
    public Guid ConcurrencyStamp { get; private set; }

    public void Change(DepartmentActivityKind kind, string? description, decimal amount, string? justification)
    {
        Check(kind, description, amount, justification);
        Kind = kind;
        Description = Guard.Required(description, "Nội dung hoạt động", 500, nameof(Description));
        Amount = amount;
        Justification = Guard.Required(justification, "Thuyết minh, căn cứ", 1000, nameof(Justification));
    }

    /// <summary>Checks every field in one pass (ADR 0120); an amount that could not be read (null) is left to the form.</summary>
    public static void Check(DepartmentActivityKind kind, string? description, decimal? amount, string? justification)
    {
        var check = new RuleCheck();
        check.Run(() =>
        {
            if (!Enum.IsDefined(kind))
            {
                throw new DomainException("Vui lòng chọn loại hoạt động trong danh sách.", nameof(Kind));
            }
        });
        check.Run(() => Guard.Required(description, "Nội dung hoạt động", 500, nameof(Description)));
        if (amount is { } money)
        {
            check.Run(() => Guard.PositiveAmount(money, "Kinh phí đề nghị", nameof(Amount)));
        }

        check.Run(() => Guard.Required(justification, "Thuyết minh, căn cứ", 1000, nameof(Justification)));
        check.ThrowIfBroken();
    }

    public void RenewConcurrencyStamp() => ConcurrencyStamp = Guid.NewGuid();
}

using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.FundingRequests;

/// <summary>
/// The budget the province assigned (dự toán được giao) to one content item for one year (ADR 0174), recorded with its
/// decision once the funding request has been answered. Approvals of proposals starting that year on that item cannot
/// allocate more provincial budget than this.
/// </summary>
public sealed class AssignedBudget : AuditableEntity, IConcurrencyStamped
{
    private AssignedBudget() { }

    public AssignedBudget(int programId, int year, int contentItemId, decimal amount, string decisionReference)
    {
        ProgramId = programId;
        Year = year;
        ContentItemId = contentItemId;
        ConcurrencyStamp = Guid.NewGuid();
        Assign(amount, decisionReference);
    }

    public int ProgramId { get; private set; }
    public int Year { get; private set; }
    public int ContentItemId { get; private set; }
    public decimal Amount { get; private set; }
    public string DecisionReference { get; private set; } = "";
    public Guid ConcurrencyStamp { get; private set; }

    public void Assign(decimal amount, string decisionReference)
    {
        Amount = Guard.Amount(amount, "Dự toán được giao", nameof(Amount));
        DecisionReference = Guard.Required(decisionReference, "Số, ngày quyết định giao dự toán", 200, nameof(DecisionReference));
    }

    /// <summary>Refuses an allocation that would take the item's allocations of the year above the assigned amount.</summary>
    public static void EnsureWithin(string itemCode, int year, decimal assigned, decimal allocatedToOthers, decimal allocation)
    {
        if (allocatedToOthers + allocation > assigned)
        {
            throw new DomainException(
                $"Vượt dự toán được giao của nội dung {itemCode} năm {year}: được giao {VnFormat.Dong(assigned)} đồng, đã phân bổ cho đề án khác "
                + $"{VnFormat.Dong(allocatedToOthers)} đồng, còn {VnFormat.Dong(Math.Max(0, assigned - allocatedToOthers))} đồng; đề án này {VnFormat.Dong(allocation)} đồng.",
                "ProvincialShare");
        }
    }

    public void RenewConcurrencyStamp() => ConcurrencyStamp = Guid.NewGuid();
}

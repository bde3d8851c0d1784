using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Plans;

/// <summary>
/// The yearly plan (kế hoạch năm) of one content item, beside its period plan target (ContentItem.PlanAmount):
/// one amount per year of the program's period, in whole đồng (ADR 0170). The years are not forced to add up to the
/// period plan — an approved plan may be entered year by year — but every screen says by how much they do not.
/// While <see cref="IsIllustrative"/> the amounts (and the item's period plan) are demo values, shown as
/// "giá trị minh họa", until staff enter the approved plan.
/// </summary>
public sealed class ItemPlan : AuditableEntity, IConcurrencyStamped
{
    private readonly List<YearPlanAmount> _years = [];

    private ItemPlan() { }

    public ItemPlan(int contentItemId, bool isIllustrative)
    {
        if (contentItemId <= 0)
        {
            throw new DomainException("Vui lòng chọn nội dung hỗ trợ.", nameof(ContentItemId));
        }

        ContentItemId = contentItemId;
        IsIllustrative = isIllustrative;
        ConcurrencyStamp = Guid.NewGuid();
    }

    public int ContentItemId { get; private set; }
    /// <summary>Demo amounts (giá trị minh họa) until staff save the approved plan.</summary>
    public bool IsIllustrative { get; private set; }
    /// <summary>The decision that approved the yearly plan, as staff write it ("1234/QĐ-UBND ngày 15/6/2026").</summary>
    public string? DecisionReference { get; private set; }
    public Guid ConcurrencyStamp { get; private set; }
    public IReadOnlyCollection<YearPlanAmount> Years => _years.AsReadOnly();

    public decimal YearsTotal => _years.Sum(y => y.Amount);

    public decimal AmountOf(int year) => _years.FirstOrDefault(y => y.Year == year)?.Amount ?? 0m;

    /// <summary>
    /// Sets the amount of each year given (a year left out keeps its amount). Years outside the program's period are
    /// refused. <paramref name="approved"/> = the amounts are the approved plan: the "giá trị minh họa" label goes.
    /// </summary>
    public void SetYears(YearRange period, IReadOnlyDictionary<int, decimal> amounts, bool approved, string? decisionReference)
    {
        foreach (var (year, amount) in amounts.OrderBy(a => a.Key))
        {
            if (!period.Contains(year))
            {
                throw new DomainException($"Năm {year} nằm ngoài giai đoạn của chương trình ({period}).", "Years");
            }

            Guard.Amount(amount, $"Kế hoạch năm {year}", $"Year{year}");
            var line = _years.FirstOrDefault(y => y.Year == year);
            if (line is null)
            {
                _years.Add(new YearPlanAmount(this, year, amount));
            }
            else if (line.Amount != amount)
            {
                line.Change(amount);
            }
        }

        DecisionReference = Guard.Optional(decisionReference, "Số, ngày quyết định phê duyệt kế hoạch", 200, nameof(DecisionReference));
        if (approved)
        {
            IsIllustrative = false;
        }
    }

    /// <summary>How far the years are from the period plan: positive = the years plan more than the period, negative = less.</summary>
    public static decimal Gap(decimal periodPlan, decimal yearsTotal) => yearsTotal - periodPlan;

    /// <summary>The sentence a screen shows under a plan whose years do not add up (null when they do).</summary>
    public static string? GapSentence(decimal periodPlan, decimal yearsTotal)
    {
        var gap = Gap(periodPlan, yearsTotal);
        return gap switch
        {
            0 => null,
            > 0 => $"Tổng kế hoạch các năm vượt kế hoạch giai đoạn {VnFormat.Million(gap)} triệu đồng.",
            _ => $"Tổng kế hoạch các năm còn thiếu {VnFormat.Million(-gap)} triệu đồng so với kế hoạch giai đoạn.",
        };
    }

    public void RenewConcurrencyStamp() => ConcurrencyStamp = Guid.NewGuid();
}

/// <summary>One year's amount of an item's yearly plan (whole đồng).</summary>
public sealed class YearPlanAmount : AuditableEntity
{
    private YearPlanAmount() { }

    internal YearPlanAmount(ItemPlan plan, int year, decimal amount)
    {
        ItemPlan = plan;
        Year = year;
        Amount = amount;
    }

    public int ItemPlanId { get; private set; }
    public ItemPlan ItemPlan { get; private set; } = null!;
    public int Year { get; private set; }
    public decimal Amount { get; private set; }

    internal void Change(decimal amount) => Amount = amount;
}

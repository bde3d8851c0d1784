using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Indicators;

namespace NgheAn.CNHT.Domain.Applications;

/// <summary>One expected-output row as typed: the indicator of the item and the quantity (null = not stated).</summary>
public sealed record ExpectedOutputInput(int IndicatorId, decimal? Quantity);

/// <summary>An output indicator of the call's content item, as the application form offers it.</summary>
public sealed record ItemIndicatorChoice(int Id, string Label, string Unit);

/// <summary>
/// What an online application expects to deliver against one output indicator of its content item (ADR 0178).
/// Intake carries it into the proposal's expected outputs (<see cref="ProposalOutput"/>).
/// </summary>
public sealed class ApplicationOutput
{
    private ApplicationOutput() { }

    internal ApplicationOutput(int outputIndicatorId, decimal expected)
    {
        OutputIndicatorId = outputIndicatorId;
        Expected = expected;
    }

    public int Id { get; private set; }
    public int ApplicationId { get; private set; }
    public int OutputIndicatorId { get; private set; }
    public decimal Expected { get; private set; }

    internal void Change(decimal expected) => Expected = expected;

    /// <summary>
    /// Checks every typed row in one pass (ADR 0120): the indicator must belong to the item, each indicator once, the
    /// quantity a whole number, not negative. Rows without a quantity are "not stated" and dropped.
    /// Errors name the row's field (<c>Outputs[i].Quantity</c>) so the form shows each under its input.
    /// </summary>
    public static IReadOnlyList<(int IndicatorId, decimal Expected)> Check(IReadOnlyList<ExpectedOutputInput> rows, IReadOnlyList<ItemIndicatorChoice> indicators)
    {
        var check = new RuleCheck();
        var result = new List<(int, decimal)>();
        var seen = new HashSet<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Quantity is not { } quantity)
            {
                continue;
            }

            var field = $"Outputs[{i}].Quantity";
            var indicator = indicators.FirstOrDefault(x => x.Id == row.IndicatorId);
            if (indicator is null)
            {
                check.Add(new DomainException($"Dòng kết quả dự kiến {i + 1}: chỉ tiêu không thuộc nội dung hỗ trợ của hồ sơ; vui lòng tải lại trang.", field));
                continue;
            }

            if (!seen.Add(indicator.Id))
            {
                check.Add(new DomainException($"Chỉ tiêu «{indicator.Label}» được nhập hai lần; mỗi chỉ tiêu chỉ nhập một số lượng.", field));
                continue;
            }

            if (check.Run(() => OutputIndicator.Count(quantity, $"Kết quả dự kiến «{indicator.Label}» ({indicator.Unit})", field), -1m) >= 0)
            {
                result.Add((indicator.Id, quantity));
            }
        }

        check.ThrowIfBroken();
        return result;
    }
}

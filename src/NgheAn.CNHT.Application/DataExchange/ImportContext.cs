using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Application.DataExchange;

/// <summary>
/// What every part of one import needs to know: the target program (id, code, period and item codes), the comment
/// each lifecycle step carries (naming the real person and the file), the moment and the person importing.
/// </summary>
internal sealed record ImportContext(int ProgramId, string ProgramCode, YearRange Period, Dictionary<string, int> Items, string Comment, DateTime UtcNow, Actor Importer)
{
    /// <summary>Dates are accepted from a year before the program's period to a year after it.</summary>
    public DateOnly EarliestDate => new(Period.From - 1, 1, 1);

    public DateOnly LatestDate => new(Period.To + 1, 12, 31);

    public bool IsOutside(DateOnly date) => date < EarliestDate || date > LatestDate;

    public string OutsideProgram(DateOnly d) =>
        $"Ngày {VnFormat.Date(d)} nằm ngoài thời gian của chương trình {ProgramCode} (chấp nhận từ {VnFormat.Date(EarliestDate)} đến {VnFormat.Date(LatestDate)}).";
}

namespace NgheAn.CNHT.Domain.Common;

/// <summary>An inclusive range of calendar years, such as a program period 2018-2025.</summary>
public readonly record struct YearRange
{
    public YearRange(int from, int to)
    {
        if (from < 2000 || to > 2100)
        {
            throw new DomainException("Năm phải nằm trong khoảng 2000-2100.");
        }

        if (from > to)
        {
            throw new DomainException($"Năm bắt đầu ({from}) không được sau năm kết thúc ({to}).");
        }

        From = from;
        To = to;
    }

    public int From { get; }
    public int To { get; }

    public bool Contains(int year) => year >= From && year <= To;

    public bool Contains(YearRange other) => other.From >= From && other.To <= To;

    public override string ToString() => From == To ? From.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{From}-{To}";
}

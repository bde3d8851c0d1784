using System.Globalization;

namespace NgheAn.CNHT.Application.Proposals;

/// <summary>
/// Every proposal's title in the register's Vietnamese order (ADR 0238), kept per process: each title's ICU sort key
/// (vi-VN, case ignored: the order of the <c>Vietnamese_CI_AS</c> collation the SQL sort uses). Built off the request
/// (every title read and keyed, ~0,5 s at 100.000 proposals), so a page of the register sorted by title is never a sort of
/// the whole filtered set through the collation callback (133-269 ms at national size).
/// </summary>
public sealed class KeptTitleOrder : KeptTextOrder
{
    private static readonly CompareInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

    /// <summary>First visits sorted by title answered by walking the order (tests).</summary>
    public int Walks => Volatile.Read(ref _walks);

    private int _walks;

    public void CountWalk() => Interlocked.Increment(ref _walks);

    /// <summary>The key a title sorts by, as the collation compares it.</summary>
    protected override byte[] KeyOf(string value) => Vietnamese.GetSortKey(value, CompareOptions.IgnoreCase).KeyData;
}

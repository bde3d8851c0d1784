using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Web.Rendering;

namespace NgheAn.CNHT.Benchmarks;

/// <summary>
/// The register body's key (ADR 0244 addenda): a SHA-256 of a page's 50 rows and totals as the records print them. The
/// baseline is the first version, which wrote the whole text out before hashing it; <see cref="ContentKey.Of"/> hashes it
/// value by value through a 16 KB buffer. Rows shaped like the register's (Vietnamese titles and names, both amounts).
/// </summary>
[MemoryDiagnoser]
[InProcess]
[WarmupCount(3)]
[IterationCount(10)]
public class ContentKeyBenchmarks
{
    private List<object> _page = null!;

    [GlobalSetup]
    public void Setup()
    {
        _page = Enumerable.Range(1, 50).Select(i => (object)new ProposalRow(
                i, $"CNHT-2024-{i:D5}", $"Đề án hỗ trợ doanh nghiệp công nghiệp hỗ trợ đào tạo nguồn nhân lực, đổi mới công nghệ số {i} (giá trị minh họa)",
                "2018-2025", 3, "3.2", "Hỗ trợ đào tạo, nâng cao chất lượng nguồn nhân lực", 100 + i, $"Công ty TNHH Cơ khí chính xác Hồng Lam số {i} (mẫu)",
                2024, 2025, 1_250_000_000m + i, 375_000_000m + i, ProposalStatus.Implementing, new DateTime(2026, 1, 5, 8, 30, 0, DateTimeKind.Utc), true))
            .Append(new RegisterPage([], 12_509, 27_247_993_000m, 5_500_342_000m, 1, 50))
            .ToList();
        if (WholeText() != ContentKey.Of(_page))
        {
            throw new InvalidOperationException("the two keys differ");
        }
    }

    [Benchmark(Baseline = true)]
    public string WholeText()
    {
        var text = new StringBuilder();
        foreach (var value in _page)
        {
            text.Append(CultureInfo.InvariantCulture, $"{value}").Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    [Benchmark]
    public string ValueByValue() => ContentKey.Of(_page);
}

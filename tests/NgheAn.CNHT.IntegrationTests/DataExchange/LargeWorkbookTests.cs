using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.IntegrationTests.Support;
using Xunit.Abstractions;

namespace NgheAn.CNHT.IntegrationTests.DataExchange;

/// <summary>A 5.000-row workbook imports in chunks inside one transaction, reporting progress as it goes.</summary>
public sealed class LargeWorkbookTests(ITestOutputHelper output) : IDisposable
{
    private readonly EmptyPortal _portal = new();

    public static byte[] FiveThousandRows(CnhtFactory portal) => Rows(portal, 5_000);

    /// <summary>
    /// <paramref name="count"/> proposals (codes LS-year-0000…), one advance each (vouchers PC-0…, 50.000.000 đồng but
    /// <paramref name="odd"/>'s), over 400 lead units; the ledger in the proposals' order, or backwards.
    /// </summary>
    public static byte[] Rows(CnhtFactory portal, int count, (int Index, decimal Advance)? odd = null, bool ledgerBackwards = false) => portal.Scoped(sp =>
    {
        string[] items = ["1.1", "1.4", "2.2", "3.1", "3.3", "3.4", "6.1", "6.4"];
        var proposals = new List<ProposalLine>();
        var ledger = new List<LedgerLine>();
        for (var i = 0; i < count; i++)
        {
            var year = 2018 + (i % 8);
            var code = $"LS-{year}-{i:0000}";
            var tax = DemoDataSeeder.WithCheckDigit((290_100_000 + (i % 400) * 17).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var decided = new DateOnly(year, 3, 1 + (i % 28));
            proposals.Add(new ProposalLine(code, $"Đề án lịch sử số {i}", items[i % items.Length], $"Công ty số {i % 400}", tax, year, year,
                200_000_000m + i * 1_000m, 100_000_000m, i % 2 == 0 ? ProposalStatus.Approved : ProposalStatus.Implementing,
                $"{i}/QĐ-SCT", decided, null, null, null, null, null));
            ledger.Add(new LedgerLine(code, decided.AddDays(10), $"PC-{i}", FundingSource.ProvincialBudget, DisbursementKind.Advance,
                odd is { } o && o.Index == i ? o.Advance : 50_000_000m, null, null));
        }

        if (ledgerBackwards)
        {
            ledger.Reverse();
        }

        var model = new ProgramWorkbook("2018-2025", "Chương trình", 2018, 2025, null, [], [], proposals, ledger, IsTemplate: false);
        using var ms = new MemoryStream();
        sp.GetRequiredService<IWorkbookWriter>().Write(model, ms);
        return ms.ToArray();
    });

    [Fact]
    public async Task A_five_thousand_row_workbook_imports_with_progress_and_every_row_saved()
    {
        var bytes = FiveThousandRows(_portal);
        var progress = new List<ImportProgress>();
        var clock = Stopwatch.StartNew();

        var outcome = await _portal.ScopedAsync(async sp =>
        {
            using var stream = new MemoryStream(bytes);
            return await sp.GetRequiredService<ImportService>().RunAsync(stream, new ImportRequest("lich-su.xlsx", null, false), p =>
            {
                progress.Add(p);
                return Task.CompletedTask;
            });
        });
        output.WriteLine($"{bytes.Length:N0} bytes imported in {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.True(outcome.Saved, string.Join("\n", outcome.Problems.Take(10)));
        Assert.Equal((5_000, 5_000, 400), await _portal.CountsAsync());
        Assert.Equal(ImportService.MaxPreviewRows, outcome.Preview.Count);
        var saving = progress.Where(p => p.Phase == ImportService.PhaseSave).ToList();
        Assert.True(saving.Count >= 10, $"{saving.Count} progress reports while saving");
        Assert.Equal(saving.Select(p => p.Done).Order(), saving.Select(p => p.Done));
        Assert.Equal(100, saving[^1].Percent);
        Assert.Contains(progress, p => p.Phase == ImportService.PhaseCheck && p.Done is > 0 and < 5_000);
    }

    public void Dispose() => _portal.Dispose();
}

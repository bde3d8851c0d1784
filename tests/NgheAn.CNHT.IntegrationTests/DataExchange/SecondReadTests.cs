using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.DataExchange;

/// <summary>
/// The import checks the whole file in a lean first read and saves on a second read of it (ADR 0201): every row is
/// checked before the first is saved, the save writes only what the check saw, and a ledger in any order is saved whole.
/// </summary>
public sealed class SecondReadTests : IDisposable
{
    private readonly EmptyPortal _portal = new();
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cnht-second-read-{Guid.NewGuid():N}.xlsx");

    private Task<ImportOutcome> ImportFileAsync(Func<ImportProgress, Task>? progress = null) => _portal.ScopedAsync(async sp =>
    {
        // A file on disk is read from disk at each read (as the command line reads it), so it can change between the reads.
        await using var file = File.OpenRead(_path);
        return await sp.GetRequiredService<ImportService>().RunAsync(file, new ImportRequest("lich-su.xlsx", null, false), progress);
    });

    private Task<List<string>> LedgerAsync() => _portal.ScopedAsync(async sp => (await sp.GetRequiredService<AppDbContext>().DisbursementEntries
            .Select(e => new { e.Proposal.Code, e.VoucherNumber, e.Amount }).ToListAsync())
        .Select(e => $"{e.Code}|{e.VoucherNumber}|{e.Amount:0}").ToList());

    [Fact]
    public async Task A_file_changed_between_the_check_and_the_save_is_refused_with_nothing_saved()
    {
        await File.WriteAllBytesAsync(_path, LargeWorkbookTests.Rows(_portal, 300));
        // The same rows but the last proposal's advance, itself within the rules: only the comparison with the check finds it.
        var changed = LargeWorkbookTests.Rows(_portal, 300, odd: (299, 40_000_000m));
        var before = await _portal.CountsAsync();
        var swapped = false;

        var outcome = await ImportFileAsync(p =>
        {
            if (p.Phase == ImportService.PhaseSave && !swapped)
            {
                var next = _path + ".next";
                File.WriteAllBytes(next, changed);
                File.Move(next, _path, overwrite: true);
                swapped = true;
            }

            return Task.CompletedTask;
        });

        Assert.True(swapped);
        Assert.False(outcome.Saved);
        Assert.Contains(outcome.Problems, p => p.IsError
            && p.Message == "Không lưu được, không dòng nào được ghi: tệp đã thay đổi giữa lúc kiểm tra và lúc ghi; hãy kiểm tra lại tệp rồi nhập lại.");
        Assert.Equal(before, await _portal.CountsAsync());

        // The file as it now is: checked again, and saved whole with the changed amount.
        var again = await ImportFileAsync();
        Assert.True(again.Saved, string.Join("\n", again.Problems.Take(10)));
        Assert.Equal(300, (await _portal.CountsAsync()).Proposals);
        Assert.Contains("LS-2021-0299|PC-299|40000000", await LedgerAsync());
    }

    [Fact]
    public async Task Every_row_is_checked_before_the_first_is_saved()
    {
        // The last proposal's advance is above its provincial share (100.000.000 đồng): refused by the ledger's rules.
        await File.WriteAllBytesAsync(_path, LargeWorkbookTests.Rows(_portal, 300, odd: (299, 900_000_000m)));
        var before = await _portal.CountsAsync();
        var phases = new List<string>();

        var outcome = await ImportFileAsync(p =>
        {
            phases.Add(p.Phase);
            return Task.CompletedTask;
        });

        Assert.False(outcome.Saved);
        var error = Assert.Single(outcome.Problems, p => p.IsError);
        Assert.Equal((WorkbookLayout.LedgerSheetName, WorkbookLayout.Ledger["Amount"].Header), (error.Sheet, error.ColumnHeader));
        Assert.DoesNotContain(ImportService.PhaseSave, phases);
        Assert.Equal(before, await _portal.CountsAsync());
    }

    [Fact]
    public async Task A_ledger_in_another_order_than_the_proposals_is_saved_whole_with_each_proposal()
    {
        await File.WriteAllBytesAsync(_path, LargeWorkbookTests.Rows(_portal, 300, ledgerBackwards: true));

        var outcome = await ImportFileAsync();

        Assert.True(outcome.Saved, string.Join("\n", outcome.Problems.Take(10)));
        Assert.Equal((300, 300), (outcome.Summary.NewProposals, outcome.Summary.NewLedgerEntries));
        var expected = Enumerable.Range(0, 300).Select(i => $"LS-{2018 + (i % 8)}-{i:0000}|PC-{i}|50000000").Order(StringComparer.Ordinal);
        Assert.Equal(expected, (await LedgerAsync()).Order(StringComparer.Ordinal));
    }

    public void Dispose()
    {
        _portal.Dispose();
        File.Delete(_path);
    }
}

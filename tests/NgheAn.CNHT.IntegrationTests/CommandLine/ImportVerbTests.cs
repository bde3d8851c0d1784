using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.IntegrationTests.DataExchange;
using NgheAn.CNHT.IntegrationTests.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.CommandLine;

/// <summary>
/// import FILE.xlsx [--program CODE] [--dry-run] and export, as real processes on a real SQLite file. Each starts from
/// this test process's migrated database (<see cref="CnhtFactory.CopyTemplate"/>), as a first start leaves it: what is
/// proved is the import, not the migrations each run would otherwise apply first (VerbTests and MigrationsTests do).
/// </summary>
public sealed class ImportVerbTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), "cnht-tests", $"cli-import-{Guid.NewGuid():N}.db");
    private readonly string _file = Path.Combine(Path.GetTempPath(), "cnht-tests", $"cli-import-{Guid.NewGuid():N}.xlsx");

    private async Task<int> ProposalCountAsync()
    {
        await using var db = MigrationsTests.SqliteContext($"Data Source={_db}");
        return await db.Proposals.CountAsync();
    }

    [Fact]
    public async Task A_dry_run_checks_the_file_reports_what_it_would_import_and_saves_nothing()
    {
        await File.WriteAllBytesAsync(_file, WorkbookImportTests.History().ToBytes());
        CnhtFactory.CopyTemplate(_db, seedDemoData: false);

        var result = await PortalProcess.RunAsync(_db, "Production", "import", _file, "--dry-run");

        Assert.True(result.ExitCode == 0, result.StdErr + result.StdOut);
        Assert.Contains("chạy thử, chưa ghi", result.StdOut);
        Assert.Contains("4 đề án mới", result.StdOut);
        Assert.Equal(0, await ProposalCountAsync());
    }

    [Fact]
    public async Task Import_saves_the_file_and_a_second_import_changes_nothing()
    {
        await File.WriteAllBytesAsync(_file, WorkbookImportTests.History().ToBytes());
        CnhtFactory.CopyTemplate(_db, seedDemoData: false);

        var first = await PortalProcess.RunAsync(_db, "Production", "import", _file, "--program", "2018-2025");
        Assert.True(first.ExitCode == 0, first.StdErr + first.StdOut);
        Assert.Contains("Đã nhập vào chương trình 2018-2025: 4 đề án mới, 4 bút toán giải ngân, 3 đơn vị chủ trì mới", first.StdOut);

        var again = await PortalProcess.RunAsync(_db, "Production", "import", _file);
        Assert.True(again.ExitCode == 0, again.StdOut + again.StdErr);
        Assert.Contains("Không có dữ liệu mới để nhập", again.StdOut);
        Assert.Equal(4, await ProposalCountAsync());
    }

    [Fact]
    public async Task A_file_with_errors_exits_non_zero_listing_each_error_by_row_and_column_and_saves_nothing()
    {
        var wb = WorkbookImportTests.History();
        wb.Proposal("E-01", "Nội dung không có, chữ trong ô số", "9.9", "Báo Nghệ An", null, 2022, 2022, "một trăm", 50_000_000, "Dự thảo");
        await File.WriteAllBytesAsync(_file, wb.ToBytes());
        CnhtFactory.CopyTemplate(_db, seedDemoData: false);

        var result = await PortalProcess.RunAsync(_db, "Production", "import", _file);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Lỗi: Sheet DeAn, dòng 6, cột C (Mã nội dung): Mã nội dung 9.9 không có trong danh mục", result.StdErr);
        Assert.Contains("Lỗi: Sheet DeAn, dòng 6, cột H (Tổng kinh phí (đồng)): \"một trăm\" không phải số tiền hợp lệ", result.StdErr);
        Assert.Contains("không dòng nào được ghi", result.StdErr);
        Assert.Equal(0, await ProposalCountAsync());
    }

    [Fact]
    public async Task Export_writes_the_program_and_import_of_a_missing_file_fails_in_one_line()
    {
        // The sample table as a start with demo data leaves it (the seed-demo verb has tests of its own, VerbTests).
        CnhtFactory.CopyTemplate(_db, seedDemoData: true);
        var export = await PortalProcess.RunAsync(_db, "Production", "export", "--program", "2018-2025", "--out", _file);
        Assert.True(export.ExitCode == 0, export.StdErr);
        Assert.Contains("23 đề án", export.StdOut);
        Assert.True(new FileInfo(_file).Length > 10_000);

        var missing = await PortalProcess.RunAsync(_db, "Production", "import", _file + ".khong-co");
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Single(missing.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _db, _db + "-wal", _db + "-shm", _file })
        {
            File.Delete(path);
        }
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.IntegrationTests.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.CommandLine;

/// <summary>The command-line verbs of the Web executable, run as real processes on a real SQLite file.</summary>
public sealed class VerbTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), "cnht-tests", $"cli-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Seed_demo_then_report_appendix_gives_the_reports_figures_and_a_second_seed_changes_nothing()
    {
        var seed = await PortalProcess.RunAsync(_db, "Production", "seed-demo");
        Assert.True(seed.ExitCode == 0, seed.StdErr + seed.StdOut);
        Assert.Contains("Đã nạp dữ liệu mẫu (23 đề án).", seed.StdOut);

        var again = await PortalProcess.RunAsync(_db, "Production", "seed-demo");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("không thay đổi", again.StdOut);

        var output = Path.ChangeExtension(_db, ".json");
        var report = await PortalProcess.RunAsync(_db, "Production", "report", "appendix", "--program", "2018-2025", "--format", "json", "--out", output);
        Assert.True(report.ExitCode == 0, report.StdErr);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        var total = json.RootElement.GetProperty("total");
        Assert.Equal(23, total.GetProperty("proposalCount").GetInt32());
        Assert.Equal(27_247_993_000L, total.GetProperty("totalCost").GetInt64());
        Assert.Equal(5_500_342_000L, total.GetProperty("provincialShare").GetInt64());
        var percents = json.RootElement.GetProperty("groups").EnumerateArray()
            .ToDictionary(g => g.GetProperty("code").GetString()!, g => g.GetProperty("figures").GetProperty("percentOfPlan"));
        Assert.Equal(5.34m, percents["1"].GetDecimal());
        Assert.Equal(10.77m, percents["2"].GetDecimal());
        Assert.Equal(4.23m, percents["6"].GetDecimal());
        Assert.Equal(JsonValueKind.Null, percents["7"].ValueKind);

        // Outside Development the demo accounts (published passwords) are never created.
        await using var db = MigrationsTests.SqliteContext($"Data Source={_db}");
        Assert.Equal(0, await db.Users.CountAsync());
        File.Delete(output);
    }

    [Fact]
    public async Task Release_images_lets_go_of_the_bytes_of_images_retired_long_ago_and_keeps_their_rows()
    {
        Assert.Equal(0, (await PortalProcess.RunAsync(_db, "Production", "seed-demo")).ExitCode);

        // Nothing retired yet: nothing changes.
        var nothing = await PortalProcess.RunAsync(_db, "Production", "release-images");
        Assert.True(nothing.ExitCode == 0, nothing.StdErr + nothing.StdOut);
        Assert.Contains("Không có ảnh danh bạ nào thôi sử dụng quá 90 ngày; không thay đổi gì.", nothing.StdOut);

        // Two images of a directory profile: one retired 100 days ago, one 10 days ago (within the retention period).
        await using (var db = MigrationsTests.SqliteContext($"Data Source={_db}"))
        {
            var profile = await db.Database.SqlQueryRaw<int>("SELECT MIN(\"Id\") AS \"Value\" FROM \"SupplierProfiles\"").SingleAsync();
            foreach (var (id, days) in new[] { ("11111111-1111-1111-1111-111111111111", 100), ("22222222-2222-2222-2222-222222222222", 10) })
            {
                var retired = DateTime.UtcNow.AddDays(-days).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO \"SupplierImages\" (\"Id\", \"SupplierProfileId\", \"Kind\", \"ContentType\", \"Size\", \"Sha256\", \"Data\", \"UploadedBy\", \"UploadedAt\", \"RetiredAt\", \"RetiredReason\") " +
                    "VALUES ({0}, {1}, 'Photo', 'image/png', 3, 'abc', X'010203', 'dn@cnht.demo', {2}, {2}, 'ReplacedByApprovedChange')",
                    id.ToUpperInvariant(), profile, retired);
            }
        }

        var released = await PortalProcess.RunAsync(_db, "Production", "release-images");
        Assert.True(released.ExitCode == 0, released.StdErr + released.StdOut);
        Assert.Contains("Đã giải phóng nội dung 1 ảnh danh bạ thôi sử dụng quá 90 ngày", released.StdOut);

        await using (var db = MigrationsTests.SqliteContext($"Data Source={_db}"))
        {
            var images = await db.SupplierImages.AsNoTracking().Where(i => i.RetiredAt != null).OrderBy(i => i.RetiredAt).ToListAsync();
            Assert.Equal(2, images.Count);
            Assert.NotNull(images[0].ReleasedAt);
            Assert.Empty(images[0].Data);
            Assert.Equal("ReplacedByApprovedChange", images[0].RetiredReason);
            Assert.Null(images[1].ReleasedAt);
            Assert.Equal([1, 2, 3], images[1].Data);
        }

        // A second run finds nothing more to release.
        var again = await PortalProcess.RunAsync(_db, "Production", "release-images");
        Assert.Contains("không thay đổi gì", again.StdOut);
    }

    [Fact]
    public async Task Report_for_a_year_range_filters_by_start_year()
    {
        // The sample table as a start with demo data leaves it (seed-demo itself is the first test's).
        CnhtFactory.CopyTemplate(_db, seedDemoData: true);
        var output = Path.ChangeExtension(_db, ".2025.json");
        var report = await PortalProcess.RunAsync(_db, "Production", "report", "appendix", "--program", "2018-2025", "--year", "2025", "--format", "json", "--out", output);
        Assert.Equal(0, report.ExitCode);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        Assert.Equal(1, json.RootElement.GetProperty("total").GetProperty("proposalCount").GetInt32());
        Assert.Equal(2025, json.RootElement.GetProperty("fromYear").GetInt32());
        File.Delete(output);
    }

    [Theory]
    [InlineData("Thiếu tham số --out", "report", "appendix", "--program", "2018-2025", "--format", "json")]
    [InlineData("Không có chương trình mã 1999-2000", "report", "appendix", "--program", "1999-2000", "--format", "json", "--out", "x.json")]
    [InlineData("Định dạng không hợp lệ", "report", "appendix", "--program", "2018-2025", "--format", "doc", "--out", "x.doc")]
    [InlineData("nằm ngoài giai đoạn", "report", "appendix", "--program", "2018-2025", "--from", "2010", "--to", "2012", "--format", "json", "--out", "x.json")]
    [InlineData("Thiếu mật khẩu: đặt biến môi trường CNHT_ADMIN_PASSWORD", "create-admin", "--email", "a@b.vn")]
    [InlineData("Không nhận mật khẩu qua tham số --password", "create-admin", "--email", "a@b.vn", "--password", "Quan-tri@2026")]
    [InlineData("không dùng trên môi trường Production; thêm --force", "seed-scale", "--proposals", "10")]
    public async Task Bad_arguments_fail_with_one_vietnamese_line_and_a_non_zero_code(string expected, params string[] args)
    {
        // A migrated database (migrate itself is tested below), so the verb's own check is what answers.
        CnhtFactory.CopyTemplate(_db, seedDemoData: false);
        var result = await PortalProcess.RunAsync(_db, "Production", args);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.StdErr);
        Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Create_admin_reads_the_password_from_standard_input_refusing_a_weak_one()
    {
        CnhtFactory.CopyTemplate(_db, seedDemoData: false);
        var weak = await PortalProcess.RunWithInputAsync(_db, "Production", "123\n", "create-admin", "--email", "quantri@sct.nghean.gov.vn");
        Assert.NotEqual(0, weak.ExitCode);
        Assert.Contains("Mật khẩu phải có ít nhất", weak.StdErr);

        var ok = await PortalProcess.RunWithInputAsync(_db, "Production", "Quan-tri@2026\n", "create-admin", "--email", "quantri@sct.nghean.gov.vn");
        Assert.True(ok.ExitCode == 0, ok.StdErr);
        Assert.DoesNotContain("Quan-tri@2026", ok.StdOut + ok.StdErr);
        await using var db = MigrationsTests.SqliteContext($"Data Source={_db}");
        var user = await db.Users.SingleAsync();
        Assert.Equal("quantri@sct.nghean.gov.vn", user.Email);
        var roleIds = await db.UserRoles.Where(r => r.UserId == user.Id).Select(r => r.RoleId).ToListAsync();
        Assert.Contains("Admin", await db.Roles.Where(r => roleIds.Contains(r.Id)).Select(r => r.Name).ToListAsync());

        var duplicate = await PortalProcess.RunWithInputAsync(_db, "Production", "Quan-tri@2026\n", "create-admin", "--email", "quantri@sct.nghean.gov.vn");
        Assert.NotEqual(0, duplicate.ExitCode);
    }

    [Fact]
    public async Task Create_admin_reads_the_password_from_the_environment()
    {
        CnhtFactory.CopyTemplate(_db, seedDemoData: false);
        var ok = await PortalProcess.RunWithEnvironmentAsync(_db, "Production",
            new Dictionary<string, string?> { ["CNHT_ADMIN_PASSWORD"] = "Quan-tri@2026" }, "create-admin", "--email", "moi@sct.nghean.gov.vn");
        Assert.True(ok.ExitCode == 0, ok.StdErr);
        Assert.Contains("Đã tạo tài khoản quản trị moi@sct.nghean.gov.vn.", ok.StdOut);
        await using var db = MigrationsTests.SqliteContext($"Data Source={_db}");
        Assert.Equal("moi@sct.nghean.gov.vn", await db.Users.Select(u => u.Email).SingleAsync());
    }

    [Fact]
    public async Task Outside_development_the_log_names_the_database_in_use()
    {
        // Named at every start, whatever the verb does next: a migrated file spares the run its migrations.
        CnhtFactory.CopyTemplate(_db, seedDemoData: false);
        var result = await PortalProcess.RunAsync(_db, "Production", "migrate");
        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Contains($"Database: Sqlite, file {_db}", result.StdOut);
    }

    [Fact]
    public async Task An_unexpected_failure_is_logged_whole_and_told_in_one_line()
    {
        var result = await PortalProcess.RunWithEnvironmentAsync(_db, "Production",
            new Dictionary<string, string?> { ["Database__Provider"] = "SqlServer", ["ConnectionStrings__Cnht"] = "" }, "migrate");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal("Lỗi: Database:Provider là SqlServer nhưng chưa cấu hình ConnectionStrings:Cnht.", result.StdErr.Trim());
        Assert.Contains("Command migrate failed", result.StdOut);
        Assert.Contains("System.InvalidOperationException", result.StdOut);
        Assert.Contains(" at ", result.StdOut);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_db + suffix);
        }
    }
}

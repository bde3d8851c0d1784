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
        Assert.Contains("Đã nạp dữ liệu mẫu", seed.StdOut);

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
    public async Task Report_for_a_year_range_filters_by_start_year()
    {
        Assert.Equal(0, (await PortalProcess.RunAsync(_db, "Production", "seed-demo")).ExitCode);
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
    [InlineData("Thiếu tham số --password", "create-admin", "--email", "a@b.vn")]
    public async Task Bad_arguments_fail_with_one_vietnamese_line_and_a_non_zero_code(string expected, params string[] args)
    {
        Assert.Equal(0, (await PortalProcess.RunAsync(_db, "Production", "migrate")).ExitCode);
        var result = await PortalProcess.RunAsync(_db, "Production", args);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.StdErr);
        Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Create_admin_refuses_a_weak_password_and_accepts_a_strong_one()
    {
        var weak = await PortalProcess.RunAsync(_db, "Production", "create-admin", "--email", "quantri@sct.nghean.gov.vn", "--password", "123");
        Assert.NotEqual(0, weak.ExitCode);
        Assert.Contains("Mật khẩu phải có ít nhất", weak.StdErr);

        var ok = await PortalProcess.RunAsync(_db, "Production", "create-admin", "--email", "quantri@sct.nghean.gov.vn", "--password", "Quan-tri@2026");
        Assert.True(ok.ExitCode == 0, ok.StdErr);
        await using var db = MigrationsTests.SqliteContext($"Data Source={_db}");
        var user = await db.Users.SingleAsync();
        Assert.Equal("quantri@sct.nghean.gov.vn", user.Email);
        var roleIds = await db.UserRoles.Where(r => r.UserId == user.Id).Select(r => r.RoleId).ToListAsync();
        Assert.Contains("Admin", await db.Roles.Where(r => roleIds.Contains(r.Id)).Select(r => r.Name).ToListAsync());

        var duplicate = await PortalProcess.RunAsync(_db, "Production", "create-admin", "--email", "quantri@sct.nghean.gov.vn", "--password", "Quan-tri@2026");
        Assert.NotEqual(0, duplicate.ExitCode);
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

using Microsoft.AspNetCore.Identity;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Seeding;

namespace NgheAn.CNHT.Web.CommandLine;

/// <summary>
/// The Web executable's command-line verbs (design.md, "Contracts"). Each prints what it did, or one
/// line saying why it failed, and returns 0 on success, non-zero on failure.
/// </summary>
public static class Verbs
{
    private static readonly string[] Names = ["migrate", "seed-demo", "seed-scale", "create-admin", "report", "backup", "import", "export"];

    private static readonly string[] Switches = ["--dry-run", "--template", "--force", "--flag-rule-violations"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Names.Contains(args[0]);

    /// <summary>
    /// The arguments the host's configuration sees: without the verb, its positional argument (a file such as
    /// /srv/du-lieu.xlsx would otherwise read as a "/key value" switch and swallow the next argument) and its
    /// value-less switches. Configuration overrides (--contentRoot, --Database:Provider X) pass through.
    /// </summary>
    public static string[] HostArgs(string[] args)
    {
        if (!IsVerb(args))
        {
            return args;
        }

        var rest = args.Skip(1).ToList();
        if (rest.Count > 0 && !rest[0].StartsWith("--", StringComparison.Ordinal))
        {
            rest.RemoveAt(0);
        }

        return rest.Where(a => !Switches.Contains(a, StringComparer.OrdinalIgnoreCase)).ToArray();
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Verbs));
        try
        {
            using var scope = app.Services.CreateScope();
            var sp = scope.ServiceProvider;
            var options = ParseOptions(args.Skip(1).ToArray());
            switch (args[0])
            {
                case "migrate":
                    await sp.GetRequiredService<DatabaseInitializer>().MigrateAsync();
                    await sp.GetRequiredService<UserSeeder>().EnsureRolesAsync();
                    Console.WriteLine("Đã cập nhật cơ sở dữ liệu lên phiên bản mới nhất.");
                    return 0;

                case "seed-demo":
                    await sp.GetRequiredService<DatabaseInitializer>().MigrateAsync();
                    var added = await sp.GetRequiredService<DemoDataSeeder>().SeedAsync();
                    var directory = await sp.GetRequiredService<NgheAn.CNHT.Infrastructure.Suppliers.DirectoryDemoSeeder>().SeedAsync();
                    if (app.Environment.IsDevelopment())
                    {
                        await sp.GetRequiredService<UserSeeder>().EnsureDemoUsersAsync();
                    }

                    Console.WriteLine(added ? $"Đã nạp dữ liệu mẫu ({DemoDataSeeder.Proposals.Count} đề án)." : "Dữ liệu mẫu đã có sẵn; không thay đổi gì.");
                    if (directory)
                    {
                        Console.WriteLine($"Đã nạp danh bạ doanh nghiệp CNHT mẫu ({NgheAn.CNHT.Infrastructure.Suppliers.DirectoryDemoSeeder.Count} doanh nghiệp hư cấu).");
                    }
                    return 0;

                case "create-admin":
                    var email = Require(options, "email");
                    var password = AdminPassword.Read(options);
                    await sp.GetRequiredService<DatabaseInitializer>().MigrateAsync();
                    await sp.GetRequiredService<UserSeeder>().CreateAdminAsync(email, password);
                    Console.WriteLine($"Đã tạo tài khoản quản trị {email}.");
                    return 0;

                case "report":
                    return await ReportAsync(sp, args, options);

                case "backup":
                    return await BackupAsync(sp.GetRequiredService<DatabaseBackup>(), options);

                case "seed-scale":
                    if (app.Environment.IsProduction() && !options.ContainsKey("force"))
                    {
                        return Fail("seed-scale ghi hàng loạt đề án tổng hợp (mã TH-…), không dùng trên môi trường Production; thêm --force nếu thật sự muốn.");
                    }

                    await sp.GetRequiredService<DatabaseInitializer>().MigrateAsync();
                    var proposals = options.TryGetValue("proposals", out var p) && int.TryParse(p, out var pn) ? pn : throw new UsageException("Thiếu tham số --proposals (số đề án, ví dụ 100000).");
                    var entries = options.TryGetValue("entries", out var e) && int.TryParse(e, out var en) ? en : proposals * 10;
                    var scale = await sp.GetRequiredService<ScaleDataSeeder>().SeedAsync(proposals, entries);
                    Console.WriteLine($"Đã tạo dữ liệu tổng hợp: {scale.Organizations:N0} đơn vị, {scale.Proposals:N0} đề án, {scale.Transitions:N0} bước xử lý, {scale.Entries:N0} bút toán trong {scale.Elapsed.TotalSeconds:N1} giây.");
                    return 0;

                case "import":
                    return await ImportAsync(sp, args, options);

                case "export":
                    return await ExportAsync(sp, options);

                default:
                    return Fail($"Lệnh không hợp lệ: {args[0]}.");
            }
        }
        catch (UsageException ex)
        {
            return Fail(ex.Message);
        }
        catch (DomainException ex)
        {
            return Fail(ex.Message);
        }
        catch (NotFoundException ex)
        {
            return Fail(ex.Message);
        }
        // Not the user's mistake (a bug, a disk, the database): the whole exception goes to the log, the one line to stderr.
        catch (InvalidOperationException ex)
        {
            logger.LogError(ex, "Command {Verb} failed", args[0]);
            return Fail(ex.Message);
        }
        catch (IOException ex)
        {
            logger.LogError(ex, "Command {Verb} failed", args[0]);
            return Fail($"Lỗi ghi tệp: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            logger.LogError(ex, "Command {Verb} failed", args[0]);
            return Fail($"Không có quyền ghi tệp: {ex.Message}");
        }
        catch (System.Data.Common.DbException ex)
        {
            logger.LogError(ex, "Command {Verb} failed", args[0]);
            return Fail($"Lỗi cơ sở dữ liệu ({ex.Message.Split('\n')[0]}). Cơ sở dữ liệu đã được tạo bằng lệnh migrate chưa?");
        }
    }

    private const string ReportUsage =
        "Cách dùng: report appendix|annual|matrix|register|document --program MÃ [--from NĂM --to NĂM | --year NĂM] --format json|pdf|docx|xlsx|html --out TỆP";

    private static async Task<int> ReportAsync(IServiceProvider sp, string[] args, Dictionary<string, string> options)
    {
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException(ReportUsage);
        }

        if (!ReportKinds.TryParse(args[1], out var kind))
        {
            throw new UsageException($"Loại báo cáo không hợp lệ: {args[1]} (chọn appendix, annual, matrix, register hoặc document).");
        }

        var program = Require(options, "program");
        var formatText = options.GetValueOrDefault("format", "json");
        if (!ReportKinds.TryParseFormat(formatText, out var format))
        {
            throw new UsageException($"Định dạng không hợp lệ: {formatText} (chọn json, pdf, docx, xlsx hoặc html).");
        }

        var output = Require(options, "out");
        var (from, to) = Years(options);
        var file = await sp.GetRequiredService<ReportService>().RenderAsync(new ReportRequest(kind, program, from, to), format);
        var folder = Path.GetDirectoryName(Path.GetFullPath(output));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllBytesAsync(output, file.Content);
        Console.WriteLine($"Đã ghi {output} ({file.Content.Length:N0} byte).");
        return 0;
    }

    /// <summary>import FILE.xlsx [--program CODE] [--dry-run] [--flag-rule-violations]: the portal's checks, then all rows in one transaction or none.</summary>
    private static async Task<int> ImportAsync(IServiceProvider sp, string[] args, Dictionary<string, string> options)
    {
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException("Cách dùng: import TỆP.xlsx [--program MÃ] [--dry-run] [--flag-rule-violations]");
        }

        var path = args[1];
        if (!File.Exists(path))
        {
            throw new UsageException($"Không có tệp {path}.");
        }

        var dryRun = options.ContainsKey("dry-run");
        await sp.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        var lastPercent = -10;
        await using var file = File.OpenRead(path);
        var outcome = await sp.GetRequiredService<ImportService>().RunAsync(file,
            new ImportRequest(Path.GetFileName(path), options.GetValueOrDefault("program"), dryRun, options.ContainsKey("flag-rule-violations")),
            p =>
            {
                if (p.Phase == ImportService.PhaseSave && p.Percent / 10 != lastPercent / 10)
                {
                    lastPercent = p.Percent;
                    Console.WriteLine($"{p.Phase}: {p.Done:N0}/{p.Total:N0} đề án ({p.Percent}%)");
                }

                return Task.CompletedTask;
            });

        var notices = outcome.Problems.Where(p => !p.IsError).ToList();
        foreach (var problem in notices.Take(20))
        {
            Console.WriteLine($"Lưu ý — {problem}");
        }

        if (notices.Count > 20)
        {
            Console.WriteLine($"… và {notices.Count - 20:N0} lưu ý khác.");
        }

        var s = outcome.Summary;
        if (outcome.HasErrors)
        {
            foreach (var problem in outcome.Problems.Where(p => p.IsError))
            {
                Console.Error.WriteLine($"Lỗi: {problem}");
            }

            Console.Error.WriteLine($"Lỗi: tệp có {outcome.ErrorCount:N0} lỗi; không dòng nào được ghi.");
            return 2;
        }

        var what = $"{s.NewProposals:N0} đề án mới, {s.NewLedgerEntries:N0} bút toán giải ngân, {s.NewUnits:N0} đơn vị chủ trì mới; {s.ExistingProposals:N0} đề án đã có được bỏ qua";
        Console.WriteLine(dryRun
            ? $"Kiểm tra xong, không có lỗi (chạy thử, chưa ghi): {what}."
            : outcome.Saved ? $"Đã nhập vào chương trình {outcome.ProgramCode}: {what}." : $"Không có dữ liệu mới để nhập: {what}.");
        return 0;
    }

    /// <summary>export --program CODE --out FILE.xlsx: the program's data in the import template's format.</summary>
    private static async Task<int> ExportAsync(IServiceProvider sp, Dictionary<string, string> options)
    {
        var program = Require(options, "program");
        var output = Require(options, "out");
        var model = await sp.GetRequiredService<ExportQuery>().BuildAsync(program, options.ContainsKey("template"));
        var folder = Path.GetDirectoryName(Path.GetFullPath(output));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await using (var file = File.Create(output))
        {
            sp.GetRequiredService<IWorkbookWriter>().Write(model, file);
        }

        Console.WriteLine($"Đã ghi {output}: {model.Proposals.Count:N0} đề án, {model.Ledger.Count:N0} bút toán giải ngân, {model.Units.Count:N0} đơn vị.");
        return 0;
    }

    /// <summary>SQLite: an online backup, safe while the portal runs. SQL Server: the native command to run instead.</summary>
    private static async Task<int> BackupAsync(DatabaseBackup backup, Dictionary<string, string> options)
    {
        var output = Require(options, "out");
        if (!backup.IsSqlite)
        {
            Console.WriteLine(backup.SqlServerBackupCommand(output));
            return Fail("Cơ sở dữ liệu SQL Server được sao lưu bằng lệnh BACKUP DATABASE ở trên, chạy trên máy chủ SQL (xem docs/operations.md); lệnh backup không sao lưu gì.");
        }

        var result = await backup.BackupSqliteAsync(output);
        Console.WriteLine($"Đã sao lưu cơ sở dữ liệu vào {result.Path} ({result.Bytes:N0} byte, kiểm tra toàn vẹn: ok).");
        return 0;
    }

    private static (int? From, int? To) Years(Dictionary<string, string> options)
    {
        int? Parse(string name)
        {
            if (!options.TryGetValue(name, out var text))
            {
                return null;
            }

            return int.TryParse(text, out var year) ? year : throw new UsageException($"--{name} phải là một năm (ví dụ 2024).");
        }

        if (Parse("year") is { } year)
        {
            if (options.ContainsKey("from") || options.ContainsKey("to"))
            {
                throw new UsageException("Chỉ dùng --year, hoặc --from và --to; không dùng cả hai.");
            }

            return (year, year);
        }

        return (Parse("from"), Parse("to"));
    }

    private static string Require(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new UsageException($"Thiếu tham số --{name}.");

    /// <summary>--name value pairs; configuration overrides (--Database:Provider X) pass through untouched.</summary>
    public static Dictionary<string, string> ParseOptions(string[] args)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            var name = args[i][2..];
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                result[name[..eq]] = name[(eq + 1)..];
            }
            else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                result[name] = args[++i];
            }
            else
            {
                result[name] = "";
            }
        }

        return result;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"Lỗi: {message}");
        return 2;
    }

    /// <summary>A wrong or missing argument: the one line says what to type instead; nothing is logged.</summary>
    internal sealed class UsageException(string message) : Exception(message);
}

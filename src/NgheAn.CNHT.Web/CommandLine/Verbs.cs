using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Web.CommandLine;

/// <summary>
/// The Web executable's command-line verbs (design.md, "Contracts"). Each prints what it did, or one
/// line saying why it failed, and returns 0 on success, non-zero on failure. This class finds the verb, reads
/// its options and turns failures into that one line (ADR 0162); each verb is its own class (<c>*Verb.cs</c>).
/// </summary>
public static class Verbs
{
    private static readonly Dictionary<string, Func<VerbContext, Task<int>>> Table = new(StringComparer.Ordinal)
    {
        ["migrate"] = MigrateVerb.RunAsync,
        ["seed-demo"] = SeedDemoVerb.RunAsync,
        ["seed-scale"] = SeedScaleVerb.RunAsync,
        ["create-admin"] = CreateAdminVerb.RunAsync,
        ["report"] = ReportVerb.RunAsync,
        ["backup"] = BackupVerb.RunAsync,
        ["import"] = ImportVerb.RunAsync,
        ["export"] = ExportVerb.RunAsync,
        ["release-images"] = ReleaseImagesVerb.RunAsync,
    };

    private static readonly string[] Switches = ["--dry-run", "--template", "--force", "--flag-rule-violations"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Table.ContainsKey(args[0]);

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
        if (!Table.TryGetValue(args[0], out var verb))
        {
            return Fail($"Lệnh không hợp lệ: {args[0]}.");
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Verbs));
        try
        {
            using var scope = app.Services.CreateScope();
            return await verb(new VerbContext(scope.ServiceProvider, app.Environment, args, ParseOptions(args.Skip(1).ToArray())));
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

    /// <summary>The one line on standard error and the failing exit code.</summary>
    internal static int Fail(string message)
    {
        Console.Error.WriteLine($"Lỗi: {message}");
        return 2;
    }

    /// <summary>A wrong or missing argument: the one line says what to type instead; nothing is logged.</summary>
    internal sealed class UsageException(string message) : Exception(message);
}

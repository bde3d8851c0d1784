using System.Diagnostics;

namespace NgheAn.CNHT.IntegrationTests.Support;

/// <summary>Runs the real Web executable (the built NgheAn.CNHT.Web.dll) as a separate process.</summary>
public static class PortalProcess
{
    public static string WebDll => Path.Combine(AppContext.BaseDirectory, "NgheAn.CNHT.Web.dll");

    public const string WarmPages = "Portal__WarmPagesAfterStart";
    public const string WarmDownloads = "Portal__WarmDownloadsAfterStart";

    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static ProcessStartInfo StartInfo(string databasePath, string environment, params string[] args)
    {
        var workDir = Path.Combine(Path.GetTempPath(), "cnht-tests", "proc");
        Directory.CreateDirectory(workDir);
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Never the test runner's own input: a verb that reads standard input gets what the test gives, or an end.
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(WebDll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.ArgumentList.Add("--contentRoot");
        psi.ArgumentList.Add(AppContext.BaseDirectory);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        psi.Environment["DOTNET_ENVIRONMENT"] = environment;
        psi.Environment["ConnectionStrings__Cnht"] = $"Data Source={databasePath}";
        psi.Environment["Database__Provider"] = "Sqlite";
        psi.Environment["Logging__File"] = Path.Combine(workDir, "logs", "cnht-.log");
        // A run of a few seconds gains nothing from dynamic PGO's instrumented code (ADR 0241): 12 % less processor
        // for a seed-demo run. The portal in production keeps the runtime's default.
        psi.Environment["DOTNET_TieredPGO"] = "0";
        // The start's page and download warm-ups (ADR 0240, 0109) render in the background: about 4 s of processor in the
        // Debug build, for a test about something else (the in-process hosts turn them off the same way). A test of the
        // whole start removes these two.
        psi.Environment[WarmPages] = "false";
        psi.Environment[WarmDownloads] = "false";
        return psi;
    }

    public static Task<Result> RunAsync(string databasePath, string environment, params string[] args) =>
        RunAsync(StartInfo(databasePath, environment, args));

    /// <summary>As <see cref="RunAsync(string, string, string[])"/>, with environment variables set or (null) removed.</summary>
    public static Task<Result> RunWithEnvironmentAsync(string databasePath, string environment, IReadOnlyDictionary<string, string?> variables, params string[] args)
    {
        var psi = StartInfo(databasePath, environment, args);
        foreach (var (name, value) in variables)
        {
            psi.Environment[name] = value;
        }

        return RunAsync(psi);
    }

    /// <summary>Runs with <paramref name="input"/> written to the process's standard input, which is then closed.</summary>
    public static Task<Result> RunWithInputAsync(string databasePath, string environment, string input, params string[] args) =>
        RunAsync(StartInfo(databasePath, environment, args), input);

    public static async Task<Result> RunAsync(ProcessStartInfo startInfo, string? input = null)
    {
        using var process = Process.Start(startInfo)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}

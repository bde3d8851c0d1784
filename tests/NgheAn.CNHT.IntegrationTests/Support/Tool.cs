using System.ComponentModel;
using System.Diagnostics;

namespace NgheAn.CNHT.IntegrationTests.Support;

/// <summary>
/// Runs a command-line tool the deployment tests need (docker-compose, nginx, openssl, python3). A missing
/// tool fails the test with the Debian package to install (scripts/test.sh installs them): nothing is skipped.
/// </summary>
public static class Tool
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr)
    {
        public string Output => StdOut + StdErr;
    }

    public static ProcessStartInfo StartInfo(string file, IEnumerable<string> args, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory ?? RepositoryFiles.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return psi;
    }

    public static Process Start(ProcessStartInfo psi, string package)
    {
        try
        {
            return Process.Start(psi) ?? throw new InvalidOperationException($"{psi.FileName} did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"`{psi.FileName}` is not installed: install the Debian package `{package}` (scripts/test.sh installs it).", ex);
        }
    }

    public static async Task<Result> RunAsync(ProcessStartInfo psi, string package, string? stdin = null)
    {
        using var process = Start(psi, package);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public static Task<Result> RunAsync(string file, string package, params string[] args) =>
        RunAsync(StartInfo(file, args), package);
}

using System.Diagnostics;

namespace NgheAn.CNHT.IntegrationTests.Support;

/// <summary>Checks PDF signatures with pdfsig (poppler-utils), a validator independent of the code that signs.</summary>
public static class PdfSignatures
{
    /// <summary>pdfsig's whole report and exit code (-nocert: a self-signed test certificate is not a trust failure here).</summary>
    public static (string Output, int ExitCode) PdfSig(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cnht-sig-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdfsig", ["-nocert", path])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (output + error.Result, process.ExitCode);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

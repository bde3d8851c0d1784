namespace NgheAn.CNHT.IntegrationTests.Support;

/// <summary>
/// Converts an office file to PDF with LibreOffice (`soffice --headless --convert-to pdf`), the way a reader without
/// Microsoft Office opens the portal's downloads. Each call uses its own LibreOffice profile (two conversions at once
/// would otherwise fight over ~/.config/libreoffice) and a time limit. scripts/test.sh installs Debian's
/// libreoffice-calc-nogui and libreoffice-writer-nogui; a missing soffice fails the test with that package named.
/// A desktop LibreOffice comes with the Liberation fonts, which stand in for Times New Roman at the same widths; the
/// nogui packages bring none (fontconfig would pick the much wider DejaVu Serif), so the conversion is given the portal's
/// own Liberation Serif files (src/NgheAn.CNHT.Infrastructure/Fonts) through a private fontconfig file: nothing is
/// installed on the machine and other programs (Chromium) keep their fonts.
/// </summary>
public static class Soffice
{
    public const string Packages = "libreoffice-calc-nogui libreoffice-writer-nogui";

    public static async Task<byte[]> ConvertToPdfAsync(byte[] file, string fileName)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"cnht-soffice-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var input = Path.Combine(folder, fileName);
            await File.WriteAllBytesAsync(input, file);
            var profile = new Uri(Path.Combine(folder, "profile")).AbsoluteUri;
            var fontConfig = Path.Combine(folder, "fonts.conf");
            await File.WriteAllTextAsync(fontConfig, $"""
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
                <fontconfig>
                  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
                  <dir>{RepositoryFiles.PathOf("src/NgheAn.CNHT.Infrastructure/Fonts")}</dir>
                  <cachedir>{Path.Combine(folder, "font-cache")}</cachedir>
                </fontconfig>
                """);
            var psi = Tool.StartInfo("soffice",
                [$"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", folder, input], folder);
            psi.Environment["FONTCONFIG_FILE"] = fontConfig;
            using var process = Tool.Start(psi, Packages);
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"soffice did not convert {fileName} within 2 minutes.");
            }

            var output = Path.Combine(folder, Path.GetFileNameWithoutExtension(fileName) + ".pdf");
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                throw new InvalidOperationException($"soffice failed on {fileName} (exit {process.ExitCode}): {await stdout}{await stderr}");
            }

            return await File.ReadAllBytesAsync(output);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    /// <summary>`pdftotext -layout` (Debian poppler-utils): the page as printed lines, columns kept apart by spaces.</summary>
    public static async Task<string[]> LayoutTextAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cnht-layout-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var result = await Tool.RunAsync("pdftotext", "poppler-utils", "-layout", "-enc", "UTF-8", path, "-");
            Assert.True(result.ExitCode == 0, result.Output);
            return result.StdOut.Split('\n');
        }
        finally
        {
            File.Delete(path);
        }
    }
}

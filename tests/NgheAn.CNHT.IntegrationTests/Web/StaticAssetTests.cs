using System.Net;
using System.Text.RegularExpressions;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Web;

/// <summary>
/// wwwroot/lib ships exactly what the pages load (ADR 0161): every file a page references under lib/ exists and
/// is served, every file there is referenced (licences and the manifest aside), and the folder stays under 1 MB.
/// </summary>
public sealed partial class StaticAssetTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private static readonly string Web = RepositoryFiles.PathOf("src/NgheAn.CNHT.Web");
    private static readonly string Lib = Path.Combine(Web, "wwwroot", "lib");

    [GeneratedRegex(@"(?<!\w)~?/lib/([\w./-]+)")]
    private static partial Regex LibReference();

    /// <summary>Every lib/ path written in a page, layout, partial or script of the Web project.</summary>
    private static IReadOnlyList<(string Source, string Path)> References() =>
        Directory.EnumerateFiles(Web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal) || f.EndsWith(".css", StringComparison.Ordinal))
            .Where(f => !f.StartsWith(Lib, StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LibReference().Matches(File.ReadAllText(f)).Select(m => (Path.GetRelativePath(Web, f), m.Groups[1].Value)))
            .ToList();

    [Fact]
    public void Every_lib_file_a_page_references_exists()
    {
        var references = References();
        Assert.NotEmpty(references);
        var missing = references.Where(r => !File.Exists(Path.Combine(Lib, r.Path))).Select(r => $"{r.Source}: lib/{r.Path}").ToList();
        Assert.True(missing.Count == 0, "Pages reference files that are not in wwwroot/lib: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_file_in_lib_is_referenced_or_a_licence_and_the_folder_stays_under_one_megabyte()
    {
        var referenced = References().Select(r => r.Path).ToHashSet(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(Lib, "*", SearchOption.AllDirectories).ToList();
        var unused = files.Select(f => Path.GetRelativePath(Lib, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !referenced.Contains(f) && !Path.GetFileName(f).StartsWith("LICENSE", StringComparison.Ordinal) && f != "README.md")
            .ToList();
        Assert.True(unused.Count == 0, "Files in wwwroot/lib that no page loads: " + string.Join(", ", unused));
        var bytes = files.Sum(f => new FileInfo(f).Length);
        Assert.True(bytes < 1024 * 1024, $"wwwroot/lib holds {bytes:N0} bytes");
    }

    [Fact]
    public async Task Every_referenced_lib_file_is_served()
    {
        var client = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var path in References().Select(r => r.Path).Distinct())
        {
            var response = await client.GetAsync("/lib/" + path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"/lib/{path} answered {(int)response.StatusCode}");
        }
    }
}

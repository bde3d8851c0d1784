using System.Text.RegularExpressions;
using System.Xml.Linq;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Deployment;

/// <summary>
/// No Docker engine runs here, so deploy/Dockerfile cannot be built by the tests. What can go wrong
/// without anyone noticing is checked instead: a project added to the solution but not copied before
/// the restore layer, and the hardening (non-root, health check, writable data folder only).
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string Dockerfile = File.ReadAllText(RepositoryFiles.PathOf("deploy/Dockerfile"));

    /// <summary>The Web project and every project it references, transitively, as repository paths.</summary>
    private static SortedSet<string> WebProjectClosure()
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([RepositoryFiles.PathOf("src/NgheAn.CNHT.Web/NgheAn.CNHT.Web.csproj")]);
        while (pending.TryPop(out var project))
        {
            if (!found.Add(Path.GetRelativePath(RepositoryFiles.Root, project).Replace('\\', '/')))
            {
                continue;
            }

            foreach (var reference in XDocument.Load(project).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', '/');
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include)));
            }
        }

        return found;
    }

    [Fact]
    public void Every_project_the_portal_builds_from_is_copied_before_the_restore()
    {
        var restoreAt = Dockerfile.IndexOf("RUN dotnet restore", StringComparison.Ordinal);
        Assert.True(restoreAt > 0);
        var copied = new SortedSet<string>(CsprojCopy().Matches(Dockerfile[..restoreAt]).Select(m => m.Groups[1].Value), StringComparer.Ordinal);
        Assert.Equal(WebProjectClosure(), copied);
        Assert.Contains("COPY Directory.Build.props Directory.Packages.props ./", Dockerfile[..restoreAt]);
    }

    [Fact]
    public void The_image_builds_on_the_dotnet_10_sdk_and_runs_on_the_aspnet_runtime_as_a_non_root_user()
    {
        Assert.Matches(@"(?m)^ARG DOTNET_TAG=10\.0", Dockerfile);
        Assert.Matches(@"(?m)^FROM mcr\.microsoft\.com/dotnet/sdk:\$\{DOTNET_TAG\} AS build$", Dockerfile);
        Assert.Matches(@"(?m)^FROM mcr\.microsoft\.com/dotnet/aspnet:\$\{DOTNET_TAG\} AS runtime$", Dockerfile);
        var user = Assert.Single(Regex.Matches(Dockerfile, @"(?m)^USER (.+)$")).Groups[1].Value;
        Assert.Equal("$APP_UID", user);
        Assert.True(Dockerfile.IndexOf("USER ", StringComparison.Ordinal) > Dockerfile.IndexOf("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal));
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"NgheAn.CNHT.Web.dll\"]", Dockerfile);
        // vi-VN formatting needs ICU: the runtime must not be switched to invariant globalization.
        Assert.DoesNotContain("GLOBALIZATION_INVARIANT", Dockerfile, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_release_is_restored_and_published_for_the_target_architecture_so_it_is_compiled_ahead_of_time()
    {
        // ReadyToRun (ADR 0210) needs a runtime identifier at restore and at publish; the csproj turns it on only then.
        Assert.Matches(@"(?m)^ARG TARGETARCH$", Dockerfile);
        Assert.Matches(@"(?m)^RUN dotnet restore [^\n]*-a ""\$TARGETARCH""", Dockerfile);
        Assert.Matches(@"(?m)^RUN dotnet publish [^\n]*-a ""\$TARGETARCH"" --self-contained false --no-restore", Dockerfile);
        var web = XDocument.Load(RepositoryFiles.PathOf("src/NgheAn.CNHT.Web/NgheAn.CNHT.Web.csproj"));
        var readyToRun = Assert.Single(web.Descendants("PublishReadyToRun"));
        Assert.Equal("true", readyToRun.Value);
        Assert.Contains("RuntimeIdentifier", readyToRun.Attribute("Condition")!.Value);
    }

    [Fact]
    public void The_image_checks_liveness_and_writes_only_to_its_data_folder()
    {
        Assert.Matches(@"HEALTHCHECK [^\n]*\\\n\s+CMD curl --fail [^\n]*http://127\.0\.0\.1:8080/health/live", Dockerfile);
        Assert.Contains("install -d -o \"$APP_UID\" -g \"$APP_UID\" -m 0750 /app/App_Data", Dockerfile);
        Assert.Contains("VOLUME [\"/app/App_Data\"]", Dockerfile);
        // Logs go to the console in JSON; no log file is written into the read-only image.
        Assert.Contains("Logging__Format=json", Dockerfile);
        Assert.Contains("Logging__File=\"\"", Dockerfile);
    }

    [Fact]
    public void The_build_context_leaves_out_secrets_databases_and_build_output()
    {
        var ignored = File.ReadAllLines(RepositoryFiles.PathOf(".dockerignore")).Select(l => l.Trim()).ToHashSet();
        foreach (var pattern in new[] { ".env", "**/bin/", "**/obj/", "**/App_Data/", "**/*.db", ".git/", "deploy/nginx/certs/" })
        {
            Assert.Contains(pattern, ignored);
        }
    }

    [GeneratedRegex(@"(?m)^COPY (src/[^ ]+\.csproj) src/[^ ]+/$")]
    private static partial Regex CsprojCopy();
}

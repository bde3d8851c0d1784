namespace NgheAn.CNHT.IntegrationTests.Support;

/// <summary>Files of the repository the tests run from (deploy/, docker-compose.yml), found by walking up to the solution.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NgheAn.CNHT.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NgheAn.CNHT.sln not found above " + AppContext.BaseDirectory);
    }
}

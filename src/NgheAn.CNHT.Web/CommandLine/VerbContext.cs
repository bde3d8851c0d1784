namespace NgheAn.CNHT.Web.CommandLine;

/// <summary>What a verb runs with: the scope's services, the environment, its arguments (the verb first) and its --name value options.</summary>
internal sealed record VerbContext(IServiceProvider Services, IHostEnvironment Environment, string[] Args, IReadOnlyDictionary<string, string> Options)
{
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public bool Has(string option) => Options.ContainsKey(option);

    /// <summary>The positional argument after the verb (a file, a report kind), or null when the next word is an option.</summary>
    public string? Positional => Args.Length < 2 || Args[1].StartsWith("--", StringComparison.Ordinal) ? null : Args[1];

    public string Require(string name) =>
        Options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new Verbs.UsageException($"Thiếu tham số --{name}.");

    /// <summary>--year Y, or --from and --to (each optional); never both forms.</summary>
    public (int? From, int? To) Years()
    {
        int? Parse(string name)
        {
            if (!Options.TryGetValue(name, out var text))
            {
                return null;
            }

            return int.TryParse(text, out var year) ? year : throw new Verbs.UsageException($"--{name} phải là một năm (ví dụ 2024).");
        }

        if (Parse("year") is { } year)
        {
            if (Has("from") || Has("to"))
            {
                throw new Verbs.UsageException("Chỉ dùng --year, hoặc --from và --to; không dùng cả hai.");
            }

            return (year, year);
        }

        return (Parse("from"), Parse("to"));
    }

    /// <summary>Creates the folder an output file goes into.</summary>
    public static void EnsureFolderOf(string output)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(output));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}

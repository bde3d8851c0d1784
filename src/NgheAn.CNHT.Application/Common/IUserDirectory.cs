namespace NgheAn.CNHT.Application.Common;

/// <summary>People's names for user names that records keep (ledger entries keep only who recorded them).</summary>
public interface IUserDirectory
{
    /// <summary>Full names by user name; user names without an account are left out.</summary>
    Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(IReadOnlyCollection<string> userNames, CancellationToken ct = default);

    /// <summary>"Full name, title" (the title when the account has one) by user name, for the people a page names.</summary>
    /// (Without a directory of titles, the names alone.)
    Task<IReadOnlyDictionary<string, string>> NamesWithTitlesAsync(IReadOnlyCollection<string> userNames, CancellationToken ct = default) =>
        DisplayNamesAsync(userNames, ct);
}

namespace NgheAn.CNHT.Application.Common;

/// <summary>People's names for user names that records keep (ledger entries keep only who recorded them).</summary>
public interface IUserDirectory
{
    /// <summary>Full names by user name; user names without an account are left out.</summary>
    Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(IReadOnlyCollection<string> userNames, CancellationToken ct = default);
}

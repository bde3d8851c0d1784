using System.Collections.Concurrent;

namespace NgheAn.CNHT.Application.Notifications;

/// <summary>
/// The bell's figures kept per node (ADR 0217): each user's unread count and latest unread notices, under their user
/// name and role set. Notices are not audited and do not raise the data version, so they are not kept under it: an
/// entry is reused only while this node has saved no notice or read receipt and committed no transaction since it was
/// read (<see cref="Changed"/>, told by the persistence layer before and after such a save and on every commit), and for
/// at most <see cref="Freshness"/>. The counter is taken before the read, so a change landing while it runs makes the
/// next request read again. A new notice or a read on this node shows on the next request; one made through another
/// node or the command line within the second.
/// </summary>
public sealed class UnreadNotices(TimeProvider clock)
{
    /// <summary>How long a notice or a receipt saved elsewhere (another node, the command line) may take to show here.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    /// <summary>Beyond this many kept entries (users × role sets × list sizes) everything is dropped and read again.</summary>
    public const int MaxEntries = 20_000;

    private sealed record Entry<T>(T Value, long Changes, DateTimeOffset At);

    private long _changes;
    private readonly ConcurrentDictionary<string, Entry<int>> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry<IReadOnlyList<NotificationRow>>> _latest = new(StringComparer.Ordinal);

    /// <summary>How many notice saves and commits this node has made since it started.</summary>
    public long Changes => Interlocked.Read(ref _changes);

    /// <summary>Called before and after every save of a notice or a receipt, and after every commit, of this node.</summary>
    public void Changed() => Interlocked.Increment(ref _changes);

    /// <summary>The key of a reader: the notices one sees depend on their user name and roles only.</summary>
    public static string KeyOf(string userName, IEnumerable<string> roles) =>
        userName + "\n" + string.Join(',', roles.Order(StringComparer.Ordinal));

    public Task<int> CountAsync(string key, Func<Task<int>> read) => GetAsync(_counts, key, read);

    public Task<IReadOnlyList<NotificationRow>> LatestAsync(string key, int take, Func<Task<IReadOnlyList<NotificationRow>>> read) =>
        GetAsync(_latest, key + "\n" + take.ToString(System.Globalization.CultureInfo.InvariantCulture), read);

    private async Task<T> GetAsync<T>(ConcurrentDictionary<string, Entry<T>> entries, string key, Func<Task<T>> read)
    {
        var changes = Changes;
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(key, out var kept) && kept.Changes == changes && now - kept.At < Freshness && now >= kept.At)
        {
            return kept.Value;
        }

        var value = await read();
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        entries[key] = new Entry<T>(value, changes, now);
        return value;
    }
}

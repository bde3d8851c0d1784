namespace NgheAn.CNHT.Domain.Common;

/// <summary>
/// Runs several checks and keeps every broken rule instead of stopping at the first one (ADR 0120):
/// <code>
/// var check = new RuleCheck();
/// var title = check.Run(() => Guard.Required(draft.Title, "Tên đề án", 500, nameof(Title)));
/// check.Run(() => CheckAmounts(...));
/// check.ThrowIfBroken();
/// </code>
/// A check whose input already broke a rule (see <see cref="IsBroken"/>) can be skipped, so one mistake gives one message.
/// </summary>
public sealed class RuleCheck
{
    private readonly List<DomainException> _errors = [];

    public IReadOnlyList<DomainException> Errors => _errors;

    public bool Any => _errors.Count > 0;

    public bool IsBroken(string field) => _errors.Any(e => e.Field == field);

    public void Add(DomainException error) => _errors.AddRange(error.Errors);

    public void Run(Action check)
    {
        try
        {
            check();
        }
        catch (DomainException ex)
        {
            Add(ex);
        }
    }

    /// <summary>The checked value, or <paramref name="fallback"/> when the check broke a rule.</summary>
    public T Run<T>(Func<T> check, T fallback = default!)
    {
        try
        {
            return check();
        }
        catch (DomainException ex)
        {
            Add(ex);
            return fallback;
        }
    }

    public async Task<T> RunAsync<T>(Func<Task<T>> check, T fallback = default!)
    {
        try
        {
            return await check();
        }
        catch (DomainException ex)
        {
            Add(ex);
            return fallback;
        }
    }

    public async Task RunAsync(Func<Task> check)
    {
        try
        {
            await check();
        }
        catch (DomainException ex)
        {
            Add(ex);
        }
    }

    public void ThrowIfBroken()
    {
        if (_errors.Count == 1)
        {
            throw _errors[0];
        }

        if (_errors.Count > 1)
        {
            throw new DomainException(_errors.ToList());
        }
    }
}

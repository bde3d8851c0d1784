namespace NgheAn.CNHT.Application.Common;

/// <summary>One field that someone else changed while the user had the form open.</summary>
public sealed record FieldChange(string Label, string OldValue, string NewValue, string ChangedBy, DateTime ChangedAt);

/// <summary>
/// The record was changed by someone else since the user opened it: nothing was saved. Carries what
/// changed (from the audit trail) and the record's current stamp, so the page can show the changes and
/// let the user save again knowingly.
/// </summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException(string message, IReadOnlyList<FieldChange> changes, Guid currentStamp) : base(message)
    {
        Changes = changes;
        CurrentStamp = currentStamp;
    }

    public ConcurrencyConflictException() : this("Dữ liệu vừa được người khác thay đổi.", [], Guid.Empty) { }

    public ConcurrencyConflictException(string message) : this(message, [], Guid.Empty) { }

    public ConcurrencyConflictException(string message, Exception inner) : base(message, inner) => Changes = [];

    public IReadOnlyList<FieldChange> Changes { get; }
    public Guid CurrentStamp { get; }
}

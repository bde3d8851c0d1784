namespace NgheAn.CNHT.Domain.Common;

/// <summary>
/// A broken business rule. The message is Vietnamese and written for the person who typed the
/// value; pages show it next to the field named by <see cref="Field"/> when there is one.
/// A form checked in one pass (<see cref="RuleCheck"/>) throws one exception carrying every broken rule in
/// <see cref="Errors"/>, so the person sees all their mistakes after one submit (ADR 0120).
/// </summary>
public sealed class DomainException : Exception
{
    private readonly IReadOnlyList<DomainException>? _errors;

    public DomainException(string message, string? field = null) : base(message) => Field = field;

    public DomainException() : base("Dữ liệu không hợp lệ.") { }

    public DomainException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Several broken rules at once; the message reads them one after the other.</summary>
    public DomainException(IReadOnlyList<DomainException> errors)
        : base(string.Join(" ", errors.Select(e => e.Message)))
    {
        _errors = errors;
        Field = errors.Count == 1 ? errors[0].Field : null;
    }

    /// <summary>Name of the input the rule is about (for example <c>ProvincialShare</c>), or null.</summary>
    public string? Field { get; }

    /// <summary>Every broken rule this exception stands for (itself when it is a single one).</summary>
    public IReadOnlyList<DomainException> Errors => _errors ?? [this];

    /// <summary>The same rules, each field renamed by <paramref name="rename"/> (for a form that shows them elsewhere).</summary>
    public DomainException WithFields(Func<string?, string?> rename)
    {
        var renamed = Errors.Select(e => new DomainException(e.Message, rename(e.Field))).ToList();
        return renamed.Count == 1 ? renamed[0] : new DomainException(renamed);
    }
}

namespace NgheAn.CNHT.Domain.Common;

/// <summary>
/// A broken business rule. The message is Vietnamese and written for the person who typed the
/// value; pages show it next to the field named by <see cref="Field"/> when there is one.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string message, string? field = null) : base(message) => Field = field;

    public DomainException() : base("Dữ liệu không hợp lệ.") { }

    public DomainException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Name of the input the rule is about (for example <c>ProvincialShare</c>), or null.</summary>
    public string? Field { get; }
}

namespace NgheAn.CNHT.Application.Common;

/// <summary>The record asked for does not exist (pages answer 404).</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException(string message) : base(message) { }
    public NotFoundException() : base("Không tìm thấy dữ liệu.") { }
    public NotFoundException(string message, Exception inner) : base(message, inner) { }
}

using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Issuing;

/// <summary>
/// The last number the register of outgoing documents (sổ đăng ký văn bản đi) gave for one year and one
/// document type. Numbers restart at 1 each year; the counter only moves forward inside the transaction that
/// saves the document, so a failed issue leaves no gap and two issues at once never share a number (ADR 0131).
/// </summary>
public sealed class OutgoingNumberCounter
{
    private OutgoingNumberCounter() { }

    public OutgoingNumberCounter(int year, string documentType)
    {
        Year = year;
        DocumentType = Guard.Required(documentType, "Loại văn bản", 10);
        LastNumber = 0;
    }

    public int Year { get; private set; }
    public string DocumentType { get; private set; } = "";
    public int LastNumber { get; private set; }
}

/// <summary>A number of the register: 15 of type BC issued by SCT reads "15/BC-SCT".</summary>
public sealed record RegisterNumber(string DocumentType, int Year, int Sequence)
{
    /// <summary>The issuing body's short symbol (Sở Công Thương).</summary>
    public const string IssuerSymbol = "SCT";

    /// <summary>Báo cáo: every report the portal issues.</summary>
    public const string Report = "BC";

    /// <summary>"15/BC-SCT"; numbers below 10 with a leading zero, as the register writes them ("05/BC-SCT").</summary>
    public string Text => $"{Sequence:00}/{DocumentType}-{IssuerSymbol}";
}

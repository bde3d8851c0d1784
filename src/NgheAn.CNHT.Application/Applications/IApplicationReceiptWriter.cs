namespace NgheAn.CNHT.Application.Applications;

/// <summary>Renders the receipt (giấy biên nhận hồ sơ) and the application summary as PDF (Infrastructure, PDFsharp).</summary>
public interface IApplicationReceiptWriter
{
    /// <summary>The receipt the enterprise downloads after submission: reference number, time, fields, cost lines, documents.</summary>
    byte[] Receipt(ApplicationView application, DateTime printedAtUtc);
}

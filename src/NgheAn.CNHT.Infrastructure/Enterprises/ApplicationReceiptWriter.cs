using NgheAn.CNHT.Application.Applications;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Infrastructure.Reporting;

namespace NgheAn.CNHT.Infrastructure.Enterprises;

/// <summary>
/// The receipt of an online application (giấy biên nhận hồ sơ), drawn with the portal's PDF infrastructure
/// (PDFsharp, Liberation Serif, NFC text): reference number and time of receipt, the enterprise, the call and item,
/// the fields, every cost line with its amount, and the documents filed against the checklist.
/// </summary>
public sealed class ApplicationReceiptWriter : IApplicationReceiptWriter
{
    public byte[] Receipt(ApplicationView application, DateTime printedAtUtc)
    {
        var a = application;
        using var pdf = new PdfComposer($"Giấy biên nhận hồ sơ {a.Code}");
        pdf.NewPage(false);
        var head = PdfComposer.Font(13, bold: true);
        var body = PdfComposer.Font(12);
        var bold = PdfComposer.Font(12, bold: true);
        var small = PdfComposer.Font(11, italic: true);
        pdf.Paragraph("SỞ CÔNG THƯƠNG NGHỆ AN", PdfComposer.Font(12), TextAlign.Center, spaceAfter: 0);
        pdf.Paragraph("TRUNG TÂM HỖ TRỢ VÀ TƯ VẤN PHÁT TRIỂN CÔNG THƯƠNG", head, TextAlign.Center, spaceAfter: 12);
        pdf.Paragraph("GIẤY BIÊN NHẬN HỒ SƠ ĐỀ NGHỊ HỖ TRỢ", PdfComposer.Font(14, bold: true), TextAlign.Center, spaceAfter: 2);
        pdf.Paragraph($"Mã hồ sơ: {a.Code}", head, TextAlign.Center, spaceAfter: 10);
        pdf.Paragraph($"Thời điểm nhận: {(a.SubmittedAt is { } at ? VnFormat.DateTime(at) : "")} (giờ Việt Nam); lần nộp gần nhất: {(a.LastSubmittedAt is { } last ? VnFormat.DateTime(last) : "")}.", body, TextAlign.Left);
        pdf.Paragraph($"Doanh nghiệp: {a.OrganizationName} — Mã số thuế: {a.TaxCode}", body, TextAlign.Left);
        pdf.Paragraph($"Thông báo: {a.CallTitle} (Chương trình {a.ProgramCode}, năm {a.CallYear})", body, TextAlign.Left);
        pdf.Paragraph($"Nội dung hỗ trợ: {a.ItemCode} {a.ItemName}", body, TextAlign.Left);
        pdf.Paragraph($"Tên đề án: {a.Title}", bold, TextAlign.Left);
        pdf.Paragraph($"Thời gian thực hiện: {a.StartYear} - {a.EndYear}", body, TextAlign.Left);
        if (a.Outputs.Count > 0)
        {
            // The expected outputs against the item's output indicators (ADR 0178).
            pdf.Paragraph("Kết quả dự kiến theo chỉ tiêu đầu ra: " + string.Join("; ", a.Outputs.Select(o => $"{o.Label}: {o.Expected.ToString("#,##0", VnFormat.Culture)} {o.Unit}")) + ".", body, TextAlign.Left);
        }

        pdf.Paragraph("Dự toán kinh phí (đồng):", bold, TextAlign.Left, spaceAfter: 2);
        foreach (var line in a.Lines)
        {
            pdf.Paragraph($"{line.LineNo}. {line.Description} — {line.Quantity.ToString("#,##0.##", VnFormat.Culture)} {line.Unit} × {VnFormat.Dong(line.UnitPrice)} = {VnFormat.Dong(line.Amount)}",
                body, TextAlign.Left, spaceAfter: 1, indent: 12);
        }

        pdf.Paragraph($"Tổng dự toán: {VnFormat.Dong(a.TotalCost)} đồng; kinh phí đề nghị hỗ trợ: {VnFormat.Dong(a.RequestedSupport)} đồng; vốn đối ứng: {VnFormat.Dong(a.Counterpart)} đồng.",
            bold, TextAlign.Left, spaceAfter: 8);
        pdf.Paragraph("Tài liệu đã nộp:", bold, TextAlign.Left, spaceAfter: 2);
        foreach (var d in a.Documents)
        {
            pdf.Paragraph($"- {d.Requirement}: {d.FileName}{(d.Round > 0 ? $" (bổ sung lần {d.Round})" : "")}", body, TextAlign.Left, spaceAfter: 1, indent: 12);
        }

        pdf.Paragraph("", body, spaceAfter: 8);
        pdf.Paragraph("Giấy biên nhận được cổng tạo tự động khi doanh nghiệp nộp hồ sơ trực tuyến; việc tiếp nhận hồ sơ thành đề án do Trung tâm xem xét và thông báo trên cổng.",
            small, TextAlign.Justify);
        pdf.Paragraph($"In lúc {VnFormat.DateTime(printedAtUtc)}.", small, TextAlign.Right);
        return pdf.Finish();
    }
}

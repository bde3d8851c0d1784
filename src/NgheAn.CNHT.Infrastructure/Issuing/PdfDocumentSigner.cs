using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using NgheAn.CNHT.Application.Issuing;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Issuing;
using NgheAn.CNHT.Infrastructure.Reporting;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;
using QRCoder;

namespace NgheAn.CNHT.Infrastructure.Issuing;

/// <summary>
/// Finishes an issued PDF (ADR 0132): on page 1 the agency's signature mark (agency, time in ISO 8601 with +07:00)
/// at the upper right and the QR code with the short verification link at the lower left; then one PAdES signature
/// (SHA-256) whose visible appearance sits in the signer block (signer, title, time). With the development test
/// certificate every mark says "CHỨNG THƯ THỬ NGHIỆM". Without a certificate (only where signing is not required) the
/// page says "Văn bản không ký số" instead: nothing unsigned looks signed.
/// </summary>
internal sealed class PdfDocumentSigner(SigningCertificates certificates, IOptions<SigningOptions> options, TimeProvider clock) : IDocumentSigner
{
    public const string TestMark = "CHỨNG THƯ THỬ NGHIỆM – KHÔNG CÓ GIÁ TRỊ PHÁP LÝ";
    private const double Mm = 72 / 25.4;
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly XColor SignatureBlue = XColor.FromArgb(20, 60, 160);
    private static readonly XColor AgencyRed = XColor.FromArgb(190, 20, 30);

    public SigningStatus Status()
    {
        var result = certificates.Load();
        return new SigningStatus(result.Certificate is not null, result.Required, result.IsTest,
            result.Certificate?.Subject, result.Certificate?.NotAfter.ToUniversalTime(), result.Problem);
    }

    public void EnsureReadable(byte[] pdf)
    {
        try
        {
            using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Modify);
            if (document.PageCount == 0)
            {
                throw new DomainException("Tệp PDF tải lên không có trang nào.");
            }
        }
        catch (Exception ex) when (ex is PdfReaderException or InvalidOperationException or NotSupportedException or ArgumentException or IOException)
        {
            throw new DomainException("Không đọc được tệp PDF tải lên (tệp hỏng, có mật khẩu hoặc đã được ký số). Hãy xuất lại PDF từ Word và tải lên.");
        }
    }

    public async Task<SignedPdf> StampAndSignAsync(byte[] pdf, SigningRequest request, CancellationToken ct = default)
    {
        PdfFonts.EnsureConfigured();
        var loaded = certificates.Load();
        if (loaded.Certificate is null && (loaded.Required || loaded.Problem is not null))
        {
            throw new DomainException(loaded.Problem ?? "Chưa cấu hình chứng thư số để ký văn bản.");
        }

        EnsureReadable(pdf);
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Modify);
        var signedAt = clock.GetUtcNow().UtcDateTime;
        signedAt = signedAt.AddTicks(-(signedAt.Ticks % TimeSpan.TicksPerSecond));
        var time = new DateTimeOffset(signedAt).ToOffset(Vietnam).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var certificate = loaded.Certificate;
        Stamp(document, request, certificate is null ? null : time, loaded.IsTest);

        using var output = new MemoryStream();
        if (certificate is null)
        {
            await document.SaveAsync(output, false);
            return new SignedPdf(output.ToArray(), null);
        }

        var box = Box(document, request.SignerBox);
        var page = document.Pages[box.PageIndex];
        DigitalSignatureHandler.ForDocument(document, new CadesSigner(certificate, output), new DigitalSignatureOptions
        {
            PageIndex = box.PageIndex,
            // The signature's rectangle is in PDF user space (origin at the lower left).
            Rectangle = new XRect(box.X, page.Height.Point - box.Y - box.Height, box.Width, box.Height),
            AppearanceHandler = new SignerAppearance(request, time, loaded.IsTest),
            Reason = $"Ký ban hành văn bản số {request.Number}",
            Location = "Nghệ An, Việt Nam",
            ContactInfo = request.VerificationUrl,
            AppName = "Cổng quản lý Chương trình phát triển công nghiệp hỗ trợ Nghệ An",
        });
        await document.SaveAsync(output, false);
        return new SignedPdf(output.ToArray(), new SignatureFacts(certificate.Subject, certificate.Thumbprint,
            certificate.NotAfter.ToUniversalTime(), loaded.IsTest, signedAt));
    }

    /// <summary>The signer block of a generated report; for an uploaded text, the lower right of its last page.</summary>
    private static SignerBox Box(PdfDocument document, SignerBox? box)
    {
        if (box is { Width: > 0, Height: > 0 } && box.PageIndex < document.PageCount)
        {
            return box;
        }

        var last = document.PageCount - 1;
        var page = document.Pages[last];
        var width = 200.0;
        return new SignerBox(last, page.Width.Point - (15 * Mm) - width, page.Height.Point - (20 * Mm) - 110, width, 66);
    }

    private void Stamp(PdfDocument document, SigningRequest request, string? time, bool test)
    {
        var page = document.Pages[0];
        using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
        var width = page.Width.Point;
        var height = page.Height.Point;
        var small = new XFont(PdfFonts.Family, 7.5);
        var smallBold = new XFont(PdfFonts.Family, 7.5, XFontStyleEx.Bold);

        // The agency's signature mark, upper right of page 1, inside the top margin.
        var markWidth = 200.0;
        var markX = width - (15 * Mm) - markWidth;
        var markY = 4 * Mm;
        var lines = new List<(string, XFont)>();
        if (time is null)
        {
            lines.Add(("VĂN BẢN KHÔNG KÝ SỐ", smallBold));
            lines.Add(("Chưa cấu hình chứng thư số của cơ quan", small));
        }
        else
        {
            lines.Add(("Ký số bởi: " + Nfc(options.Value.AgencyName), smallBold));
            lines.Add(("Thời gian ký: " + time, small));
        }

        if (test && time is not null)
        {
            lines.Add((TestMark, smallBold));
        }

        var pen = new XPen(AgencyRed, 0.8);
        var brush = new XSolidBrush(AgencyRed);
        var boxHeight = (lines.Count * 9.5) + 5;
        g.DrawRectangle(pen, markX, markY, markWidth, boxHeight);
        var y = markY + 3 + 7;
        foreach (var (text, font) in lines)
        {
            g.DrawString(Nfc(text), font, brush, markX + 4, y);
            y += 9.5;
        }

        // QR code and short link, lower left of page 1, inside the bottom margin.
        var size = 15 * Mm;
        var qrX = 30 * Mm;
        var qrY = height - size - (3 * Mm);
        DrawQr(g, request.VerificationUrl, qrX, qrY, size);
        var textX = qrX + size + 6;
        g.DrawString("Xác thực văn bản số " + Nfc(request.Number) + ":", smallBold, XBrushes.Black, textX, qrY + 12);
        g.DrawString(request.VerificationUrl, small, XBrushes.Black, textX, qrY + 22);
        g.DrawString("Mã xác thực: " + request.VerificationCode, small, XBrushes.Black, textX, qrY + 32);
    }

    /// <summary>The QR code drawn as vector squares (no bitmap, no System.Drawing), quiet zone included.</summary>
    internal static void DrawQr(XGraphics g, string text, double x, double y, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var n = matrix.Count;
        var cell = size / n;
        g.DrawRectangle(XBrushes.White, x, y, size, size);
        for (var row = 0; row < n; row++)
        {
            for (var col = 0; col < n; col++)
            {
                if (matrix[row][col])
                {
                    // A hair wider than the cell, so neighbouring squares leave no seams when rendered.
                    g.DrawRectangle(XBrushes.Black, x + (col * cell), y + (row * cell), cell + 0.05, cell + 0.05);
                }
            }
        }
    }

    private static string Nfc(string s) => s.Normalize(NormalizationForm.FormC);

    /// <summary>The signer's visible signature: name, title, time; and the test warning when it applies.</summary>
    private sealed class SignerAppearance(SigningRequest request, string time, bool test) : IAnnotationAppearanceHandler
    {
        /// <remarks>The form's own space starts at (0, 0): PDFsharp passes the rectangle's page position, which is not used here.</remarks>
        public void DrawAppearance(XGraphics gfx, XRect rect)
        {
            rect = new XRect(0, 0, rect.Width, rect.Height);
            var blue = new XSolidBrush(SignatureBlue);
            var bold = new XFont(PdfFonts.Family, 8.5, XFontStyleEx.Bold);
            var regular = new XFont(PdfFonts.Family, 8);
            gfx.DrawRectangle(new XPen(SignatureBlue, 0.8), rect.X + 0.5, rect.Y + 0.5, rect.Width - 1, rect.Height - 1);
            var lines = new List<(string, XFont, XBrush)>
            {
                ("Ký bởi: " + Nfc(request.SignerName), bold, blue),
                (Nfc(string.Join(" - ", request.SignerTitleLines)), regular, blue),
                ("Thời gian ký: " + time, regular, blue),
            };
            if (test)
            {
                lines.Add((TestMark, bold, new XSolidBrush(AgencyRed)));
            }

            var y = rect.Y + 12;
            foreach (var (text, font, brush) in lines)
            {
                var w = gfx.MeasureString(text, font).Width;
                gfx.DrawString(text, font, brush, rect.X + Math.Max(3, (rect.Width - w) / 2), y);
                y += 12;
            }
        }
    }
}

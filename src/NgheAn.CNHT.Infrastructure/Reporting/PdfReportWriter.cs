using NgheAn.CNHT.Application.Issuing;
using NgheAn.CNHT.Application.Reports;
using PdfSharp.Drawing;

namespace NgheAn.CNHT.Infrastructure.Reporting;

/// <summary>
/// Renders report models as PDF (PDFsharp 6.2.4, embedded Liberation Serif). Tables go on A4 landscape pages,
/// the report document on A4 portrait in the Decree 30/2020/NĐ-CP layout with its appendix attached on landscape pages.
/// </summary>
internal static class PdfReportWriter
{
    public static byte[] Write(IReportModel model, DocumentHeader? issue) => WriteWithSignerBox(model, issue).Content;

    /// <summary>
    /// The PDF and where the signer's visible signature goes: the space between the signer's title and name of the
    /// report document, or a signer block added after the last table of an issued table report.
    /// </summary>
    public static RenderedPdf WriteWithSignerBox(IReportModel model, DocumentHeader? issue)
    {
        using var pdf = new PdfComposer(Title(model));
        SignerBox? box = null;
        if (model is ReportDocument document)
        {
            box = WriteDocument(pdf, document);
        }

        foreach (var sheet in ReportSheets.For(model, issue))
        {
            WriteSheet(pdf, sheet);
        }

        if (box is null && issue is not null)
        {
            box = WriteSignerBlock(pdf, issue);
        }

        var content = pdf.Finish();
        return new RenderedPdf(content, box ?? new SignerBox(0, pdf.Left, 0, 0, 0));
    }

    /// <summary>The signer's title and name at the lower right, with room for the signature between them.</summary>
    private static SignerBox WriteSignerBlock(PdfComposer pdf, DocumentHeader h)
    {
        var signerFont = PdfComposer.Font(13, bold: true);
        pdf.KeepTogether((PdfComposer.LineHeight(signerFont) * (h.SignerTitleLines.Count + 2)) + 80);
        pdf.Y += 10;
        var x = pdf.Left + (pdf.Width * 0.55);
        var width = pdf.Width * 0.45;
        var top = pdf.Y;
        var titleHeight = pdf.Block(h.SignerTitleLines.Select(l => (l, signerFont)), x, width, top);
        var nameTop = top + titleHeight + 70;
        pdf.Block([(h.SignerName ?? "", signerFont)], x, width, nameTop);
        pdf.Y = nameTop + PdfComposer.LineHeight(signerFont);
        return new SignerBox(pdf.PageIndex, x, top + titleHeight + 2, width, 66);
    }

    private static string Title(IReportModel model) =>
        $"{model.Kind.Title()} — {model.ProgramName} ({ReportText.Period(model.FromYear, model.ToYear)})";

    private static void WriteSheet(PdfComposer pdf, ReportSheet sheet)
    {
        pdf.NewPage(sheet.Landscape);
        foreach (var line in sheet.Title)
        {
            pdf.Paragraph(line, PdfComposer.Font(13, bold: true), TextAlign.Center, spaceAfter: 0);
        }

        if (sheet.Reference is not null)
        {
            pdf.Paragraph(sheet.Reference, PdfComposer.Font(12, italic: true), TextAlign.Center, spaceAfter: 0);
        }

        if (sheet.Subtitle is not null)
        {
            pdf.Paragraph(sheet.Subtitle, PdfComposer.Font(12, italic: true), TextAlign.Center, spaceAfter: 0);
        }

        pdf.Paragraph(sheet.Unit, PdfComposer.Font(11, italic: true), TextAlign.Right, spaceAfter: 2);
        pdf.Table(sheet.Columns, sheet.Rows);
        pdf.Y += 6;
        foreach (var note in sheet.Footnotes ?? [])
        {
            pdf.Paragraph(note, PdfComposer.Font(10.5, italic: true), TextAlign.Left, spaceAfter: 2);
        }
    }

    private static SignerBox WriteDocument(PdfComposer pdf, ReportDocument d)
    {
        var h = d.Header;
        pdf.NewPage(landscape: false);
        if (h.IsDraft)
        {
            pdf.Block([("DỰ THẢO", PdfComposer.Font(12, bold: true))], pdf.Right - 80, 80, 8 * PdfComposer.Mm, TextAlign.Right);
        }

        // Header blocks: the issuing body on the left, the national motto on the right (Decree 30, Appendix I).
        var leftWidth = pdf.Width * 0.4;
        var rightX = pdf.Left + leftWidth;
        var rightWidth = pdf.Width - leftWidth;
        var top = pdf.Y;
        var parent = PdfComposer.Font(12.5);
        var issuer = PdfComposer.Font(12.5, bold: true);
        var used = pdf.Block([(h.ParentBody, parent), (h.Issuer, issuer)], pdf.Left, leftWidth, top);
        var issuerWidth = pdf.Measure(h.Issuer, issuer);
        var ruleLeft = pdf.Left + ((leftWidth - (issuerWidth * 0.45)) / 2);
        pdf.Rule(ruleLeft, ruleLeft + (issuerWidth * 0.45), top + used + 3);
        var motto = PdfComposer.Font(13, bold: true);
        var nation = PdfComposer.Font(12, bold: true);
        var usedRight = pdf.Block([("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", nation), ("Độc lập - Tự do - Hạnh phúc", motto)], rightX, rightWidth, top);
        var mottoWidth = pdf.Measure("Độc lập - Tự do - Hạnh phúc", motto);
        pdf.Rule(rightX + ((rightWidth - mottoWidth) / 2), rightX + ((rightWidth + mottoWidth) / 2), top + usedRight + 3);
        var second = top + Math.Max(used, usedRight) + 10;
        pdf.Block([(h.NumberLine, PdfComposer.Font(13))], pdf.Left, leftWidth, second);
        var dateHeight = pdf.Block([(h.DateLine, PdfComposer.Font(13, italic: true))], rightX, rightWidth, second);
        pdf.Y = second + dateHeight + 22;

        pdf.Paragraph(d.Title, PdfComposer.Font(14, bold: true), TextAlign.Center, spaceAfter: 2);
        pdf.Paragraph(d.Subject, PdfComposer.Font(14, bold: true), TextAlign.Center, spaceAfter: 2, lineFactor: 1.15);
        var third = pdf.Width / 3;
        pdf.Rule(pdf.Left + third, pdf.Left + (2 * third), pdf.Y + 2);
        pdf.Y += 20;

        var body = PdfComposer.Font(14);
        var bodyBold = PdfComposer.Font(14, bold: true);
        const double indent = 1 * 28.3465; // 1 cm first-line indent
        foreach (var block in d.Body)
        {
            switch (block.Kind)
            {
                case DocumentBlockKind.Heading:
                case DocumentBlockKind.Subheading:
                    pdf.KeepTogether(PdfComposer.LineHeight(bodyBold, 1.2) * 3);
                    pdf.Paragraph(block.Text, bodyBold, TextAlign.Justify, indent);
                    break;
                case DocumentBlockKind.Reference:
                    pdf.Paragraph(block.Text, PdfComposer.Font(14, italic: true), TextAlign.Center);
                    break;
                default:
                    pdf.Paragraph(block.Text, body, TextAlign.Justify, indent);
                    break;
            }
        }

        pdf.Paragraph(d.Closing, body, TextAlign.Justify, indent);
        pdf.Y += 8;

        // Recipients on the left, the signature on the right, kept on one page.
        var recipientsFont = PdfComposer.Font(11);
        var signerFont = PdfComposer.Font(13.5, bold: true);
        var recipientLines = d.Recipients.Select(r => ("- " + r, recipientsFont)).ToList();
        var blockHeight = Math.Max(
            PdfComposer.LineHeight(recipientsFont) * (recipientLines.Count + 2),
            (PdfComposer.LineHeight(signerFont) * (h.SignerTitleLines.Count + 1)) + 80);
        pdf.KeepTogether(blockHeight);
        var signTop = pdf.Y;
        var leftBlock = pdf.Width * 0.45;
        var recipientsHeight = pdf.Block([("Nơi nhận:", PdfComposer.Font(12, bold: true, italic: true)), .. recipientLines],
            pdf.Left, leftBlock, signTop, TextAlign.Left, 1.15);
        var titleHeight = pdf.Block(h.SignerTitleLines.Select(l => (l, signerFont)), pdf.Left + leftBlock, pdf.Width - leftBlock, signTop);
        var nameTop = signTop + titleHeight + 70;
        if (h.SignerName is not null)
        {
            pdf.Block([(h.SignerName, signerFont)], pdf.Left + leftBlock, pdf.Width - leftBlock, nameTop);
        }

        pdf.Y = Math.Max(signTop + recipientsHeight, nameTop + PdfComposer.LineHeight(signerFont));
        return new SignerBox(pdf.PageIndex, pdf.Left + leftBlock, signTop + titleHeight + 2, pdf.Width - leftBlock, 66);
    }
}

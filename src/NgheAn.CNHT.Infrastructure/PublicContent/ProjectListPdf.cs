using System.Globalization;
using NgheAn.CNHT.Application.PublicContent;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Suppliers;
using NgheAn.CNHT.Infrastructure.Reporting;

namespace NgheAn.CNHT.Infrastructure.PublicContent;

/// <summary>
/// The list of priority CNHT projects as a PDF in one language (ADR 0188), drawn with the reports' composer and fonts
/// (PDFsharp 6.2.4, embedded Liberation Serif, NFC text). It renders the model it is given and never reads the database.
/// </summary>
public sealed class ProjectListPdf : IProjectListPdf
{
    public byte[] Render(ProjectListDocument document)
    {
        var en = document.English;
        var culture = en ? CultureInfo.GetCultureInfo("en-GB") : VnFormat.Culture;
        using var pdf = new PdfComposer(en ? "Priority supporting-industry projects for investment — Nghe An" : "Danh mục dự án CNHT trọng điểm ưu tiên thu hút đầu tư — Nghệ An");
        pdf.NewPage(false);
        var h1 = PdfComposer.Font(14, bold: true);
        var h2 = PdfComposer.Font(12.5, bold: true);
        var body = PdfComposer.Font(12);
        var small = PdfComposer.Font(10.5, italic: true);
        pdf.Paragraph(en ? "NGHE AN PROVINCIAL PEOPLE'S COMMITTEE · DEPARTMENT OF INDUSTRY AND TRADE" : "UBND TỈNH NGHỆ AN · SỞ CÔNG THƯƠNG", PdfComposer.Font(11, bold: true), TextAlign.Center, spaceAfter: 8);
        pdf.Paragraph(en ? "LIST OF PRIORITY SUPPORTING-INDUSTRY PROJECTS FOR INVESTMENT ATTRACTION" : "DANH MỤC DỰ ÁN CÔNG NGHIỆP HỖ TRỢ TRỌNG ĐIỂM ƯU TIÊN THU HÚT ĐẦU TƯ", h1, TextAlign.Center, spaceAfter: 4);
        var generated = VnFormat.ToVietnamTime(document.GeneratedAtUtc);
        pdf.Paragraph((en ? "Generated on " : "Lập ngày ") + generated.ToString(en ? "d MMMM yyyy" : "dd/MM/yyyy", culture) + " · " + document.PublicUrl, small, TextAlign.Center, spaceAfter: 4);
        if (document.Projects.Any(p => p.IsSample))
        {
            pdf.Paragraph(en
                ? "Demonstration data: the projects marked (sample) are fictitious and their amounts are illustrative values (giá trị minh họa)."
                : "Dữ liệu mẫu: các dự án ghi (mẫu) là hư cấu, số tiền là giá trị minh họa.", small, TextAlign.Center, spaceAfter: 10);
        }

        if (document.Projects.Count == 0)
        {
            pdf.Paragraph(en ? "No project is on the list at present." : "Hiện chưa có dự án nào trong danh mục.", body, TextAlign.Left);
        }

        var n = 0;
        foreach (var p in document.Projects)
        {
            n++;
            pdf.KeepTogether(PdfComposer.LineHeight(h2) * 4);
            pdf.Paragraph($"{n}. {p.Title(en)}", h2, TextAlign.Left, spaceAfter: 2);
            void Field(string label, string? value)
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    pdf.Paragraph(label + ": " + value, body, TextAlign.Left, spaceAfter: 1, indent: 12);
                }
            }

            Field(en ? "Sector" : "Lĩnh vực", CnhtTaxonomy.Sector(p.SectorCode)?.Name(en));
            Field(en ? "Location" : "Địa điểm", p.Location(en) + (CnhtTaxonomy.Zone(p.ZoneCode) is { } zone && p.ZoneCode != "ngoai" ? " (" + zone.Name(en) + ")" : ""));
            Field(en ? "Scale" : "Quy mô", p.Scale(en));
            Field(en ? "Expected total investment" : "Tổng vốn đầu tư dự kiến", p.TotalInvestment is { } total
                ? (en ? total.ToString("#,##0", CultureInfo.InvariantCulture) + " VND" : VnFormat.Dong(total) + " đồng") + (p.IsSample ? (en ? " (illustrative value)" : " (giá trị minh họa)") : "")
                : null);
            Field(en ? "Form of investment" : "Hình thức đầu tư", p.InvestmentForm(en));
            Field(en ? "Description" : "Mô tả", p.Summary(en));
            Field(en ? "Contact" : "Đầu mối liên hệ", p.Contact);
            pdf.Y += 6;
        }

        return pdf.Finish();
    }
}

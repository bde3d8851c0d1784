using Microsoft.Extensions.Options;
using NgheAn.CNHT.Application.Reports;

namespace NgheAn.CNHT.Infrastructure.Reporting;

/// <summary>The Infrastructure side of <see cref="IReportRenderer"/>: PDF, Excel and HTML writers over the same sheets.</summary>
public sealed class ReportRenderer(IOptions<ReportSizeOptions> sizes) : IReportRenderer
{
    public byte[] Render(IReportModel model, ReportFormat format, DocumentHeader? issue = null) => format switch
    {
        ReportFormat.Pdf => PdfReportWriter.Write(model, issue),
        // A register above the threshold is written row by row, not through ClosedXML's in-memory workbook (ADR 0229).
        ReportFormat.Xlsx when model is ProposalRegister r && r.Rows.Count > sizes.Value.StreamedWorkbookRowsAbove => StreamedRegisterWorkbook.Write(r, issue),
        ReportFormat.Xlsx => ExcelReportWriter.Write(model, issue),
        ReportFormat.Html => HtmlReportWriter.Write(model, issue),
        ReportFormat.Docx => DocxReportWriter.Write(model, issue),
        _ => throw new ArgumentOutOfRangeException(nameof(format), "JSON is serialised by ReportService."),
    };

    public string HtmlFragment(IReportModel model, DocumentHeader? issue = null) => HtmlReportWriter.Fragment(model, issue);

    public RenderedPdf RenderPdf(IReportModel model, DocumentHeader issue) => PdfReportWriter.WriteWithSignerBox(model, issue);
}

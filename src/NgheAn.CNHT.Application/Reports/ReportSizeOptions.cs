using System.ComponentModel.DataAnnotations;

namespace NgheAn.CNHT.Application.Reports;

/// <summary>
/// How large a report file may grow before it is written another way (configuration section <see cref="Section"/>;
/// issue 21, round 23). The register is the one report whose rows grow with the data: 58.600 rows at national size.
/// </summary>
public sealed class ReportSizeOptions
{
    public const string Section = "ReportSize";

    /// <summary>
    /// The register's PDF and Word files hold at most this many proposals (ADR 0230): above it the download is refused with
    /// a Vietnamese message asking to narrow the years or to download Excel, instead of a file of thousands of pages whose
    /// rendering holds gigabytes (Word 2,5 GB and PDF 630 MB for 58.600 rows).
    /// </summary>
    [Range(1, 1_000_000)]
    public int PrintableRowLimit { get; set; } = 3_000;

    /// <summary>
    /// Above this many rows the register's Excel file is written row by row with the Open XML SDK (ADR 0229) instead of
    /// through ClosedXML's in-memory workbook; at or below it the file is the one ClosedXML writes.
    /// </summary>
    [Range(0, 1_000_000)]
    public int StreamedWorkbookRowsAbove { get; set; } = 2_000;
}

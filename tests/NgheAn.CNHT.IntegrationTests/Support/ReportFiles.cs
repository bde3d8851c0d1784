using System.Diagnostics;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace NgheAn.CNHT.IntegrationTests.Support;

/// <summary>Reads report files back the way a reader would: words of a PDF (PdfPig) and cells of a workbook (ClosedXML).</summary>
public static partial class ReportFiles
{
    /// <summary>One printed line: the words sharing a baseline on a page, left to right.</summary>
    public sealed record PdfLine(int Page, double Baseline, IReadOnlyList<string> Words)
    {
        public string Text => string.Join(' ', Words);
    }

    public sealed record PdfPageInfo(int Number, double Width, double Height, IReadOnlyList<PdfLine> Lines, IReadOnlyList<string> Fonts);

    public static IReadOnlyList<PdfPageInfo> ReadPdf(byte[] pdf)
    {
        using var document = PigDocument.Open(pdf);
        var pages = new List<PdfPageInfo>();
        foreach (var page in document.GetPages())
        {
            var words = page.GetWords()
                .Select(w => (Word: w, Baseline: Math.Round(w.Letters[0].StartBaseLine.Y, 1)))
                .ToList();
            var lines = new List<PdfLine>();
            foreach (var group in words.GroupBy(w => w.Baseline).OrderByDescending(g => g.Key))
            {
                lines.Add(new PdfLine(page.Number, group.Key, group.OrderBy(w => w.Word.BoundingBox.Left).Select(w => w.Word.Text).ToList()));
            }

            pages.Add(new PdfPageInfo(page.Number, page.Width, page.Height, lines,
                page.Letters.Select(l => l.FontName ?? "").Distinct().ToList()));
        }

        return pages;
    }

    public static string PdfText(byte[] pdf) => string.Join('\n', ReadPdf(pdf).SelectMany(p => p.Lines).Select(l => l.Text));

    [GeneratedRegex(@"^\d{1,3}(\.\d{3})*,\d{3}$")]
    public static partial Regex Million();

    [GeneratedRegex(@"^\d{1,3}(\.\d{3})*$")]
    public static partial Regex Count();

    [GeneratedRegex(@"^\d{1,3}(\.\d{3})*,\d{2}%$")]
    public static partial Regex Percent();

    /// <summary>
    /// The rows of an appendix table read back from the PDF: first word (the code, or "Tổng" for the total) →
    /// plan, count, total cost, provincial share, other sources, percentage, as printed.
    /// </summary>
    public static Dictionary<string, string[]> AppendixRows(byte[] pdf)
    {
        var rows = new Dictionary<string, string[]>();
        foreach (var line in ReadPdf(pdf).SelectMany(p => p.Lines))
        {
            var w = line.Words;
            for (var i = 1; i + 5 < w.Count; i++)
            {
                if ((Million().IsMatch(w[i]) || w[i] == "—") && Count().IsMatch(w[i + 1]) && Million().IsMatch(w[i + 2])
                    && Million().IsMatch(w[i + 3]) && Million().IsMatch(w[i + 4]) && (Percent().IsMatch(w[i + 5]) || w[i + 5] == "—"))
                {
                    rows[w[0]] = [w[i], w[i + 1], w[i + 2], w[i + 3], w[i + 4], w[i + 5]];
                    break;
                }
            }
        }

        return rows;
    }

    public static XLWorkbook OpenWorkbook(byte[] xlsx) => new(new MemoryStream(xlsx));

    /// <summary>The first row whose first cell is <paramref name="header"/> (the table's header row).</summary>
    public static int HeaderRow(IXLWorksheet sheet, string header) =>
        sheet.RowsUsed().First(r => r.Cell(1).GetString() == header).RowNumber();

    /// <summary>A money cell (triệu đồng, possibly a formula) back in whole đồng.</summary>
    public static decimal Dong(IXLCell cell) => Math.Round(Convert.ToDecimal(cell.Value, System.Globalization.CultureInfo.InvariantCulture) * 1_000_000m, 0);

    /// <summary>Runs pdftoppm (Debian poppler-utils) on the first page and returns the PNG's path.</summary>
    public static async Task<string> RenderFirstPageAsync(byte[] pdf, string name, int dpi = 60)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "test-output", "pdf");
        Directory.CreateDirectory(folder);
        var pdfPath = Path.Combine(folder, name + ".pdf");
        await File.WriteAllBytesAsync(pdfPath, pdf);
        var prefix = Path.Combine(folder, name);
        var psi = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-png", "-f", "1", "-l", "1", "-singlefile", pdfPath, prefix })
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("pdftoppm did not start (install Debian poppler-utils).");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pdftoppm failed: {error}");
        }

        return prefix + ".png";
    }
}

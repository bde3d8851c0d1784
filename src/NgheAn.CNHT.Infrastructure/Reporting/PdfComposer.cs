using System.Text;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace NgheAn.CNHT.Infrastructure.Reporting;

internal enum TextAlign
{
    Left,
    Center,
    Right,
    Justify,
}

/// <summary>
/// A small flow layout over PDFsharp: pages in A4 portrait or landscape with Decree 30/2020 margins, wrapped
/// and justified paragraphs, and ruled tables whose header row repeats on every page and whose rows are never
/// split across pages. Page numbers are added at the end, centred at the top, from page 2 on.
/// Every string is normalised to NFC: PDFsharp does no shaping, so decomposed diacritics would draw apart.
/// </summary>
internal sealed class PdfComposer : IDisposable
{
    public const double Mm = 72 / 25.4;
    public const double MarginTop = 20 * Mm;
    public const double MarginBottom = 20 * Mm;
    public const double MarginLeft = 30 * Mm;
    public const double MarginRight = 15 * Mm;
    private const double CellPadding = 3;

    private static readonly XColor RuleColor = XColor.FromArgb(60, 60, 60);
    private static readonly XBrush GroupFill = new XSolidBrush(XColor.FromArgb(245, 240, 230));
    private static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(235, 228, 214));

    private readonly PdfDocument _document = new();
    private PdfPage? _page;
    private XGraphics? _gfx;
    private bool _landscape;

    public PdfComposer(string title)
    {
        PdfFonts.EnsureConfigured();
        _document.Info.Title = Nfc(title);
        _document.Info.Author = "Sở Công Thương Nghệ An";
        _document.Info.Creator = "Cổng quản lý Chương trình phát triển công nghiệp hỗ trợ Nghệ An";
    }

    public double Y { get; set; }

    public double Left => MarginLeft;
    public double Width => PageWidth - MarginLeft - MarginRight;
    public double Right => PageWidth - MarginRight;
    private double PageWidth => _page?.Width.Point ?? 0;
    private double Bottom => (_page?.Height.Point ?? 0) - MarginBottom;
    public double Remaining => Bottom - Y;
    public bool Landscape => _landscape;
    public int PageIndex => _document.PageCount - 1;

    public static XFont Font(double size, bool bold = false, bool italic = false) =>
        new(PdfFonts.Family, size, (bold, italic) switch
        {
            (true, true) => XFontStyleEx.BoldItalic,
            (true, false) => XFontStyleEx.Bold,
            (false, true) => XFontStyleEx.Italic,
            _ => XFontStyleEx.Regular,
        });

    public static string Nfc(string? s) => (s ?? "").Normalize(NormalizationForm.FormC);

    public static double LineHeight(XFont font, double factor = 1.15) => font.Size * factor;

    /// <summary>Liberation Serif's ascender (as Times New Roman's: 1825 of 2048 font units), per point of font size.</summary>
    private const double AscenderPerEm = 0.891;

    private static double Ascent(XFont font) => font.Size * AscenderPerEm;

    public void NewPage(bool landscape)
    {
        _gfx?.Dispose();
        _page = _document.AddPage();
        _page.Size = PageSize.A4;
        _page.Orientation = landscape ? PageOrientation.Landscape : PageOrientation.Portrait;
        _landscape = landscape;
        _gfx = XGraphics.FromPdfPage(_page);
        Y = MarginTop;
    }

    private XGraphics G => _gfx ?? throw new InvalidOperationException("No page yet.");

    public double Measure(string text, XFont font) => G.MeasureString(text, font).Width;

    /// <summary>Greedy word wrap; words longer than the width are broken by characters.</summary>
    public List<string> Wrap(string? text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in Nfc(text).Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var words = paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var current = "";
            foreach (var word in words)
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (Measure(candidate, font) <= width)
                {
                    current = candidate;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current);
                }

                current = word;
                while (Measure(current, font) > width && current.Length > 1)
                {
                    var cut = current.Length - 1;
                    while (cut > 1 && Measure(current[..cut], font) > width)
                    {
                        cut--;
                    }

                    lines.Add(current[..cut]);
                    current = current[cut..];
                }
            }

            lines.Add(current);
        }

        return lines;
    }

    public void DrawLine(string line, XFont font, double x, double width, double top, TextAlign align, bool lastLine)
    {
        var baseline = top + Ascent(font);
        switch (align)
        {
            case TextAlign.Center:
                G.DrawString(line, font, XBrushes.Black, x + ((width - Measure(line, font)) / 2), baseline);
                break;
            case TextAlign.Right:
                G.DrawString(line, font, XBrushes.Black, x + width - Measure(line, font), baseline);
                break;
            case TextAlign.Justify when !lastLine:
                var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length < 2)
                {
                    goto default;
                }

                var gap = (width - words.Sum(w => Measure(w, font))) / (words.Length - 1);
                var cursor = x;
                foreach (var w in words)
                {
                    G.DrawString(w, font, XBrushes.Black, cursor, baseline);
                    cursor += Measure(w, font) + gap;
                }

                break;
            default:
                G.DrawString(line, font, XBrushes.Black, x, baseline);
                break;
        }
    }

    /// <summary>A paragraph in the flow, continuing on a new page (same orientation) when the page is full.</summary>
    public void Paragraph(string text, XFont font, TextAlign align = TextAlign.Justify, double firstIndent = 0, double spaceAfter = 6,
        double lineFactor = 1.2, double indent = 0)
    {
        // Line breaks typed in an explanation start new paragraphs, each with its own first-line indent.
        var parts = Nfc(text).Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var p = 0; p < parts.Length; p++)
        {
            OneParagraph(parts[p], font, align, firstIndent, p == parts.Length - 1 ? spaceAfter : 0, lineFactor, indent);
        }

        if (parts.Length == 0)
        {
            Y += spaceAfter;
        }
    }

    private void OneParagraph(string text, XFont font, TextAlign align, double firstIndent, double spaceAfter, double lineFactor, double indent)
    {
        var lh = LineHeight(font, lineFactor);
        var x = Left + indent;
        var width = Width - indent;
        // Wrap the first line narrower by the indent, then the rest at full width.
        var all = Wrap(text, font, width - firstIndent);
        var lines = new List<string>();
        if (all.Count > 0)
        {
            lines.Add(all[0]);
            if (all.Count > 1)
            {
                lines.AddRange(Wrap(string.Join(' ', all.Skip(1)), font, width));
            }
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (Y + lh > Bottom)
            {
                NewPage(_landscape);
            }

            var offset = i == 0 ? firstIndent : 0;
            DrawLine(lines[i], font, x + offset, width - offset, Y, align, i == lines.Count - 1);
            Y += lh;
        }

        Y += spaceAfter;
    }

    /// <summary>Lines drawn in a box at a given position, outside the flow (header blocks, signature). Returns the height used.</summary>
    public double Block(IEnumerable<(string Text, XFont Font)> lines, double x, double width, double top, TextAlign align = TextAlign.Center, double lineFactor = 1.2)
    {
        var y = top;
        foreach (var (text, font) in lines)
        {
            var wrapped = Wrap(text, font, width);
            foreach (var line in wrapped)
            {
                DrawLine(line, font, x, width, y, align, true);
                y += LineHeight(font, lineFactor);
            }
        }

        return y - top;
    }

    public void Rule(double x1, double x2, double y, double thickness = 0.6) => G.DrawLine(new XPen(XColors.Black, thickness), x1, y, x2, y);

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one.</summary>
    public void KeepTogether(double height)
    {
        if (Y + height > Bottom)
        {
            NewPage(_landscape);
        }
    }

    /// <summary>
    /// A ruled table. The header row is drawn at the top of each page the table covers; a row that does not
    /// fit in what is left of a page moves whole to the next page (only a row taller than a whole page is split).
    /// </summary>
    public void Table(IReadOnlyList<SheetColumn> columns, IReadOnlyList<SheetRow> rows, double fontSize = 10.5)
    {
        var regular = Font(fontSize);
        var bold = Font(fontSize, bold: true);
        var lh = LineHeight(regular, 1.18);
        var scale = Width / columns.Sum(c => c.Width);
        var widths = columns.Select(c => c.Width * scale).ToArray();

        var header = columns.Select((c, i) => Wrap(c.Header, bold, widths[i] - (2 * CellPadding))).ToList();
        var headerHeight = (header.Max(h => h.Count) * lh) + (2 * CellPadding);

        void DrawHeader()
        {
            DrawRow(header, headerHeight, widths, columns.Select(_ => TextAlign.Center).ToArray(), bold, lh, HeaderFill);
        }

        var aligns = columns.Select(c => c.Kind switch
        {
            CellKind.Text => TextAlign.Left,
            CellKind.Code => TextAlign.Center,
            _ => TextAlign.Right,
        }).ToArray();

        List<List<string>> Layout(SheetRow row) =>
            row.Cells.Select((c, i) => Wrap(ReportSheets.Display(c, columns[i].Kind), row.Kind == RowKind.Item ? regular : bold, widths[i] - (2 * CellPadding))).ToList();
        double Height(List<List<string>> cells) => (cells.Max(c => c.Count) * lh) + (2 * CellPadding);

        var first = true;
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var font = row.Kind == RowKind.Item ? regular : bold;
            var cells = Layout(row);
            var lines = cells.Max(c => c.Count);
            var height = Height(cells);
            var fill = row.Kind == RowKind.Item ? null : GroupFill;
            // A group row stays on the page of its first item.
            var keep = row.Kind == RowKind.Group && r + 1 < rows.Count && rows[r + 1].Kind == RowKind.Item ? Height(Layout(rows[r + 1])) : 0;
            if (first || Y + height + keep > Bottom)
            {
                if (!first || Y + headerHeight + height + keep > Bottom)
                {
                    NewPage(_landscape);
                }

                DrawHeader();
                first = false;
            }

            var fresh = Bottom - MarginTop - headerHeight;
            if (height <= fresh || Y + height <= Bottom)
            {
                DrawRow(cells, height, widths, aligns, font, lh, fill);
                continue;
            }

            // Taller than a whole page: the one case where a row continues on the next page.
            var start = 0;
            while (start < lines)
            {
                var fit = Math.Max(1, (int)Math.Floor((Bottom - Y - (2 * CellPadding)) / lh));
                var part = cells.Select(c => c.Skip(start).Take(fit).ToList()).ToList();
                var partLines = part.Max(p => p.Count);
                DrawRow(part, (partLines * lh) + (2 * CellPadding), widths, aligns, font, lh, fill);
                start += fit;
                if (start < lines)
                {
                    NewPage(_landscape);
                    DrawHeader();
                }
            }
        }
    }

    private void DrawRow(IReadOnlyList<List<string>> cells, double height, double[] widths, TextAlign[] aligns, XFont font, double lh, XBrush? fill)
    {
        var x = Left;
        var pen = new XPen(RuleColor, 0.5);
        for (var i = 0; i < widths.Length; i++)
        {
            if (fill is not null)
            {
                G.DrawRectangle(fill, x, Y, widths[i], height);
            }

            G.DrawRectangle(pen, x, Y, widths[i], height);
            var top = Y + CellPadding;
            foreach (var line in cells[i])
            {
                DrawLine(line, font, x + CellPadding, widths[i] - (2 * CellPadding), top, aligns[i], true);
                top += lh;
            }

            x += widths[i];
        }

        Y += height;
    }

    /// <summary>Numbers the pages (centred at the top, not on the first page, as Decree 30 asks) and returns the file.</summary>
    public byte[] Finish()
    {
        _gfx?.Dispose();
        _gfx = null;
        var font = Font(13);
        for (var i = 1; i < _document.PageCount; i++)
        {
            var page = _document.Pages[i];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var text = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var width = g.MeasureString(text, font).Width;
            g.DrawString(text, font, XBrushes.Black, (page.Width.Point - width) / 2, (10 * Mm) + Ascent(font));
        }

        using var stream = new MemoryStream();
        _document.Save(stream, false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _document.Dispose();
    }
}

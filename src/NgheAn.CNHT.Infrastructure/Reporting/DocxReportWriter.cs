using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using NgheAn.CNHT.Application.Reports;

namespace NgheAn.CNHT.Infrastructure.Reporting;

/// <summary>
/// Renders report models as Word documents (DocumentFormat.OpenXml 2.20.0, the version ClosedXML already uses) in
/// the Decree 30/2020/NĐ-CP layout: A4 portrait with 20/20/30/15 mm margins for the text, Times New Roman (with
/// Liberation Serif named as its substitute) 13-14 pt, the two-column heading table, justified body, "Nơi nhận" and
/// the signer block; every table of the report as a real Word table on A4 landscape pages, header row repeated.
/// Figures are the model's own, shown as the PDF shows them (ADR 0130).
/// </summary>
internal static class DocxReportWriter
{
    public const string FontName = "Times New Roman";
    public const string FallbackFont = "Liberation Serif";

    // Twentieths of a point (twips): A4 is 11906 × 16838; 1 mm = 56.7 twips.
    private const int A4Short = 11906;
    private const int A4Long = 16838;
    private const int MarginTop = 1134;
    private const int MarginBottom = 1134;
    private const int MarginLeft = 1701;
    private const int MarginRight = 851;

    public static byte[] Write(IReportModel model, DocumentHeader? issue)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            AddStyles(main);
            AddFontTable(main);
            var headerId = AddPageNumberHeader(main);
            word.PackageProperties.Title = $"{model.Kind.Title()} — {model.ProgramName} ({ReportText.Period(model.FromYear, model.ToYear)})";
            word.PackageProperties.Creator = "Sở Công Thương Nghệ An";
            word.PackageProperties.Language = "vi-VN";

            var body = new Body();
            var sheets = ReportSheets.For(model, issue);
            if (model is ReportDocument document)
            {
                WriteDocument(body, document);
                // The text's section ends here (portrait); the appendix follows on landscape pages.
                body.Append(new Paragraph(new ParagraphProperties(Section(landscape: false, headerId))));
            }

            for (var i = 0; i < sheets.Count; i++)
            {
                WriteSheet(body, sheets[i], pageBreakBefore: i > 0);
            }

            if (model is not ReportDocument && issue is not null)
            {
                body.Append(SignerTable(null, issue));
            }

            body.Append(Section(landscape: sheets.Count > 0 && sheets[^1].Landscape, headerId));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static string Nfc(string? s) => (s ?? "").Normalize(NormalizationForm.FormC);

    private static Run TextRun(string text, double size, bool bold = false, bool italic = false)
    {
        var props = new RunProperties();
        if (bold)
        {
            props.Append(new Bold());
        }

        if (italic)
        {
            props.Append(new Italic());
        }

        var halfPoints = ((int)Math.Round(size * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        props.Append(new FontSize { Val = halfPoints }, new FontSizeComplexScript { Val = halfPoints });
        return new Run(props, new Text(Nfc(text)) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static Paragraph Para(string text, double size, JustificationValues align, bool bold = false, bool italic = false,
        int firstLine = 0, int after = 0, ParagraphBorders? borders = null, int indentLeft = 0, int indentRight = 0, bool keepNext = false)
    {
        var props = new ParagraphProperties();
        if (keepNext)
        {
            props.Append(new KeepNext());
        }

        if (borders is not null)
        {
            props.Append(borders);
        }

        props.Append(new SpacingBetweenLines { Before = "0", After = after.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (firstLine > 0 || indentLeft > 0 || indentRight > 0)
        {
            props.Append(new Indentation
            {
                FirstLine = firstLine > 0 ? firstLine.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                Left = indentLeft > 0 ? indentLeft.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                Right = indentRight > 0 ? indentRight.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            });
        }

        props.Append(new Justification { Val = align });
        return new Paragraph(props, TextRun(text, size, bold, italic));
    }

    /// <summary>A short horizontal rule: an empty paragraph with a bottom border, narrowed by indents.</summary>
    private static Paragraph Rule(int indent) =>
        new(new ParagraphProperties(
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" }),
            new SpacingBetweenLines { Before = "0", After = "60", Line = "60", LineRule = LineSpacingRuleValues.Exact },
            new Indentation { Left = indent.ToString(System.Globalization.CultureInfo.InvariantCulture), Right = indent.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new Justification { Val = JustificationValues.Center }));

    private static void WriteDocument(Body body, ReportDocument d)
    {
        var h = d.Header;
        if (h.IsDraft)
        {
            body.Append(Para("DỰ THẢO", 12, JustificationValues.Right, bold: true));
        }

        // Heading table (Decree 30, Appendix I): issuing body on the left, national title on the right, no borders.
        const int leftWidth = 3737; // 40 % of the text width
        const int rightWidth = A4Short - MarginLeft - MarginRight - leftWidth;
        var left = new List<OpenXmlElement>
        {
            Para(h.ParentBody, 13, JustificationValues.Center),
            Para(h.Issuer, 13, JustificationValues.Center, bold: true),
            Rule(1100),
            Para(h.NumberLine, 13, JustificationValues.Center),
        };
        var right = new List<OpenXmlElement>
        {
            Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, JustificationValues.Center, bold: true),
            Para("Độc lập - Tự do - Hạnh phúc", 13, JustificationValues.Center, bold: true),
            Rule(1250),
            Para(h.DateLine, 13, JustificationValues.Center, italic: true),
        };
        body.Append(LayoutTable([leftWidth, rightWidth], [left, right]));

        body.Append(Para("", 13, JustificationValues.Center));
        body.Append(Para(d.Title, 14, JustificationValues.Center, bold: true, keepNext: true));
        body.Append(Para(d.Subject, 14, JustificationValues.Center, bold: true, keepNext: true));
        body.Append(Rule(3200));
        body.Append(Para("", 14, JustificationValues.Center));

        const int indent = 567; // 1 cm first-line indent
        foreach (var block in d.Body)
        {
            foreach (var text in Nfc(block.Text).Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                body.Append(block.Kind switch
                {
                    DocumentBlockKind.Heading or DocumentBlockKind.Subheading =>
                        Para(text, 14, JustificationValues.Both, bold: true, firstLine: indent, after: 120, keepNext: true),
                    DocumentBlockKind.Reference => Para(text, 14, JustificationValues.Center, italic: true, after: 120),
                    _ => Para(text, 14, JustificationValues.Both, firstLine: indent, after: 120),
                });
            }
        }

        body.Append(Para(d.Closing, 14, JustificationValues.Both, firstLine: indent, after: 240));
        body.Append(SignerTable(d.Recipients, h));
    }

    /// <summary>"Nơi nhận" and recipients on the left; the signer's title, room for the signature and name on the right.</summary>
    private static Table SignerTable(IReadOnlyList<string>? recipients, DocumentHeader h)
    {
        const int leftWidth = 4500;
        const int rightWidth = A4Short - MarginLeft - MarginRight - leftWidth;
        var left = new List<OpenXmlElement>();
        if (recipients is not null)
        {
            left.Add(Para("Nơi nhận:", 12, JustificationValues.Left, bold: true, italic: true));
            left.AddRange(recipients.Select(r => Para("- " + r, 11, JustificationValues.Left)));
        }
        else
        {
            left.Add(Para("", 11, JustificationValues.Left));
        }

        var right = new List<OpenXmlElement>();
        right.AddRange(h.SignerTitleLines.Select(l => Para(l, 13, JustificationValues.Center, bold: true, keepNext: true)));
        for (var i = 0; i < 4; i++)
        {
            right.Add(Para("", 13, JustificationValues.Center, keepNext: true));
        }

        right.Add(Para(h.SignerName ?? "", 13, JustificationValues.Center, bold: true));
        var table = LayoutTable([leftWidth, rightWidth], [left, right]);
        // The signer block is never split across pages.
        table.GetFirstChild<TableRow>()!.PrependChild(new TableRowProperties(new CantSplit()));
        return table;
    }

    /// <summary>A borderless table used for layout (heading blocks, signature).</summary>
    private static Table LayoutTable(int[] widths, List<OpenXmlElement>[] cells)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(
                new TopBorder { Val = BorderValues.Nil }, new LeftBorder { Val = BorderValues.Nil }, new BottomBorder { Val = BorderValues.Nil },
                new RightBorder { Val = BorderValues.Nil }, new InsideHorizontalBorder { Val = BorderValues.Nil }, new InsideVerticalBorder { Val = BorderValues.Nil })));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        var row = new TableRow();
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = new TableCell(new TableCellProperties(new TableCellWidth
            {
                Width = widths[i].ToString(System.Globalization.CultureInfo.InvariantCulture),
                Type = TableWidthUnitValues.Dxa,
            }));
            cell.Append(cells[i].Select(e => e.CloneNode(true)));
            row.Append(cell);
        }

        table.Append(row);
        return table;
    }

    private static void WriteSheet(Body body, ReportSheet sheet, bool pageBreakBefore)
    {
        var first = true;
        foreach (var line in sheet.Title)
        {
            var p = Para(line, 13, JustificationValues.Center, bold: true, keepNext: true);
            if (first && pageBreakBefore)
            {
                p.ParagraphProperties!.PrependChild(new PageBreakBefore());
            }

            first = false;
            body.Append(p);
        }

        if (sheet.Reference is not null)
        {
            body.Append(Para(sheet.Reference, 12, JustificationValues.Center, italic: true, keepNext: true));
        }

        if (sheet.Subtitle is not null)
        {
            body.Append(Para(sheet.Subtitle, 12, JustificationValues.Center, italic: true, keepNext: true));
        }

        body.Append(Para(sheet.Unit, 11, JustificationValues.Right, italic: true, after: 60, keepNext: true));
        body.Append(DataTable(sheet));
        body.Append(Para("", 6, JustificationValues.Left));
        foreach (var note in sheet.Footnotes ?? [])
        {
            body.Append(Para(note, 10.5, JustificationValues.Left, italic: true, after: 40));
        }
    }

    /// <summary>The figures as a real Word table: ruled, header row repeated on each page, rows never split, sums in bold.</summary>
    private static Table DataTable(ReportSheet sheet)
    {
        var usable = (sheet.Landscape ? A4Long : A4Short) - MarginLeft - MarginRight;
        var scale = usable / sheet.Columns.Sum(c => c.Width);
        var widths = sheet.Columns.Select(c => (int)Math.Floor(c.Width * scale)).ToArray();
        static string S(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var border = () => new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4, Color = "3C3C3C" },
            new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "3C3C3C" },
            new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "3C3C3C" },
            new RightBorder { Val = BorderValues.Single, Size = 4, Color = "3C3C3C" },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "3C3C3C" },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "3C3C3C" });
        var table = new Table(new TableProperties(
            new TableWidth { Width = S(widths.Sum()), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            border(),
            new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 60, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 60, Type = TableWidthValues.Dxa })));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = S(w) })));

        TableCell Cell(string text, int width, JustificationValues align, bool bold, string? fill)
        {
            var props = new TableCellProperties(new TableCellWidth { Width = S(width), Type = TableWidthUnitValues.Dxa });
            if (fill is not null)
            {
                props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
            }

            props.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
            return new TableCell(props, Para(text, 10.5, align, bold: bold));
        }

        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < sheet.Columns.Count; i++)
        {
            header.Append(Cell(sheet.Columns[i].Header, widths[i], JustificationValues.Center, true, "EBE4D6"));
        }

        table.Append(header);
        foreach (var row in sheet.Rows)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            var bold = row.Kind != RowKind.Item;
            for (var i = 0; i < sheet.Columns.Count; i++)
            {
                var kind = sheet.Columns[i].Kind;
                var align = kind switch
                {
                    CellKind.Text => JustificationValues.Left,
                    CellKind.Code => JustificationValues.Center,
                    _ => JustificationValues.Right,
                };
                tr.Append(Cell(ReportSheets.Display(row.Cells[i], kind), widths[i], align, bold, bold ? "F5F0E6" : null));
            }

            table.Append(tr);
        }

        return table;
    }

    private static SectionProperties Section(bool landscape, string headerId) =>
        new(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = headerId },
            landscape
                ? new PageSize { Width = A4Long, Height = A4Short, Orient = PageOrientationValues.Landscape }
                : new PageSize { Width = A4Short, Height = A4Long },
            new PageMargin { Top = MarginTop, Bottom = MarginBottom, Left = MarginLeft, Right = MarginRight, Header = 567, Footer = 567, Gutter = 0 },
            // Decree 30: page numbers centred at the top, not on the first page.
            new TitlePage());

    private static string AddPageNumberHeader(MainDocumentPart main)
    {
        var part = main.AddNewPart<HeaderPart>();
        var size = new FontSize { Val = "26" };
        part.Header = new Header(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(new RunProperties((FontSize)size.CloneNode(true)), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new RunProperties((FontSize)size.CloneNode(true)), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new RunProperties((FontSize)size.CloneNode(true)), new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new RunProperties((FontSize)size.CloneNode(true)), new Text("2")),
            new Run(new RunProperties((FontSize)size.CloneNode(true)), new FieldChar { FieldCharType = FieldCharValues.End })));
        part.Header.Save();
        return main.GetIdOfPart(part);
    }

    /// <summary>Times New Roman everywhere (Latin, complex script and East Asian slots), Vietnamese as the proofing language.</summary>
    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName, EastAsia = FontName },
                    new FontSize { Val = "28" },
                    new FontSizeComplexScript { Val = "28" },
                    new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "0", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Normal Table" }, new TableProperties(new TableCellMarginDefault(
                new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });
        part.Styles.Save();
    }

    /// <summary>Names Liberation Serif (same metrics) as the substitute where Times New Roman is not installed.</summary>
    private static void AddFontTable(MainDocumentPart main)
    {
        var part = main.AddNewPart<FontTablePart>();
        part.Fonts = new Fonts(new Font(
            new AltName { Val = FallbackFont },
            new Panose1Number { Val = "02020603050405020304" },
            new FontCharSet { Val = "00" },
            new FontFamily { Val = FontFamilyValues.Roman },
            new Pitch { Val = FontPitchValues.Variable })
        { Name = FontName });
        part.Fonts.Save();
    }
}

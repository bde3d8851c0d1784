using ClosedXML.Excel;
using NgheAn.CNHT.Application.Reports;

namespace NgheAn.CNHT.Infrastructure.Reporting;

/// <summary>
/// Renders report models as Excel workbooks (ClosedXML 0.95.4): one sheet per table, amounts in triệu đồng,
/// group and total rows as live SUM formulas, "other sources" and percentages as formulas, frozen header,
/// A4 landscape fitted to the page width with the header row repeated. Column widths are set explicitly:
/// AdjustToContents needs libgdiplus, which Linux servers lack.
/// </summary>
internal static class ExcelReportWriter
{
    private const string MoneyFormat = "#,##0.000";
    private const string PlanFormat = "#,##0.000;-#,##0.000;\"—\"";
    private const string PercentFormat = "0.00%";
    private const string CountFormat = "#,##0";

    /// <summary>Characters Excel refuses in a sheet name.</summary>
    private static readonly char[] Forbidden = ['[', ']', ':', '*', '?', '/', '\\'];

    public static byte[] Write(IReportModel model, DocumentHeader? issue) => Write(model, ReportSheets.For(model, issue));

    /// <summary>The workbook of <paramref name="model"/> with the given sheets (the streamed register's skeleton gives sample rows, ADR 0229).</summary>
    public static byte[] Write(IReportModel model, IReadOnlyList<ReportSheet> sheets)
    {
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = PdfComposer.Nfc($"{model.Kind.Title()} — {model.ProgramName}");
        workbook.Properties.Author = "Sở Công Thương Nghệ An";
        workbook.Properties.Company = "Sở Công Thương Nghệ An";
        // Formulas are saved with their results (EvaluateFormulasBeforeSaving below), for viewers that never compute
        // (previews, phones); spreadsheet programs are still asked to compute them again on opening.
        workbook.FullCalculationOnLoad = true;
        if (model is ReportDocument document)
        {
            WriteDocument(workbook, document);
        }

        foreach (var sheet in sheets)
        {
            WriteSheet(workbook, sheet);
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream, new SaveOptions { EvaluateFormulasBeforeSaving = true });
        return stream.ToArray();
    }

    /// <summary>A sheet name Excel accepts: none of []:*?/\, not starting or ending with an apostrophe, at most 31 characters.</summary>
    public static string SheetName(string name)
    {
        var clean = new string(PdfComposer.Nfc(name).Select(c => Forbidden.Contains(c) ? '-' : c).ToArray()).Trim().Trim('\'');
        if (clean.Length > 31)
        {
            clean = clean[..31].TrimEnd();
        }

        return clean.Length == 0 ? "Báo cáo" : clean;
    }

    /// <summary>The sheet's header row (column titles): after the title lines, the reference, the subtitle and the unit.</summary>
    public static int HeaderRow(ReportSheet sheet) =>
        1 + sheet.Title.Count + (sheet.Reference is null ? 0 : 1) + (sheet.Subtitle is null ? 0 : 1) + 1;

    /// <summary>The height (points) <see cref="FitHeight"/> gives a data row of the sheet.</summary>
    public static double RowHeight(ReportSheet sheet, SheetRow data) =>
        Math.Max(1, sheet.Columns.Select((col, c) => LinesFor(col.Kind == CellKind.Text ? ReportSheets.Display(data.Cells[c], col.Kind) : "",
            Math.Round(col.Width / 5.2, 1), data.Kind != RowKind.Item)).Max()) * LineHeight;

    private static void WriteSheet(XLWorkbook workbook, ReportSheet sheet)
    {
        var ws = workbook.AddWorksheet(SheetName(sheet.Name));
        var columnCount = sheet.Columns.Count;
        var row = 1;
        foreach (var line in sheet.Title)
        {
            Banner(ws, row++, columnCount, line).Style.Font.SetBold(true).Font.SetFontSize(13);
        }

        if (sheet.Reference is not null)
        {
            Banner(ws, row++, columnCount, sheet.Reference).Style.Font.SetItalic(true);
        }

        if (sheet.Subtitle is not null)
        {
            Banner(ws, row++, columnCount, sheet.Subtitle).Style.Font.SetItalic(true);
        }

        var unit = ws.Cell(row, columnCount);
        InertCell.SetText(unit, sheet.Unit);
        unit.Style.Font.SetItalic(true).Alignment.SetHorizontal(XLAlignmentHorizontalValues.Right);
        row++;

        var headerRow = row;
        for (var c = 0; c < columnCount; c++)
        {
            var cell = ws.Cell(headerRow, c + 1);
            InertCell.SetText(cell, PdfComposer.Nfc(sheet.Columns[c].Header));
            cell.Style.Font.SetBold(true)
                .Fill.SetBackgroundColor(XLColor.FromArgb(235, 228, 214))
                .Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center)
                .Alignment.SetVertical(XLAlignmentVerticalValues.Center)
                .Alignment.SetWrapText(true);
            ws.Column(c + 1).Width = Math.Round(sheet.Columns[c].Width / 5.2, 1);
        }

        FitHeight(ws.Row(headerRow), sheet.Columns.Select(c => (c.Header, Math.Round(c.Width / 5.2, 1))), bold: true);

        var first = headerRow + 1;
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var data = sheet.Rows[r];
            var excelRow = first + r;
            for (var c = 0; c < columnCount; c++)
            {
                var cell = ws.Cell(excelRow, c + 1);
                Fill(cell, data, sheet.Columns[c].Kind, data.Cells[c], excelRow, first);
            }

            if (data.Kind != RowKind.Item)
            {
                ws.Range(excelRow, 1, excelRow, columnCount).Style.Font.SetBold(true).Fill.SetBackgroundColor(XLColor.FromArgb(245, 240, 230));
            }

            FitHeight(ws.Row(excelRow),
                sheet.Columns.Select((col, c) => (col.Kind == CellKind.Text ? ReportSheets.Display(data.Cells[c], col.Kind) : "", Math.Round(col.Width / 5.2, 1))),
                bold: data.Kind != RowKind.Item);
        }

        var table = ws.Range(headerRow, 1, first + sheet.Rows.Count - 1, columnCount);
        table.Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin);
        table.Style.Font.SetFontName("Times New Roman");
        var after = first + sheet.Rows.Count + 1;
        foreach (var note in sheet.Footnotes ?? [])
        {
            var cell = ws.Cell(after++, 1);
            InertCell.SetText(cell, PdfComposer.Nfc(note));
            cell.Style.Font.SetItalic(true);
        }

        ws.Style.Font.SetFontName("Times New Roman");
        ws.SheetView.FreezeRows(headerRow);
        var setup = ws.PageSetup;
        setup.PaperSize = XLPaperSize.A4Paper;
        setup.PageOrientation = sheet.Landscape ? XLPageOrientation.Landscape : XLPageOrientation.Portrait;
        setup.FitToPages(1, 0);
        setup.SetRowsToRepeatAtTop(headerRow, headerRow);
        // Decree 30 margins (inches): top/bottom 20 mm, left 30 mm, right 15 mm.
        setup.Margins.SetTop(0.79).SetBottom(0.79).SetLeft(1.18).SetRight(0.59).SetHeader(0.3).SetFooter(0.3);
        setup.CenterHorizontally = true;
        setup.Footer.Center.AddText("Trang &P/&N");
    }

    /// <summary>Points per line of 11-pt Times New Roman, the sheet's font, with the spacing spreadsheet programs use.</summary>
    public const double LineHeight = 15.0;

    /// <summary>
    /// Lines a wrapped text takes in a column <paramref name="widthChars"/> wide (Excel's unit: one digit of the
    /// default font). Greedy word wrap with an average character a little narrower than a digit (bold a little wider);
    /// a word longer than a line is split over as many lines as it needs.
    /// </summary>
    public static int LinesFor(string text, double widthChars, bool bold)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 1;
        }

        var perLine = Math.Max(1, (int)Math.Floor((widthChars - 1) * (bold ? 0.95 : 1.05)));
        var lines = 1;
        var used = 0;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var length = word.Length;
            if (used > 0 && used + 1 + length <= perLine)
            {
                used += 1 + length;
                continue;
            }

            if (used > 0)
            {
                lines++;
            }

            lines += (length - 1) / perLine;
            used = ((length - 1) % perLine) + 1;
        }

        return lines;
    }

    /// <summary>
    /// Sets the row's height to what its wrapped texts need. Excel grows such rows itself on opening, but LibreOffice
    /// and previews keep the stored height and draw the lines over the next row (issue 24), so the file says it.
    /// </summary>
    private static void FitHeight(IXLRow row, IEnumerable<(string Text, double WidthChars)> cells, bool bold)
    {
        var lines = cells.Max(c => LinesFor(c.Text, c.WidthChars, bold));
        row.Height = Math.Max(1, lines) * LineHeight;
    }

    private static IXLCell Banner(IXLWorksheet ws, int row, int columns, string text)
    {
        var range = ws.Range(row, 1, row, columns).Merge();
        InertCell.SetText(range.FirstCell(), PdfComposer.Nfc(text));
        range.Style.Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center).Alignment.SetWrapText(true);
        return range.FirstCell();
    }

    private static void Fill(IXLCell cell, SheetRow row, CellKind kind, SheetCell value, int excelRow, int firstDataRow)
    {
        string Address(int column) => cell.Worksheet.Cell(excelRow, column + 1).Address.ToStringRelative();
        switch (value.Formula)
        {
            case ColumnSumFormula when row.SumOf is { Count: > 0 }:
                var column = cell.Address.ColumnLetter;
                cell.FormulaA1 = "SUM(" + string.Join(",", Ranges(row.SumOf.Select(i => firstDataRow + i)).Select(r =>
                    r.From == r.To ? $"{column}{r.From}" : $"{column}{r.From}:{column}{r.To}")) + ")";
                break;
            case ColumnSumFormula:
                cell.Value = 0;
                break;
            case DifferenceFormula d:
                cell.FormulaA1 = $"{Address(d.Column)}-{Address(d.Subtract)}";
                break;
            case RowSumFormula s:
                cell.FormulaA1 = $"SUM({Address(s.FromColumn)}:{Address(s.ToColumn)})";
                break;
            case RatioFormula q:
                cell.FormulaA1 = $"IF({Address(q.DenominatorColumn)}=0,\"—\",{Address(q.NumeratorColumn)}/{Address(q.DenominatorColumn)})";
                break;
            default:
                SetValue(cell, kind, value.Value);
                break;
        }

        cell.Style.NumberFormat.Format = kind switch
        {
            CellKind.Money => MoneyFormat,
            CellKind.Plan => PlanFormat,
            CellKind.Percent => PercentFormat,
            CellKind.Count => CountFormat,
            _ => "@",
        };
        cell.Style.Alignment.SetVertical(XLAlignmentVerticalValues.Top);
        cell.Style.Alignment.SetHorizontal(kind switch
        {
            CellKind.Text => XLAlignmentHorizontalValues.Left,
            CellKind.Code => XLAlignmentHorizontalValues.Center,
            _ => XLAlignmentHorizontalValues.Right,
        });
        if (kind == CellKind.Text)
        {
            cell.Style.Alignment.SetWrapText(true);
        }
    }

    private static void SetValue(IXLCell cell, CellKind kind, object? value)
    {
        switch (value)
        {
            case null:
                if (kind == CellKind.Percent)
                {
                    cell.Value = "—";
                }

                break;
            case string s:
                // Explicit text: codes such as "1.1" must never become numbers.
                InertCell.SetText(cell, PdfComposer.Nfc(s));
                break;
            case int n:
                cell.Value = n;
                break;
            case decimal d when kind is CellKind.Money or CellKind.Plan:
                cell.Value = d / 1_000_000m;
                break;
            case decimal d when kind == CellKind.Percent:
                cell.Value = d / 100m;
                break;
            case decimal d:
                cell.Value = d;
                break;
            default:
                InertCell.SetText(cell, value.ToString());
                break;
        }
    }

    /// <summary>Consecutive row numbers as ranges: 5,6,7,9 → 5:7, 9 (keeps SUM formulas short).</summary>
    private static IEnumerable<(int From, int To)> Ranges(IEnumerable<int> rows)
    {
        int? start = null;
        var previous = 0;
        foreach (var r in rows.Order())
        {
            if (start is null)
            {
                start = r;
            }
            else if (r != previous + 1)
            {
                yield return (start.Value, previous);
                start = r;
            }

            previous = r;
        }

        if (start is not null)
        {
            yield return (start.Value, previous);
        }
    }

    private static void WriteDocument(XLWorkbook workbook, ReportDocument d)
    {
        var ws = workbook.AddWorksheet("Báo cáo");
        ws.Column(1).Width = 110;
        ws.Style.Font.SetFontName("Times New Roman").Font.SetFontSize(13);
        var row = 1;
        void Line(string text, bool bold = false, bool italic = false, XLAlignmentHorizontalValues align = XLAlignmentHorizontalValues.Justify)
        {
            var cell = ws.Cell(row++, 1);
            InertCell.SetText(cell, PdfComposer.Nfc(text));
            cell.Style.Font.SetBold(bold).Font.SetItalic(italic).Alignment.SetWrapText(true).Alignment.SetHorizontal(align)
                .Alignment.SetVertical(XLAlignmentVerticalValues.Top);
        }

        var h = d.Header;
        Line($"{h.ParentBody} — {h.Issuer}", bold: true, align: XLAlignmentHorizontalValues.Left);
        Line(h.NumberLine, align: XLAlignmentHorizontalValues.Left);
        Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc", bold: true, align: XLAlignmentHorizontalValues.Right);
        Line(h.DateLine, italic: true, align: XLAlignmentHorizontalValues.Right);
        row++;
        Line(d.Title, bold: true, align: XLAlignmentHorizontalValues.Center);
        Line(d.Subject, bold: true, align: XLAlignmentHorizontalValues.Center);
        row++;
        foreach (var block in d.Body)
        {
            Line(block.Text, bold: block.Kind is DocumentBlockKind.Heading or DocumentBlockKind.Subheading, italic: block.Kind == DocumentBlockKind.Reference,
                align: block.Kind == DocumentBlockKind.Reference ? XLAlignmentHorizontalValues.Center : XLAlignmentHorizontalValues.Justify);
        }

        Line(d.Closing);
        row++;
        Line("Nơi nhận:", bold: true, italic: true, align: XLAlignmentHorizontalValues.Left);
        foreach (var r in d.Recipients)
        {
            Line("- " + r, align: XLAlignmentHorizontalValues.Left);
        }

        row++;
        foreach (var t in h.SignerTitleLines)
        {
            Line(t, bold: true, align: XLAlignmentHorizontalValues.Right);
        }

        if (h.SignerName is not null)
        {
            Line(h.SignerName, bold: true, align: XLAlignmentHorizontalValues.Right);
        }

        var setup = ws.PageSetup;
        setup.PaperSize = XLPaperSize.A4Paper;
        setup.PageOrientation = XLPageOrientation.Portrait;
        setup.FitToPages(1, 0);
        setup.Margins.SetTop(0.79).SetBottom(0.79).SetLeft(1.18).SetRight(0.59);
    }
}

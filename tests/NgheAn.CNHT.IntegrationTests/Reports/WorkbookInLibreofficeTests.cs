using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Reports;

/// <summary>
/// Issue 24 (5): the annual report's workbook, opened in LibreOffice (converted to PDF, read with pdftotext -layout),
/// shows every wrapped item name whole, each row below the previous one, never drawn over the next row.
/// </summary>
public sealed class WorkbookInLibreofficeTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    [Fact]
    public async Task Libreoffice_prints_the_annual_workbook_with_wrapped_names_whole_and_no_row_over_the_next()
    {
        var xlsx = await portal.ScopedAsync(async sp =>
        {
            var reports = sp.GetRequiredService<ReportService>();
            var model = await reports.BuildAsync(new ReportRequest(ReportKind.Annual, "2018-2025", 2019, 2019));
            return reports.Render(model, ReportFormat.Xlsx).Content;
        });

        // (a) The file's own row heights (read as stored XML, not through ClosedXML's defaults): every item row whose name
        // is longer than one line of its column has a custom height with room for at least its lines. The line count is a
        // lower bound: no Times New Roman character is narrower on average than 0.75 of a digit, the unit of the width.
        var rows = StoredRows(xlsx);
        var wrapped = rows.Where(r => r.Name.Length > r.NameWidth).ToList();
        Assert.True(wrapped.Count > 10, $"only {wrapped.Count} names longer than a line");
        foreach (var row in wrapped)
        {
            var minimumLines = MinimumLines(row.Name, row.NameWidth / 0.75);
            Assert.True(row.CustomHeight, $"row {row.Number} \"{row.Name}\" has no custom height");
            Assert.True(row.Height >= minimumLines * 12.65, $"row {row.Number} \"{row.Name}\" is {row.Height} pt for at least {minimumLines} lines");
        }

        // (b) LibreOffice: converted to PDF and read back as laid-out lines. Each row starts on its own line with its
        // code, name and figures; the name continues on the following lines, whole and in order, and the next row
        // starts only after it (an overlapping row would put the next row's code on the name's last line, or mix them).
        var pdf = await Soffice.ConvertToPdfAsync(xlsx, "bao-cao-nam.xlsx");
        var lines = await Soffice.LayoutTextAsync(pdf);
        var folder = Path.Combine(AppContext.BaseDirectory, "test-output", "libreoffice");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "bao-cao-nam.pdf"), pdf);
        await File.WriteAllLinesAsync(Path.Combine(folder, "bao-cao-nam.txt"), lines);

        var items = rows.Where(r => System.Text.RegularExpressions.Regex.IsMatch(r.Code, @"^\d+(\.\d+)*$")).ToList();
        var at = 0;
        var multiLine = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var row = items[i];
            var first = Array.FindIndex(lines, at, l => StartsRow(l, row.Code));
            Assert.True(first >= 0, $"row {row.Code} not found after line {at} of the LibreOffice PDF");
            var parts = Columns(lines[first]);
            Assert.True(parts.Count >= 3, $"row {row.Code}: no figures beside the name on its first line: \"{lines[first]}\"");
            Assert.Equal("chưa có", parts[2]);
            var name = new List<string> { parts[1] };
            var next = first + 1;
            while (next < lines.Length && lines[next].Trim().Length > 0 && (i + 1 == items.Count ? !lines[next].TrimStart().StartsWith("Tổng cộng", StringComparison.Ordinal) : !StartsRow(lines[next], items[i + 1].Code)))
            {
                var continuation = Columns(lines[next]);
                Assert.True(continuation.Count == 1, $"row {row.Code}: a continuation line of the name carries other text (rows drawn over each other?): \"{lines[next]}\"");
                name.Add(continuation[0]);
                next++;
            }

            Assert.Equal(Normalize(row.Name), Normalize(string.Join(' ', name)));
            if (name.Count > 1)
            {
                multiLine++;
                Assert.True(row.Height >= name.Count * 12.65, $"row {row.Code} takes {name.Count} lines in LibreOffice but is stored {row.Height} pt high");
            }

            at = next;
        }

        Assert.True(multiLine > 10, $"only {multiLine} names wrapped in LibreOffice");
    }

    private sealed record StoredRow(int Number, string Code, string Name, double NameWidth, double Height, bool CustomHeight);

    /// <summary>The item rows (code and name filled, name wrapped) with their height as the sheet XML stores it.</summary>
    private static List<StoredRow> StoredRows(byte[] xlsx)
    {
        using var workbook = ReportFiles.OpenWorkbook(xlsx);
        var sheet = workbook.Worksheets.Single();
        var width = sheet.Column(2).Width;
        var names = sheet.RowsUsed()
            .Where(r => r.Cell(2).Style.Alignment.WrapText && r.Cell(2).GetString().Length > 0 && r.Cell(3).GetString().Length > 0)
            .ToDictionary(r => r.RowNumber(), r => (Code: r.Cell(1).GetString(), Name: r.Cell(2).GetString()));

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var part = document.WorkbookPart!.WorksheetParts.Single();
        return part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
            .Where(r => names.ContainsKey((int)r.RowIndex!.Value))
            .Select(r => new StoredRow((int)r.RowIndex!.Value, names[(int)r.RowIndex.Value].Code, names[(int)r.RowIndex.Value].Name, width,
                r.Height?.Value ?? 15, r.CustomHeight?.Value ?? false))
            .ToList();
    }

    /// <summary>Greedy word wrap at <paramref name="perLine"/> characters: the fewest lines the text can take.</summary>
    private static int MinimumLines(string text, double perLine)
    {
        var lines = 1;
        var used = 0;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (used > 0 && used + 1 + word.Length > perLine)
            {
                lines++;
                used = 0;
            }

            used += (used > 0 ? 1 : 0) + word.Length;
        }

        return lines;
    }

    private static bool StartsRow(string line, string code) =>
        System.Text.RegularExpressions.Regex.IsMatch(line, $@"^\s*{System.Text.RegularExpressions.Regex.Escape(code)}\s{{2,}}\S");

    /// <summary>A laid-out line split where two or more spaces separate columns.</summary>
    private static List<string> Columns(string line) =>
        System.Text.RegularExpressions.Regex.Split(line.Trim(), @"\s{2,}").Where(p => p.Length > 0).ToList();

    private static string Normalize(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text.Normalize(System.Text.NormalizationForm.FormC), @"\s+", " ").Trim();
}

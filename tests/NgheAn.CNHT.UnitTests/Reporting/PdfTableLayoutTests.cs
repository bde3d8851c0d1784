using NgheAn.CNHT.Infrastructure.Reporting;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace NgheAn.CNHT.UnitTests.Reporting;

/// <summary>The PDF table layout: the header row on every page, rows kept whole, page numbers from page 2.</summary>
public sealed class PdfTableLayoutTests
{
    private static readonly SheetColumn[] Columns =
    [
        new("Mã", CellKind.Code, 50),
        new("Diễn giải", CellKind.Text, 250),
        new("Số tiền", CellKind.Money, 90),
    ];

    /// <summary>Row k: code Rk, a text of 1-5 wrapped lines whose every word is tagged wk, and an amount.</summary>
    private static SheetRow Row(int k, int words) =>
        new(RowKind.Item, [new($"R{k}"), new(string.Join(' ', Enumerable.Range(0, words).Select(_ => $"w{k}"))), new(k * 1_000_000m)]);

    private static List<(int Page, string Word, double Width, double Height)> Words(byte[] pdf)
    {
        using var doc = PigDocument.Open(pdf);
        return doc.GetPages().SelectMany(p => p.GetWords().Select(w => (p.Number, w.Text, p.Width, p.Height))).ToList();
    }

    private static byte[] Draw(IReadOnlyList<SheetRow> rows, bool landscape = true)
    {
        using var pdf = new PdfComposer("Thử bảng");
        pdf.NewPage(landscape);
        pdf.Paragraph("BẢNG THỬ", PdfComposer.Font(13, bold: true), TextAlign.Center);
        pdf.Table(Columns, rows);
        return pdf.Finish();
    }

    [Fact]
    public void Rows_are_never_split_and_the_header_repeats_on_every_page()
    {
        var rows = Enumerable.Range(1, 90).Select(k => Row(k, 6 + (k % 5 * 30))).ToList();
        var words = Words(Draw(rows));
        var pages = words.Select(w => w.Page).Distinct().ToList();
        Assert.True(pages.Count >= 3);
        foreach (var page in pages)
        {
            Assert.Contains(words, w => w.Page == page && w.Word == "Diễn");
            Assert.Equal(842, words.First(w => w.Page == page).Width, 0);
        }

        for (var k = 1; k <= 90; k++)
        {
            var onPages = words.Where(w => w.Word == $"w{k}" || w.Word == $"R{k}").Select(w => w.Page).Distinct().ToList();
            Assert.True(onPages.Count == 1, $"row {k} is on pages {string.Join(", ", onPages)}");
        }
    }

    [Fact]
    public void Pages_are_numbered_from_the_second_one()
    {
        var words = Words(Draw(Enumerable.Range(1, 60).Select(k => Row(k, 20)).ToList(), landscape: false));
        var pages = words.Select(w => w.Page).Distinct().Order().ToList();
        Assert.True(pages.Count >= 2);
        Assert.DoesNotContain(words, w => w.Page == 1 && w.Word == "1");
        foreach (var page in pages.Skip(1))
        {
            Assert.Contains(words, w => w.Page == page && w.Word == page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(595, words[0].Width, 0);
    }

    [Fact]
    public void Only_a_row_taller_than_a_page_continues_on_the_next_page_under_the_header()
    {
        var rows = new List<SheetRow> { Row(1, 5), Row(2, 3000), Row(3, 5) };
        var words = Words(Draw(rows));
        var giant = words.Where(w => w.Word == "w2").Select(w => w.Page).Distinct().ToList();
        Assert.True(giant.Count >= 2);
        Assert.All(giant, p => Assert.Contains(words, w => w.Page == p && w.Word == "Diễn"));
        Assert.Single(words.Where(w => w.Word == "w3").Select(w => w.Page).Distinct());
    }

    [Fact]
    public void Decomposed_vietnamese_is_drawn_composed()
    {
        using var pdf = new PdfComposer("NFC");
        pdf.NewPage(false);
        // "Nghệ An" typed with combining marks (NFD) comes out as the precomposed letters.
        pdf.Paragraph("Nghe\u0323\u0302 An", PdfComposer.Font(13));
        var words = Words(pdf.Finish());
        Assert.Contains(words, w => w.Word == "Nghệ");
    }
}

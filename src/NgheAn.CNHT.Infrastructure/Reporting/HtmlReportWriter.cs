using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using NgheAn.CNHT.Application.Reports;

namespace NgheAn.CNHT.Infrastructure.Reporting;

/// <summary>
/// Renders report models as HTML: a fragment the portal's pages embed, and a standalone printable file (its own
/// stylesheet, no script) for download. Every string is encoded; Vietnamese stays readable (all Unicode ranges allowed).
/// </summary>
internal static class HtmlReportWriter
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = """
        body { font-family: "Times New Roman", "Liberation Serif", Tinos, serif; color: #1c1c1c; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; }
        .report-sheet h2, .report-sheet .title { text-align: center; font-size: 1.05rem; font-weight: 700; margin: 0; }
        .report-sheet .reference, .report-sheet .subtitle { text-align: center; font-style: italic; margin: 0; }
        .report-sheet .unit { text-align: right; font-style: italic; margin: .25rem 0; }
        table.table-report { border-collapse: collapse; width: 100%; font-size: .95rem; font-variant-numeric: tabular-nums; }
        table.table-report th, table.table-report td { border: 1px solid #777; padding: .2rem .35rem; vertical-align: top; }
        table.table-report th { background: #ebe4d6; text-align: center; vertical-align: middle; }
        table.table-report .num { text-align: right; white-space: nowrap; }
        table.table-report .code { text-align: center; white-space: nowrap; }
        table.table-report tr.group-row td, table.table-report tr.total-row td { font-weight: 700; background: #f5f0e6; }
        .footnote { font-style: italic; font-size: .9rem; margin: .2rem 0; }
        .doc-header { display: flex; justify-content: space-between; gap: 1rem; text-align: center; }
        .doc-header .left { flex: 0 0 40%; } .doc-header .right { flex: 1; }
        .doc-header .rule { display: inline-block; border-top: 1px solid #000; width: 45%; margin-top: .1rem; }
        .doc-header .motto { display: inline-block; border-bottom: 1px solid #000; font-weight: 700; }
        .doc-title { text-align: center; font-weight: 700; font-size: 1.15rem; margin: 1.5rem 0 0; }
        .doc-subject { text-align: center; font-weight: 700; margin: .2rem auto 1.2rem; max-width: 44rem; }
        .doc-body p { text-align: justify; text-indent: 1cm; margin: 0 0 .45rem; line-height: 1.45; font-size: 1.1rem; }
        .doc-body p.heading { font-weight: 700; } .doc-body p.reference { text-align: center; font-style: italic; text-indent: 0; }
        .doc-sign { display: flex; justify-content: space-between; margin-top: 1rem; }
        .doc-sign .recipients { font-size: .9rem; } .doc-sign .recipients strong { font-style: italic; }
        .doc-sign .signer { text-align: center; font-weight: 700; min-width: 40%; } .doc-sign .signer .name { margin-top: 4.5rem; }
        .draft-mark { float: right; font-weight: 700; border: 1px solid #000; padding: 0 .4rem; }
        @media print { body { margin: 0; max-width: none; } .report-sheet { page-break-before: always; } }
        """;

    /// <summary>A complete HTML file.</summary>
    public static byte[] Write(IReportModel model, DocumentHeader? issue)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
            .Append(E($"{model.Kind.Title()} — {model.ProgramName}")).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append(Fragment(model, issue))
            .Append("</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    /// <summary>The report's markup without page chrome, for the portal's pages.</summary>
    public static string Fragment(IReportModel model, DocumentHeader? issue)
    {
        var html = new StringBuilder();
        if (model is ReportDocument d)
        {
            Document(html, d);
        }

        foreach (var sheet in ReportSheets.For(model, issue))
        {
            Sheet(html, sheet);
        }

        return html.ToString();
    }

    private static string E(string? s) => Encoder.Encode(PdfComposer.Nfc(s));

    private static void Sheet(StringBuilder html, ReportSheet sheet)
    {
        html.Append("<section class=\"report-sheet\">\n");
        foreach (var line in sheet.Title)
        {
            html.Append("<p class=\"title\">").Append(E(line)).Append("</p>\n");
        }

        if (sheet.Reference is not null)
        {
            html.Append("<p class=\"reference\">").Append(E(sheet.Reference)).Append("</p>\n");
        }

        if (sheet.Subtitle is not null)
        {
            html.Append("<p class=\"subtitle\">").Append(E(sheet.Subtitle)).Append("</p>\n");
        }

        html.Append("<p class=\"unit\">").Append(E(sheet.Unit)).Append("</p>\n<div class=\"table-responsive\">\n")
            .Append("<table class=\"table table-sm table-bordered table-report\">\n<thead><tr>");
        foreach (var c in sheet.Columns)
        {
            html.Append("<th scope=\"col\">").Append(E(c.Header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in sheet.Rows)
        {
            var cls = row.Kind switch
            {
                RowKind.Group => " class=\"group-row\"",
                RowKind.Total => " class=\"total-row\"",
                _ => "",
            };
            html.Append("<tr").Append(cls);
            if (row.Anchor is not null)
            {
                html.Append(" id=\"").Append(E(row.Anchor)).Append('"');
            }

            html.Append('>');
            for (var i = 0; i < sheet.Columns.Count; i++)
            {
                var kind = sheet.Columns[i].Kind;
                var cellClass = kind switch
                {
                    CellKind.Text => "",
                    CellKind.Code => " class=\"code\"",
                    _ => " class=\"num\"",
                };
                html.Append("<td").Append(cellClass).Append('>').Append(E(ReportSheets.Display(row.Cells[i], kind))).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n");
        foreach (var note in sheet.Footnotes ?? [])
        {
            html.Append("<p class=\"footnote\">").Append(E(note)).Append("</p>\n");
        }

        html.Append("</section>\n");
    }

    private static void Document(StringBuilder html, ReportDocument d)
    {
        var h = d.Header;
        html.Append("<article class=\"report-document\">\n");
        if (h.IsDraft)
        {
            html.Append("<span class=\"draft-mark\">DỰ THẢO</span>\n");
        }

        html.Append("<div class=\"doc-header\">\n<div class=\"left\">")
            .Append("<div>").Append(E(h.ParentBody)).Append("</div><div><strong>").Append(E(h.Issuer)).Append("</strong></div><span class=\"rule\"></span>")
            .Append("<div>").Append(E(h.NumberLine)).Append("</div></div>\n<div class=\"right\">")
            .Append("<div><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong></div><div><span class=\"motto\">Độc lập - Tự do - Hạnh phúc</span></div>")
            .Append("<div><em>").Append(E(h.DateLine)).Append("</em></div></div>\n</div>\n")
            .Append("<p class=\"doc-title\">").Append(E(d.Title)).Append("</p>\n<p class=\"doc-subject\">").Append(E(d.Subject)).Append("</p>\n<div class=\"doc-body\">\n");
        foreach (var block in d.Body)
        {
            var cls = block.Kind switch
            {
                DocumentBlockKind.Heading or DocumentBlockKind.Subheading => " class=\"heading\"",
                DocumentBlockKind.Reference => " class=\"reference\"",
                _ => "",
            };
            foreach (var part in PdfComposer.Nfc(block.Text).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                html.Append("<p").Append(cls);
                if (block.Key is not null)
                {
                    html.Append(" data-key=\"").Append(E(block.Key)).Append('"');
                }

                html.Append('>').Append(E(part)).Append("</p>\n");
            }
        }

        html.Append("<p>").Append(E(d.Closing)).Append("</p>\n</div>\n<div class=\"doc-sign\">\n<div class=\"recipients\"><strong>Nơi nhận:</strong>");
        foreach (var r in d.Recipients)
        {
            html.Append("<br>- ").Append(E(r));
        }

        html.Append("</div>\n<div class=\"signer\">");
        foreach (var t in h.SignerTitleLines)
        {
            html.Append("<div>").Append(E(t)).Append("</div>");
        }

        html.Append("<div class=\"name\">").Append(E(h.SignerName ?? "")).Append("</div></div>\n</div>\n</article>\n");
    }
}

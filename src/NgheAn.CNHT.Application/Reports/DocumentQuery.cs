using NgheAn.CNHT.Application.Catalog;

namespace NgheAn.CNHT.Application.Reports;

/// <summary>
/// Builds <see cref="ReportDocument"/>: the appendix (one SQL aggregate plus the narratives) and sentences
/// generated from it. The text generator is pure (<see cref="Compose"/>), so it is tested without a database.
/// </summary>
public sealed class DocumentQuery(AppendixQuery appendix, CatalogQueries catalog)
{
    public static IReadOnlyList<string> DefaultRecipients { get; } =
        ["UBND tỉnh (để báo cáo);", "Sở Tài chính;", "Giám đốc Sở;", "Lưu: VT, QLCN."];

    public async Task<ReportDocument> BuildAsync(string programCode, int? fromYear = null, int? toYear = null, DocumentHeader? header = null,
        IReadOnlyList<string>? recipients = null, CancellationToken ct = default)
    {
        var (program, period) = await AppendixQuery.ResolveAsync(catalog, programCode, fromYear, toYear, ct);
        var model = await appendix.BuildAsync(programCode, period.From, period.To, ct);
        return Compose(model, header ?? DocumentHeader.Draft, recipients ?? DefaultRecipients,
            period.From == program.StartYear && period.To == program.EndYear);
    }

    /// <summary>The document for an appendix. <paramref name="wholePeriod"/>: the figures cover the program's whole period.</summary>
    public static ReportDocument Compose(AppendixReport a, DocumentHeader header, IReadOnlyList<string> recipients, bool wholePeriod)
    {
        var period = ReportText.Period(a.FromYear, a.ToYear);
        var periodTitle = ReportText.PeriodCapitalized(a.FromYear, a.ToYear);
        var subject = $"Kết quả triển khai thực hiện {a.ProgramName}"
            + (a.LegalBasis is null ? "" : $" theo {a.LegalBasis}")
            + (wholePeriod ? "" : $" (số liệu {period})");

        var body = new List<DocumentBlock>
        {
            new(DocumentBlockKind.Heading, "1. Kết quả thực hiện chương trình phát triển công nghiệp hỗ trợ"),
            new(DocumentBlockKind.Paragraph, a.Total.ProposalCount == 0
                ? $"{periodTitle} chưa thực hiện đề án nào của chương trình."
                : $"{periodTitle}, tổng nguồn kinh phí thực hiện chương trình phát triển CNHT là {ReportText.Million(a.Total.TotalCost)} triệu đồng "
                  + $"để thực hiện {ReportText.Count(a.Total.ProposalCount)} đề án, trong đó nguồn ngân sách tỉnh hỗ trợ "
                  + $"{ReportText.Million(a.Total.ProvincialShare)} triệu đồng."),
            new(DocumentBlockKind.Reference, "(Có phụ lục báo cáo kèm theo)"),
        };

        foreach (var g in a.Groups)
        {
            var key = "group:" + g.Code;
            body.Add(new DocumentBlock(DocumentBlockKind.Subheading, $"1.{g.Code}. {g.Name}", key));
            var text = ReportText.WithNote(GroupSentence(g.Figures, periodTitle), g.Note);
            // A group of one item says it all in one paragraph, as the report does for groups 5, 7 and 8.
            if (g.Items.Count == 1)
            {
                text = ReportText.WithNote(text, g.Items[0].Note);
            }

            body.Add(new DocumentBlock(DocumentBlockKind.Paragraph, text, key));
            if (g.Items.Count > 1)
            {
                foreach (var i in g.Items)
                {
                    body.Add(new DocumentBlock(DocumentBlockKind.Bullet, "- " + ReportText.WithNote(ItemSentence(i, period), i.Note), "item:" + i.Code));
                }
            }
        }

        var closing = $"Trên đây là báo cáo kết quả triển khai thực hiện {a.ProgramName}"
            + (wholePeriod ? "" : $" (số liệu {period})") + $" của {header.IssuerShort}./.";
        return new ReportDocument(a.ProgramCode, a.ProgramName, a.FromYear, a.ToYear, header, "BÁO CÁO", subject, body, closing, recipients, a, a.GeneratedAtUtc);
    }

    /// <summary>"Giai đoạn 2018-2025, kế hoạch giao thực hiện 4.276 triệu đồng; thực hiện 04 đề án với tổng kinh phí thực hiện 285,900 triệu đồng, trong đó …, đạt 5,34% kế hoạch."</summary>
    public static string GroupSentence(AppendixFigures f, string periodCapitalized)
    {
        var plan = f.Plan > 0 ? $", kế hoạch giao thực hiện {ReportText.Million(f.Plan)} triệu đồng;" : ",";
        if (f.ProposalCount == 0)
        {
            return f.Plan > 0 ? $"{periodCapitalized}{plan} chưa thực hiện đề án nào." : $"{periodCapitalized} chưa thực hiện đề án nào.";
        }

        var reached = f.PercentOfPlan is { } p ? $", đạt {ReportText.Percent(p)} kế hoạch" : "";
        return $"{periodCapitalized}{plan} thực hiện {ReportText.Count(f.ProposalCount)} đề án với tổng kinh phí thực hiện "
            + $"{ReportText.Million(f.TotalCost)} triệu đồng, trong đó nguồn ngân sách tỉnh hỗ trợ {ReportText.Million(f.ProvincialShare)} triệu đồng{reached}.";
    }

    /// <summary>
    /// "Khảo sát, …, giai đoạn 2018-2025 thực hiện 01 đề án với tổng kinh phí 94 triệu đồng (đạt 12,30% kế hoạch mục tiêu giai đoạn)."
    /// As in the report, the amount of an item sentence is the provincial budget share, the figure the percentage measures (ADR 0031).
    /// </summary>
    public static string ItemSentence(AppendixItemRow i, string period)
    {
        var f = i.Figures;
        if (f.ProposalCount == 0)
        {
            return $"{i.Name}, {period} chưa thực hiện đề án nào.";
        }

        var reached = f.PercentOfPlan is { } p ? $" (đạt {ReportText.Percent(p)} kế hoạch mục tiêu giai đoạn)" : "";
        return $"{i.Name}, {period} thực hiện {ReportText.Count(f.ProposalCount)} đề án với tổng kinh phí {ReportText.Million(f.ProvincialShare)} triệu đồng{reached}.";
    }
}

using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Application.Reports;

/// <summary>
/// The province's results report regenerated (Decree 30/2020/NĐ-CP layout): header blocks, title and
/// subject, body sentences generated from <see cref="Appendix"/> in the style of the seed report's section
/// II.1 followed by the staff's explanations, the closing "./.", recipients, signature, and the appendix.
/// </summary>
public sealed record ReportDocument(
    string ProgramCode,
    string ProgramName,
    int FromYear,
    int ToYear,
    DocumentHeader Header,
    string Title,
    string Subject,
    IReadOnlyList<DocumentBlock> Body,
    string Closing,
    IReadOnlyList<string> Recipients,
    AppendixReport Appendix,
    DateTime GeneratedAtUtc) : IReportModel
{
    public ReportKind Kind => ReportKind.Document;

    public IEnumerable<ReportFigureRow> Figures() => Appendix.Figures();
}

/// <summary>
/// Who issues, number, place and date, signer. A draft has no number, date or signer name; it shows the
/// blanks ("Số: …/BC-SCT", "ngày … tháng … năm …") that the issued report fills in.
/// </summary>
public sealed record DocumentHeader(
    string ParentBody,
    string Issuer,
    string IssuerShort,
    string? Number,
    string Place,
    DateOnly? IssueDate,
    string SignerTitle,
    string? SignerName)
{
    public const string NumberSuffix = "/BC-SCT";

    public static DocumentHeader Draft { get; } = new("UBND TỈNH NGHỆ AN", "SỞ CÔNG THƯƠNG", "Sở Công Thương", null, "Nghệ An", null, "GIÁM ĐỐC", null);

    public static DocumentHeader Issued(string number, DateOnly date, string signerTitle, string signerName) =>
        Draft with { Number = number, IssueDate = date, SignerTitle = signerTitle, SignerName = signerName };

    public bool IsDraft => Number is null;

    public string NumberLine => $"Số: {Number ?? "…" + NumberSuffix}";

    /// <summary>"Nghệ An, ngày 05 tháng 01 năm 2026" (days below 10 and months 1-2 with a leading zero, as Decree 30 asks).</summary>
    public string DateLine => IssueDate is { } d ? $"{Place}, {VnFormat.LongDate(d)}" : $"{Place}, ngày … tháng … năm …";

    /// <summary>The line an attached appendix carries under its title.</summary>
    public string AppendixReference => IssueDate is { } d && Number is not null
        ? $"(Kèm theo Báo cáo số {Number} ngày {VnFormat.Date(d)} của {IssuerShort})"
        : $"(Kèm theo Báo cáo số …{NumberSuffix} ngày … của {IssuerShort})";

    /// <summary>The signer's title in capitals, one entry per line ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC").</summary>
    public IReadOnlyList<string> SignerTitleLines =>
        SignerTitle.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => l.ToUpper(VnFormat.Culture)).ToList();

    /// <summary>"15" becomes "15/BC-SCT"; a number typed with its symbol is kept as typed.</summary>
    public static string NormalizeNumber(string number)
    {
        var n = number.Trim();
        return n.Contains('/', StringComparison.Ordinal) ? n : n + NumberSuffix;
    }
}

public enum DocumentBlockKind
{
    /// <summary>A numbered section heading (bold): "1. Kết quả thực hiện …".</summary>
    Heading,
    /// <summary>A group heading (bold): "1.3. Hỗ trợ nghiên cứu phát triển …".</summary>
    Subheading,
    /// <summary>Justified body text, first line indented.</summary>
    Paragraph,
    /// <summary>A paragraph starting with "- " for one content item.</summary>
    Bullet,
    /// <summary>Italic, centred: "(Có phụ lục báo cáo kèm theo)".</summary>
    Reference,
}

/// <summary>One block of the body. <see cref="Key"/> names the group or item it speaks of (group:3, item:3.3).</summary>
public sealed record DocumentBlock(DocumentBlockKind Kind, string Text, string? Key = null);

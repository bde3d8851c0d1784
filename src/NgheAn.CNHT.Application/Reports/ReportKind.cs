using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Application.Reports;

/// <summary>The reports the portal produces. Each is one model built by SQL aggregates and rendered, never recomputed, by each format.</summary>
public enum ReportKind
{
    /// <summary>Phụ lục kết quả thực hiện.</summary>
    Appendix,
    /// <summary>Báo cáo năm: dự toán và giải ngân.</summary>
    Annual,
    /// <summary>Ngân sách tỉnh hỗ trợ theo năm.</summary>
    Matrix,
    /// <summary>Danh mục đề án.</summary>
    Register,
    /// <summary>Báo cáo kết quả thực hiện (văn bản).</summary>
    Document,
    /// <summary>Đề án vượt định mức (ADR 0143).</summary>
    OutOfNorms,
    /// <summary>Kết quả thực hiện chỉ tiêu (issue 19, ADR 0172).</summary>
    Indicators,
    /// <summary>Nhu cầu kinh phí năm gửi Sở Tài chính (issue 19, ADR 0176).</summary>
    FundingRequest,
}

public enum ReportFormat
{
    Json,
    Pdf,
    Xlsx,
    Html,
    /// <summary>Word (Office Open XML), for staff to finish the text before it is issued.</summary>
    Docx,
}

/// <summary>Which report, for which program and which years (null years: the program's whole period).</summary>
public sealed record ReportRequest(ReportKind Kind, string ProgramCode, int? FromYear = null, int? ToYear = null)
{
    /// <summary>The parameters as one short line, for the download log.</summary>
    public string Describe() =>
        $"program={ProgramCode}" + (FromYear is null ? "" : $";from={FromYear}") + (ToYear is null ? "" : $";to={ToYear}");
}

/// <summary>Names, titles and slugs of the report kinds and formats.</summary>
public static class ReportKinds
{
    public static IReadOnlyList<ReportKind> All { get; } = Enum.GetValues<ReportKind>();

    /// <summary>The word used on the command line and in URLs: appendix, annual, matrix, register, document.</summary>
    public static string Slug(this ReportKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParse(string? slug, out ReportKind kind)
    {
        foreach (var k in All)
        {
            if (string.Equals(k.Slug(), slug, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static string Title(this ReportKind kind) => kind switch
    {
        ReportKind.Appendix => "Phụ lục kết quả thực hiện",
        ReportKind.Annual => "Báo cáo dự toán và giải ngân",
        ReportKind.Matrix => "Ngân sách tỉnh hỗ trợ theo năm",
        ReportKind.Register => "Danh mục đề án",
        ReportKind.Document => "Báo cáo kết quả thực hiện chương trình",
        ReportKind.OutOfNorms => "Đề án vượt định mức",
        ReportKind.Indicators => "Kết quả thực hiện chỉ tiêu",
        ReportKind.FundingRequest => "Nhu cầu kinh phí năm",
        _ => kind.ToString(),
    };

    public static string Description(this ReportKind kind) => kind switch
    {
        ReportKind.Appendix => "Theo nội dung, nhóm và tổng: kế hoạch giai đoạn, số đề án, tổng kinh phí, ngân sách tỉnh, nguồn khác, tỷ lệ so với kế hoạch, ghi chú.",
        ReportKind.Annual => "Theo nội dung: dự toán được duyệt, số đề án, tổng kinh phí, ngân sách tỉnh đã giải ngân trong năm, tỷ lệ giải ngân so với dự toán.",
        ReportKind.Matrix => "Ngân sách tỉnh hỗ trợ của từng nội dung theo từng năm, có tổng theo dòng và theo cột.",
        ReportKind.Register => "Mọi đề án được tính: đơn vị chủ trì, năm thực hiện, trạng thái, kinh phí.",
        ReportKind.Document => "Văn bản báo cáo theo thể thức Nghị định 30/2020/NĐ-CP, câu chữ sinh từ số liệu kèm giải trình, có phụ lục.",
        ReportKind.OutOfNorms => "Đề án Lãnh đạo Sở phê duyệt vượt định mức hoặc nhập từ tệp có gắn cờ: mức bị vượt, số liệu, lý do; phụ lục là quy định mức hỗ trợ đang có hiệu lực.",
        ReportKind.Indicators => "Theo nội dung, nhóm và chương trình: chỉ tiêu đầu ra, kết quả đạt được khi nghiệm thu, tỷ lệ đạt; kèm câu nhận xét.",
        ReportKind.FundingRequest => "Một năm, theo nội dung: nhu cầu kinh phí từ hồ sơ đề nghị hỗ trợ và đề án chuyển tiếp, thuyết minh, tổng cộng; gửi Sở Tài chính.",
        _ => "",
    };

    /// <summary>The ASCII stem of download file names (phu-luc-cnht-2018-2025.pdf): no diacritics, nothing a file system or Excel refuses.</summary>
    public static string FileStem(this ReportKind kind) => kind switch
    {
        ReportKind.Appendix => "phu-luc-cnht",
        ReportKind.Annual => "du-toan-giai-ngan-cnht",
        ReportKind.Matrix => "ngan-sach-theo-nam-cnht",
        ReportKind.Register => "danh-muc-de-an-cnht",
        ReportKind.Document => "bao-cao-ket-qua-cnht",
        ReportKind.OutOfNorms => "de-an-vuot-dinh-muc-cnht",
        ReportKind.Indicators => "ket-qua-chi-tieu-cnht",
        ReportKind.FundingRequest => "nhu-cau-kinh-phi-cnht",
        _ => "bao-cao-cnht",
    };

    public static string Extension(this ReportFormat format) => format switch
    {
        ReportFormat.Json => "json",
        ReportFormat.Pdf => "pdf",
        ReportFormat.Xlsx => "xlsx",
        ReportFormat.Html => "html",
        ReportFormat.Docx => "docx",
        _ => "bin",
    };

    public static string ContentType(this ReportFormat format) => format switch
    {
        ReportFormat.Json => "application/json; charset=utf-8",
        ReportFormat.Pdf => "application/pdf",
        ReportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ReportFormat.Html => "text/html; charset=utf-8",
        ReportFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/octet-stream",
    };

    public static bool TryParseFormat(string? text, out ReportFormat format)
    {
        foreach (var f in Enum.GetValues<ReportFormat>())
        {
            if (string.Equals(f.Extension(), text, StringComparison.OrdinalIgnoreCase))
            {
                format = f;
                return true;
            }
        }

        format = default;
        return false;
    }

    /// <summary>phu-luc-cnht-2018-2025.pdf; one year: du-toan-giai-ngan-cnht-2024.xlsx.</summary>
    public static string FileName(ReportKind kind, int fromYear, int toYear, ReportFormat format) =>
        $"{kind.FileStem()}-{new YearRange(fromYear, toYear)}.{format.Extension()}";
}

using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Reporting;

/// <summary>
/// A report leadership issued (number, date, signer). Its model and files are frozen here and never change.
/// </summary>
public sealed class IssuedReport : Entity
{
    private IssuedReport() { }

    public IssuedReport(string reportKind, int programId, int fromYear, int toYear, string number, DateOnly issueDate, string signerName, string signerTitle,
        string modelJson, byte[] pdf, byte[] xlsx, Actor actor, DateTime utcNow)
    {
        ReportKind = Guard.Required(reportKind, "Loại báo cáo", 30);
        ProgramId = programId;
        FromYear = fromYear;
        ToYear = toYear;
        Number = Guard.Required(number, "Số báo cáo", 50, nameof(Number));
        IssueDate = issueDate;
        SignerName = Guard.Required(signerName, "Người ký", 200, nameof(SignerName));
        SignerTitle = Guard.Required(signerTitle, "Chức vụ người ký", 200, nameof(SignerTitle));
        ModelJson = modelJson;
        Pdf = pdf;
        Xlsx = xlsx;
        IssuedBy = actor.UserName;
        IssuedAt = utcNow;
    }

    public string ReportKind { get; private set; } = "";
    public int ProgramId { get; private set; }
    public int FromYear { get; private set; }
    public int ToYear { get; private set; }
    public string Number { get; private set; } = "";
    public DateOnly IssueDate { get; private set; }
    public string SignerName { get; private set; } = "";
    public string SignerTitle { get; private set; } = "";
    public string ModelJson { get; private set; } = "";
    public byte[] Pdf { get; private set; } = [];
    public byte[] Xlsx { get; private set; } = [];
    public string IssuedBy { get; private set; } = "";
    public DateTime IssuedAt { get; private set; }
}

/// <summary>Who downloaded which report, in which format, when.</summary>
public sealed class ReportDownload
{
    private ReportDownload() { }

    public ReportDownload(string userName, string reportKind, string format, string parameters, DateTime at)
    {
        UserName = userName;
        ReportKind = reportKind;
        Format = format;
        Parameters = parameters;
        At = at;
    }

    public long Id { get; private set; }
    public string UserName { get; private set; } = "";
    public string ReportKind { get; private set; } = "";
    public string Format { get; private set; } = "";
    public string Parameters { get; private set; } = "";
    public DateTime At { get; private set; }
}

using System.Text;
using System.Text.Json;

namespace NgheAn.CNHT.Application.Reports;

/// <summary>Renders a model as PDF, Excel or HTML (Infrastructure/Reporting). Renderers never touch the database.</summary>
public interface IReportRenderer
{
    /// <param name="issue">For an issued report: its number, date and signer, printed on the files.</param>
    byte[] Render(IReportModel model, ReportFormat format, DocumentHeader? issue = null);

    /// <summary>The report's HTML markup without page chrome, for embedding in a portal page.</summary>
    string HtmlFragment(IReportModel model, DocumentHeader? issue = null);

    /// <summary>The PDF of an issued report and where its signer block is (for the visible signature).</summary>
    RenderedPdf RenderPdf(IReportModel model, DocumentHeader issue);
}

public sealed record RenderedPdf(byte[] Content, Issuing.SignerBox SignerBox);

public sealed record ReportFile(string FileName, string ContentType, byte[] Content);

/// <summary>One entry point for every report: build the model for a request, render it in a format, read a frozen model back.</summary>
public sealed class ReportService(
    AppendixQuery appendix,
    AnnualReportQuery annual,
    YearMatrixQuery matrix,
    RegisterQuery register,
    DocumentQuery document,
    SupportRules.OutOfNormsQuery outOfNorms,
    Indicators.IndicatorReportQuery indicators,
    FundingRequests.FundingRequestReportQuery fundingRequest,
    IReportRenderer renderer,
    Microsoft.Extensions.Options.IOptions<ReportSizeOptions> sizes)
{
    public async Task<IReportModel> BuildAsync(ReportRequest request, CancellationToken ct = default) => request.Kind switch
    {
        ReportKind.Appendix => await appendix.BuildAsync(request.ProgramCode, request.FromYear, request.ToYear, ct),
        ReportKind.Annual => await annual.BuildAsync(request.ProgramCode, request.FromYear, request.ToYear, ct),
        ReportKind.Matrix => await matrix.BuildAsync(request.ProgramCode, request.FromYear, request.ToYear, ct),
        ReportKind.Register => await register.BuildAsync(request.ProgramCode, request.FromYear, request.ToYear, ct),
        ReportKind.Document => await document.BuildAsync(request.ProgramCode, request.FromYear, request.ToYear, ct: ct),
        ReportKind.OutOfNorms => await outOfNorms.BuildAsync(request.ProgramCode, request.FromYear, request.ToYear, ct),
        ReportKind.Indicators => await indicators.BuildAsync(request.ProgramCode, request.FromYear, request.ToYear, ct),
        ReportKind.FundingRequest => await fundingRequest.BuildAsync(request.ProgramCode, request.FromYear, request.ToYear, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(request)),
    };

    public ReportFile Render(IReportModel model, ReportFormat format, DocumentHeader? issue = null)
    {
        var bytes = format == ReportFormat.Json ? Encoding.UTF8.GetBytes(ToJson(model)) : renderer.Render(model, format, issue);
        return new ReportFile(ReportKinds.FileName(model.Kind, model.FromYear, model.ToYear, format), format.ContentType(), bytes);
    }

    public async Task<ReportFile> RenderAsync(ReportRequest request, ReportFormat format, CancellationToken ct = default)
    {
        await EnsurePrintableAsync(request, format, ct);
        return Render(await BuildAsync(request, ct), format);
    }

    /// <summary>The most rows a register's PDF or Word file holds (ADR 0230).</summary>
    public int PrintableRowLimit => sizes.Value.PrintableRowLimit;

    /// <summary>
    /// Refuses a register's PDF or Word file above <see cref="ReportSizeOptions.PrintableRowLimit"/> rows before anything is
    /// built (ADR 0230), with the message the page shows; Excel, JSON and every other report are never refused.
    /// </summary>
    public async Task EnsurePrintableAsync(ReportRequest request, ReportFormat format, CancellationToken ct = default)
    {
        if (request.Kind != ReportKind.Register || format is not (ReportFormat.Pdf or ReportFormat.Docx))
        {
            return;
        }

        var count = await register.CountAsync(request.ProgramCode, request.FromYear, request.ToYear, ct);
        if (count > PrintableRowLimit)
        {
            throw new Domain.Common.DomainException(PrintableTooLarge(count, PrintableRowLimit));
        }
    }

    /// <summary>Why a register's PDF or Word file is not made: the rows it would hold, the limit, and what to do instead.</summary>
    public static string PrintableTooLarge(int count, int limit) =>
        $"Danh mục đề án có {count.ToString("#,##0", Domain.Common.VnFormat.Culture)} đề án, nhiều hơn "
        + $"{limit.ToString("#,##0", Domain.Common.VnFormat.Culture)} dòng mà tệp PDF hoặc Word có thể chứa. "
        + "Hãy thu hẹp khoảng năm để danh mục ngắn hơn, hoặc tải tệp Excel (có đủ mọi đề án).";

    /// <summary>The JSON form of a model (its runtime type, not the interface).</summary>
    public static string ToJson(IReportModel model) => JsonSerializer.Serialize(model, model.GetType(), ReportJson.Options);

    /// <summary>Reads a frozen model back (issued reports).</summary>
    public static IReportModel FromJson(ReportKind kind, string json)
    {
        IReportModel? model = kind switch
        {
            ReportKind.Appendix => JsonSerializer.Deserialize<AppendixReport>(json, ReportJson.Options),
            ReportKind.Annual => JsonSerializer.Deserialize<AnnualReport>(json, ReportJson.Options),
            ReportKind.Matrix => JsonSerializer.Deserialize<YearMatrix>(json, ReportJson.Options),
            ReportKind.Register => JsonSerializer.Deserialize<ProposalRegister>(json, ReportJson.Options),
            ReportKind.Document => JsonSerializer.Deserialize<ReportDocument>(json, ReportJson.Options),
            ReportKind.OutOfNorms => JsonSerializer.Deserialize<SupportRules.OutOfNormsReport>(json, ReportJson.Options),
            ReportKind.Indicators => JsonSerializer.Deserialize<Indicators.IndicatorReport>(json, ReportJson.Options),
            ReportKind.FundingRequest => JsonSerializer.Deserialize<FundingRequests.FundingRequestReport>(json, ReportJson.Options),
            _ => null,
        };
        return model ?? throw new InvalidOperationException("Không đọc được mô hình báo cáo đã lưu.");
    }
}

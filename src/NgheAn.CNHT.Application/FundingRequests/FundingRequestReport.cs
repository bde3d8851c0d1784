using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Application.FundingRequests;

/// <summary>
/// The year's funding request as a document for the Finance Department (ADR 0176): per item the amount requested and
/// its justification, with the total. Laid out like the existing annual estimate report (item, basis, amount); it does
/// not claim conformity with any prescribed form.
/// </summary>
public sealed record FundingRequestReport(
    string ProgramCode,
    string ProgramName,
    int Year,
    IReadOnlyList<FundingRequestReportLine> Lines,
    DateTime GeneratedAtUtc) : IReportModel
{
    public ReportKind Kind => ReportKind.FundingRequest;

    public int FromYear => Year;

    public int ToYear => Year;

    public decimal FromApplications => Lines.Sum(l => l.FromApplications);

    public decimal FromProposals => Lines.Sum(l => l.FromProposals);

    /// <summary>Department-run lines (ADR 0179): management cost, events…, each with its justification.</summary>
    public IReadOnlyList<FundingRequestActivityLine> Activities { get; init; } = [];

    public decimal ItemsTotal => Lines.Sum(l => l.Total);

    public decimal ActivitiesTotal => Activities.Sum(a => a.Amount);

    public decimal Total => ItemsTotal + ActivitiesTotal;

    public IEnumerable<ReportFigureRow> Figures()
    {
        foreach (var l in Lines)
        {
            yield return Row($"item:{l.ItemCode}", $"{l.ItemCode} {l.ItemName}", l.FromApplications, l.FromProposals, l.Total);
        }

        foreach (var a in Activities)
        {
            yield return Row($"activity:{a.Number}", a.Description, 0, 0, a.Amount);
        }

        yield return Row("total", "Tổng cộng", FromApplications, FromProposals, Total);
    }

    private static ReportFigureRow Row(string key, string label, decimal applications, decimal proposals, decimal total) => new(key, label,
    [
        new("Từ hồ sơ đề nghị", applications, FigureUnit.Dong),
        new("Từ đề án chuyển tiếp", proposals, FigureUnit.Dong),
        new("Nhu cầu", total, FigureUnit.Dong),
    ]);
}

/// <summary>A department-run line of the request (numbered HĐ1, HĐ2… in the document); whole đồng.</summary>
public sealed record FundingRequestActivityLine(int Number, string Kind, string Description, decimal Amount, string Justification);

/// <summary>One item of the request; amounts in whole đồng.</summary>
public sealed record FundingRequestReportLine(string ItemCode, string ItemName, decimal FromApplications, decimal FromProposals, decimal Total, string Justification);

/// <summary>Builds <see cref="FundingRequestReport"/> from <see cref="FundingRequestQuery"/> (its SQL aggregates), for one year.</summary>
public sealed class FundingRequestReportQuery(IAppDbContext db, FundingRequestQuery query, TimeProvider clock)
{
    /// <summary>The year is <paramref name="fromYear"/> (or <paramref name="toYear"/>); none: next year, kept inside the program's period.</summary>
    public async Task<FundingRequestReport> BuildAsync(string programCode, int? fromYear = null, int? toYear = null, CancellationToken ct = default)
    {
        var program = await db.Programs.AsNoTracking().Where(p => p.Code == programCode).Select(p => new { p.StartYear, p.EndYear }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Không có chương trình mã {programCode}.");
        if (fromYear is { } f && toYear is { } t && f != t)
        {
            throw new DomainException("Nhu cầu kinh phí lập cho từng năm: chọn một năm.", "Year");
        }

        var year = fromYear ?? toYear ?? Math.Clamp(VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime).Year + 1, program.StartYear, program.EndYear);
        var request = await query.BuildAsync(programCode, year, ct) ?? throw new NotFoundException($"Không có chương trình mã {programCode}.");
        var lines = request.Lines.Select(l => new FundingRequestReportLine(l.ItemCode, l.ItemName, l.FromApplications, l.FromProposals, l.Total, l.Justification)).ToList();
        var activities = request.Activities.Select((a, n) => new FundingRequestActivityLine(n + 1, Domain.FundingRequests.DepartmentActivityKinds.DisplayName(a.Kind), a.Description, a.Amount, a.Justification)).ToList();
        return new FundingRequestReport(request.ProgramCode, request.ProgramName, request.Year, lines, clock.GetUtcNow().UtcDateTime) { Activities = activities };
    }
}

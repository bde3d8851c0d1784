using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.IntegrationTests.Support;

/// <summary>
/// Builds workbooks the way a person would type them in Excel: only a header row (no notes row), amounts
/// as numbers or as Vietnamese text ("1.250.000.000"), dates as dates or as text ("15/03/2020").
/// </summary>
public sealed class HandMadeWorkbook
{
    public static readonly string[] ProposalHeaders =
    [
        "Mã đề án", "Tên đề án", "Mã nội dung", "Đơn vị chủ trì", "Mã số thuế", "Năm bắt đầu", "Năm kết thúc",
        "Tổng kinh phí (đồng)", "Ngân sách tỉnh hỗ trợ (đồng)", "Trạng thái", "Số QĐ phê duyệt", "Ngày phê duyệt",
        "Ngày nghiệm thu", "Số QĐ quyết toán", "Ngày quyết toán",
    ];

    public static readonly string[] LedgerHeaders = ["Mã đề án", "Ngày chứng từ", "Số chứng từ", "Nguồn kinh phí", "Loại bút toán", "Số tiền (đồng)", "Ghi chú"];

    private readonly List<object?[]> _proposals = [];
    private readonly List<object?[]> _ledger = [];

    public string? ProgramCode { get; init; } = "2018-2025";

    /// <summary>Adds a DeAn row (sheet row = 2 + index); returns its row number.</summary>
    public int Proposal(params object?[] cells)
    {
        _proposals.Add(cells);
        return _proposals.Count + 1;
    }

    public int Ledger(params object?[] cells)
    {
        _ledger.Add(cells);
        return _ledger.Count + 1;
    }

    public byte[] ToBytes()
    {
        using var wb = new XLWorkbook();
        Fill(wb.Worksheets.Add("DeAn"), ProposalHeaders, _proposals);
        Fill(wb.Worksheets.Add("GiaiNgan"), LedgerHeaders, _ledger);
        if (ProgramCode is not null)
        {
            var catalog = wb.Worksheets.Add("DanhMuc");
            Set(catalog.Cell(1, 1), "Mã chương trình");
            Set(catalog.Cell(1, 2), ProgramCode);
        }

        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }

    private static void Fill(IXLWorksheet ws, string[] headers, List<object?[]> rows)
    {
        for (var c = 0; c < headers.Length; c++)
        {
            Set(ws.Cell(1, c + 1), headers[c]);
        }

        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                Set(ws.Cell(r + 2, c + 1), rows[r][c]);
            }
        }
    }

    private static void Set(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string s:
                cell.SetValue(s);
                cell.DataType = XLDataType.Text;
                return;
            case DateOnly d:
                cell.Value = d.ToDateTime(TimeOnly.MinValue);
                return;
            default:
                cell.Value = value;
                return;
        }
    }
}

public static class ImportHelpers
{
    public static Task<ImportOutcome> ImportAsync(this CnhtFactory portal, byte[] workbook, string? program = null, bool dryRun = false, string fileName = "du-lieu.xlsx") =>
        portal.ScopedAsync(async sp =>
        {
            using var stream = new MemoryStream(workbook);
            return await sp.GetRequiredService<ImportService>().RunAsync(stream, new ImportRequest(fileName, program, dryRun));
        });

    public static Task<(int Proposals, int Entries, int Units)> CountsAsync(this CnhtFactory portal) =>
        portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Proposals),
                await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.DisbursementEntries),
                await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Organizations));
        });

    public static Task<byte[]> ExportAsync(this CnhtFactory portal, string program = "2018-2025", bool template = false) =>
        portal.ScopedAsync(async sp =>
        {
            var model = await sp.GetRequiredService<ExportQuery>().BuildAsync(program, template);
            using var ms = new MemoryStream();
            sp.GetRequiredService<IWorkbookWriter>().Write(model, ms);
            return ms.ToArray();
        });
}

/// <summary>A portal over an empty database: migrated, catalog loaded, no proposals, no units.</summary>
public sealed class EmptyPortal : CnhtFactory
{
    public EmptyPortal() : base(seedDemoData: false) { }
}

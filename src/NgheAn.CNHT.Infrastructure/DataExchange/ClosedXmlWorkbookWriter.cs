using ClosedXML.Excel;
using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Infrastructure.DataExchange;

/// <summary>
/// Writes the import template and the export (the same format) with ClosedXML: an instructions sheet,
/// the data sheets (header row, a notes row, data), drop-down lists for codes, statuses, sources and
/// kinds, and the catalog. Column widths are set explicitly (AdjustToContents needs libgdiplus on Linux).
/// </summary>
public sealed class ClosedXmlWorkbookWriter : IWorkbookWriter
{
    private const string MoneyFormat = "#,##0";
    private const string DateFormat = "dd/mm/yyyy";
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DCE6F1");
    private static readonly XLColor NoteFill = XLColor.FromHtml("#F2F2F2");

    public void Write(ProgramWorkbook model, Stream output) => Write(model, output, model.Proposals.Count, model.Ledger.Count);

    /// <summary>
    /// The workbook with the data validations sized for <paramref name="proposalCount"/> proposals and
    /// <paramref name="ledgerCount"/> entries, whatever rows the model holds: the streaming export writes a skeleton
    /// this way (a few sample rows whose styles it copies) and streams the real rows in (ADR 0108).
    /// </summary>
    internal static void Write(ProgramWorkbook model, Stream output, int proposalCount, int ledgerCount)
    {
        using var workbook = new XLWorkbook();
        Instructions(workbook.Worksheets.Add("HuongDan"), model);
        var proposals = workbook.Worksheets.Add(WorkbookLayout.ProposalSheetName);
        var ledger = workbook.Worksheets.Add(WorkbookLayout.LedgerSheetName);
        var units = workbook.Worksheets.Add(WorkbookLayout.UnitSheetName);
        var catalog = workbook.Worksheets.Add(WorkbookLayout.CatalogSheetName);
        var lists = Catalog(catalog, model);

        Header(proposals, WorkbookLayout.Proposals);
        Header(ledger, WorkbookLayout.Ledger);
        Header(units, WorkbookLayout.Units);

        var rows = model.IsTemplate ? ExampleProposals(model) : model.Proposals;
        var r = WorkbookLayout.FirstDataRow;
        foreach (var p in rows)
        {
            var c = WorkbookLayout.Proposals;
            Text(proposals.Cell(r, c["Code"].Index), p.Code);
            Text(proposals.Cell(r, c["Title"].Index), p.Title);
            Text(proposals.Cell(r, c["ItemCode"].Index), p.ItemCode);
            Text(proposals.Cell(r, c["UnitName"].Index), p.UnitName);
            Text(proposals.Cell(r, c["TaxCode"].Index), p.TaxCode);
            proposals.Cell(r, c["StartYear"].Index).Value = p.StartYear;
            proposals.Cell(r, c["EndYear"].Index).Value = p.EndYear;
            Money(proposals.Cell(r, c["TotalCost"].Index), p.TotalCost);
            Money(proposals.Cell(r, c["ProvincialShare"].Index), p.ProvincialShare);
            Text(proposals.Cell(r, c["Status"].Index), WorkbookLayout.StatusName(p.Status));
            Text(proposals.Cell(r, c["DecisionNumber"].Index), p.DecisionNumber);
            Date(proposals.Cell(r, c["DecisionDate"].Index), p.DecisionDate);
            Date(proposals.Cell(r, c["AcceptanceDate"].Index), p.AcceptanceDate);
            Text(proposals.Cell(r, c["SettlementDecisionNumber"].Index), p.SettlementDecisionNumber);
            Date(proposals.Cell(r, c["SettlementDate"].Index), p.SettlementDate);
            Money(proposals.Cell(r, c["SettledTotalCost"].Index), p.SettledTotalCost);
            Money(proposals.Cell(r, c["SettledProvincialShare"].Index), p.SettledProvincialShare);
            r++;
        }

        Style(proposals, WorkbookLayout.Proposals, r, model.IsTemplate);

        r = WorkbookLayout.FirstDataRow;
        foreach (var e in model.IsTemplate ? ExampleLedger(model) : model.Ledger)
        {
            var c = WorkbookLayout.Ledger;
            Text(ledger.Cell(r, c["Code"].Index), e.ProposalCode);
            Date(ledger.Cell(r, c["EntryDate"].Index), e.EntryDate);
            Text(ledger.Cell(r, c["VoucherNumber"].Index), e.VoucherNumber);
            Text(ledger.Cell(r, c["Source"].Index), WorkbookLayout.SourceName(e.Source));
            Text(ledger.Cell(r, c["Kind"].Index), WorkbookLayout.KindName(e.Kind));
            Money(ledger.Cell(r, c["Amount"].Index), e.Amount);
            Text(ledger.Cell(r, c["Note"].Index), e.Note);
            Text(ledger.Cell(r, c["OriginalVoucher"].Index), e.OriginalVoucher);
            r++;
        }

        Style(ledger, WorkbookLayout.Ledger, r, model.IsTemplate);

        r = WorkbookLayout.FirstDataRow;
        foreach (var u in model.Units)
        {
            var c = WorkbookLayout.Units;
            Text(units.Cell(r, c["Name"].Index), u.Name);
            Text(units.Cell(r, c["Kind"].Index), u.Kind is { } k ? WorkbookLayout.UnitKindName(k) : null);
            Text(units.Cell(r, c["TaxCode"].Index), u.TaxCode);
            Text(units.Cell(r, c["Sector"].Index), u.Sector);
            Text(units.Cell(r, c["District"].Index), u.District);
            Text(units.Cell(r, c["Address"].Index), u.Address);
            r++;
        }

        Style(units, WorkbookLayout.Units, r, model.IsTemplate);

        var last = Math.Max(r, ValidatedRows);
        Validate(proposals, WorkbookLayout.Proposals["ItemCode"], proposalCount + 2, lists.Items, "Mã nội dung không có trong danh mục (xem sheet DanhMuc).");
        Validate(proposals, WorkbookLayout.Proposals["Status"], proposalCount + 2, lists.Statuses, "Chọn trạng thái trong danh sách.");
        Validate(ledger, WorkbookLayout.Ledger["Source"], ledgerCount + 2, lists.Sources, "Chọn nguồn kinh phí trong danh sách.");
        Validate(ledger, WorkbookLayout.Ledger["Kind"], ledgerCount + 2, lists.Kinds, "Chọn loại bút toán trong danh sách.");
        Validate(units, WorkbookLayout.Units["Kind"], last, lists.UnitKinds, "Chọn loại đơn vị trong danh sách.");

        proposals.SetTabActive();
        workbook.SaveAs(output);
    }

    private static void Header(IXLWorksheet ws, WorkbookSheet layout)
    {
        foreach (var column in layout.Columns)
        {
            var header = ws.Cell(WorkbookLayout.HeaderRow, column.Index);
            Text(header, column.Header);
            header.Style.Font.Bold = true;
            header.Style.Fill.BackgroundColor = HeaderFill;
            header.Style.Alignment.WrapText = true;
            header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
            if (column.Required)
            {
                header.Style.Font.FontColor = XLColor.FromHtml("#1F3864");
            }

            var note = ws.Cell(WorkbookLayout.NoteRow, column.Index);
            Text(note, column.Note);
            note.Style.Font.Italic = true;
            note.Style.Font.FontSize = 9;
            note.Style.Font.FontColor = XLColor.FromHtml("#595959");
            note.Style.Fill.BackgroundColor = NoteFill;
            note.Style.Alignment.WrapText = true;
            note.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            ws.Column(column.Index).Width = column.Width;
        }

        ws.Row(WorkbookLayout.HeaderRow).Height = 32;
        ws.Row(WorkbookLayout.NoteRow).Height = 60;
        ws.SheetView.FreezeRows(WorkbookLayout.NoteRow);
    }

    /// <summary>Number and date formats by column (cheap for thousands of rows), borders round what was written.</summary>
    private static void Style(IXLWorksheet ws, WorkbookSheet layout, int nextRow, bool example)
    {
        foreach (var column in layout.Columns)
        {
            var range = ws.Range(WorkbookLayout.FirstDataRow, column.Index, Math.Max(nextRow, WorkbookLayout.FirstDataRow + 1000), column.Index);
            range.Style.NumberFormat.Format = column.Kind switch
            {
                CellKind.Money => MoneyFormat,
                CellKind.Date => DateFormat,
                CellKind.Year => "0",
                _ => "@",
            };
        }

        if (nextRow > WorkbookLayout.FirstDataRow)
        {
            var used = ws.Range(WorkbookLayout.HeaderRow, 1, nextRow - 1, layout.Columns.Count);
            used.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
            used.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
            if (example)
            {
                var rows = ws.Range(WorkbookLayout.FirstDataRow, 1, nextRow - 1, layout.Columns.Count);
                rows.Style.Font.Italic = true;
                rows.Style.Font.FontColor = XLColor.FromHtml("#7F7F7F");
            }
        }
    }

    public const int ValidatedRows = 10_000;

    private static void Validate(IXLWorksheet ws, WorkbookColumn column, int lastRow, IXLRange list, string message)
    {
        // Lists reach well past the 5.000 rows a province's history may hold (and past any exported rows).
        var validation = ws.Range(WorkbookLayout.FirstDataRow, column.Index, Math.Max(lastRow, ValidatedRows), column.Index).SetDataValidation();
        validation.List(list, true);
        validation.IgnoreBlanks = true;
        validation.ShowErrorMessage = true;
        validation.ErrorStyle = XLErrorStyle.Stop;
        validation.ErrorTitle = column.Header;
        validation.ErrorMessage = message;
    }

    private sealed record Lists(IXLRange Items, IXLRange Statuses, IXLRange Sources, IXLRange Kinds, IXLRange UnitKinds);

    private static Lists Catalog(IXLWorksheet ws, ProgramWorkbook model)
    {
        Label(ws, 1, WorkbookLayout.ProgramCodeLabel, model.ProgramCode);
        ws.Cell(1, 2).Style.Font.Bold = true;
        Label(ws, 2, "Tên chương trình", model.ProgramName);
        Label(ws, 3, "Giai đoạn", $"{model.StartYear}-{model.EndYear}");
        Label(ws, 4, "Căn cứ", model.LegalBasis);

        const int head = WorkbookLayout.CatalogFirstItemRow - 1;
        string[] headers = ["Mã", "Nhóm nội dung / nội dung", "Kế hoạch mục tiêu giai đoạn (đồng)", "", "Mã nội dung", "Trạng thái", "Nguồn kinh phí", "Loại bút toán", "Loại đơn vị"];
        for (var i = 0; i < headers.Length; i++)
        {
            if (headers[i].Length > 0)
            {
                Text(ws.Cell(head, i + 1), headers[i]);
                ws.Cell(head, i + 1).Style.Font.Bold = true;
                ws.Cell(head, i + 1).Style.Fill.BackgroundColor = HeaderFill;
            }
        }

        var r = head + 1;
        foreach (var line in model.Catalog)
        {
            Text(ws.Cell(r, 1), line.ItemCode ?? line.GroupCode);
            Text(ws.Cell(r, 2), line.Name);
            Money(ws.Cell(r, 3), line.Plan);
            if (line.ItemCode is null)
            {
                ws.Range(r, 1, r, 3).Style.Font.Bold = true;
            }

            r++;
        }

        ws.Column(1).Width = 8;
        ws.Column(2).Width = 80;
        ws.Column(2).Style.Alignment.WrapText = true;
        ws.Column(3).Width = 22;
        ws.Column(3).Style.NumberFormat.Format = MoneyFormat;
        ws.Column(4).Width = 3;
        foreach (var col in new[] { 5, 6, 7, 8, 9 })
        {
            ws.Column(col).Width = 24;
        }

        IXLRange List(int col, IEnumerable<string> values)
        {
            var row = head + 1;
            foreach (var v in values)
            {
                Text(ws.Cell(row++, col), v);
            }

            return ws.Range(head + 1, col, Math.Max(row - 1, head + 1), col);
        }

        return new Lists(
            List(5, model.Catalog.Where(c => c.ItemCode is not null).Select(c => c.ItemCode!)),
            List(6, WorkbookLayout.Statuses.Select(WorkbookLayout.StatusName)),
            List(7, WorkbookLayout.Sources.Select(WorkbookLayout.SourceName)),
            List(8, WorkbookLayout.Kinds.Select(WorkbookLayout.KindName)),
            List(9, WorkbookLayout.UnitKinds.Select(WorkbookLayout.UnitKindName)));
    }

    private static void Instructions(IXLWorksheet ws, ProgramWorkbook model)
    {
        string[] lines =
        [
            model.IsTemplate ? $"MẪU NHẬP DỮ LIỆU — CHƯƠNG TRÌNH {model.ProgramCode}" : $"DỮ LIỆU CHƯƠNG TRÌNH {model.ProgramCode}",
            model.ProgramName,
            "",
            "1. Sheet DeAn: mỗi đề án một dòng, từ dòng 3 (dòng 1 là tiêu đề cột, dòng 2 là ghi chú).",
            "2. Sheet GiaiNgan: mỗi bút toán giải ngân một dòng; mã đề án phải có trong sheet DeAn.",
            "3. Sheet DonVi (không bắt buộc): mô tả đơn vị chủ trì chưa có trên cổng (loại đơn vị, lĩnh vực, địa bàn).",
            "4. Sheet DanhMuc: danh mục nội dung của chương trình và các danh sách chọn; không sửa ô B1 (mã chương trình).",
            "5. Số tiền là số đồng nguyên (ví dụ 1.250.000.000); ngày theo dạng ngày/tháng/năm (05/01/2024).",
            $"6. Các dòng có mã bắt đầu bằng \"{WorkbookLayout.ExamplePrefix}\" là ví dụ và không được nhập; có thể xóa hoặc ghi đè.",
            "7. Khi nhập, cổng kiểm tra toàn bộ tệp theo đúng quy tắc của các biểu mẫu; chỉ khi không còn lỗi, toàn bộ dữ liệu được ghi một lần.",
            "8. Đề án có mã đã có trên cổng được bỏ qua: nhập lại cùng một tệp không tạo bản trùng.",
        ];
        for (var i = 0; i < lines.Length; i++)
        {
            Text(ws.Cell(i + 1, 1), lines[i]);
        }

        ws.Cell(1, 1).Style.Font.Bold = true;
        ws.Cell(1, 1).Style.Font.FontSize = 14;
        ws.Column(1).Width = 120;
    }

    private static IReadOnlyList<ProposalLine> ExampleProposals(ProgramWorkbook model)
    {
        var item = model.Catalog.FirstOrDefault(c => c.ItemCode is not null)?.ItemCode ?? "1.1";
        var year = model.StartYear;
        return
        [
            new ProposalLine($"{WorkbookLayout.ExamplePrefix} CNHT-{year}-01", "Đổi mới công nghệ gia công chi tiết cơ khí chính xác", item,
                "Công ty TNHH Cơ khí chính xác Vinh", "2901234563", year, year, 1_250_000_000m, 300_000_000m, Domain.Proposals.ProposalStatus.Settled,
                $"101/QĐ-SCT", new DateOnly(year, 3, 15), new DateOnly(year, 11, 20), "15/QĐ-TT", new DateOnly(year, 12, 10), null, null),
        ];
    }

    private static IReadOnlyList<LedgerLine> ExampleLedger(ProgramWorkbook model) =>
    [
        new LedgerLine($"{WorkbookLayout.ExamplePrefix} CNHT-{model.StartYear}-01", new DateOnly(model.StartYear, 4, 1), "PC-01",
            Domain.Disbursements.FundingSource.ProvincialBudget, Domain.Disbursements.DisbursementKind.Advance, 150_000_000m, "Tạm ứng 50%", null),
    ];

    private static void Label(IXLWorksheet ws, int row, string label, string? value)
    {
        Text(ws.Cell(row, 1), label);
        ws.Cell(row, 1).Style.Font.Italic = true;
        Text(ws.Cell(row, 2), value);
    }

    /// <summary>Text stays text: codes such as 3.3, 0101234567 or 2018-2025 must never become numbers or dates.</summary>
    private static void Text(IXLCell cell, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        Reporting.InertCell.SetText(cell, value);
    }

    private static void Money(IXLCell cell, decimal? value)
    {
        if (value is { } v)
        {
            cell.Value = v;
        }
    }

    private static void Date(IXLCell cell, DateOnly? value)
    {
        if (value is { } d)
        {
            cell.Value = d.ToDateTime(TimeOnly.MinValue);
        }
    }
}

using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Application.DataExchange;

/// <summary>One item's period plan as the file states it, where it differs from the portal's.</summary>
internal sealed record PlanTargetChange(int ItemId, string ItemCode, decimal OldPlan, decimal NewPlan, string Reference);

/// <summary>
/// The DanhMuc sheet states each item's period plan: where it differs from the portal's, the import revises the
/// portal's plan with it (as a plan revision naming the file), so an exported program imported elsewhere gives
/// the same appendix. Plan targets are DOIT's (<see cref="ImportPolicy.MayRevisePlan"/>); for anyone else a
/// difference refuses the file. Unknown item codes and unreadable amounts are listed; nothing is guessed.
/// The revisions are written by <see cref="ImportWriter"/>.
/// </summary>
public sealed class PlanTargetRevisions(IAppDbContext db)
{
    private const string Header = "Kế hoạch mục tiêu giai đoạn (đồng)";

    internal async Task<IReadOnlyList<PlanTargetChange>> FindAsync(IReadOnlyList<CatalogPlanCell> cells, ImportContext ctx, string fileName,
        List<ImportProblem> problems, CancellationToken ct)
    {
        if (cells.Count == 0)
        {
            return [];
        }

        const string sheet = WorkbookLayout.CatalogSheetName;
        var plans = await db.ContentItems.AsNoTracking().Where(i => i.Group.ProgramId == ctx.ProgramId)
            .Select(i => new { i.Id, i.Code, i.PlanAmount }).ToDictionaryAsync(i => i.Code, ct);
        var mayRevise = ImportPolicy.MayRevisePlan(ctx.Importer);
        var changes = new List<PlanTargetChange>();
        foreach (var cell in cells)
        {
            if (!plans.TryGetValue(cell.ItemCode, out var item))
            {
                problems.Add(new ImportProblem(sheet, cell.Row, "A", "Mã", $"Nội dung {cell.ItemCode} không có trong danh mục chương trình {ctx.ProgramCode}; kế hoạch của dòng này không được nhập.", ProblemSeverity.Notice));
                continue;
            }

            decimal amount;
            if (cell.Plan.Number is { } n && n == decimal.Truncate(n) && n >= 0)
            {
                amount = n;
            }
            else if (cell.Plan.Number is null && VnFormat.TryParseDong(cell.Plan.Text.Trim(), out var typed))
            {
                amount = typed;
            }
            else
            {
                problems.Add(new ImportProblem(sheet, cell.Row, "C", Header, $"Kế hoạch của nội dung {cell.ItemCode} phải là số đồng nguyên không âm, ví dụ 1.250.000.000."));
                continue;
            }

            if (amount == item.PlanAmount)
            {
                continue;
            }

            var said = $"Kế hoạch nội dung {cell.ItemCode} theo tệp là {VnFormat.Dong(amount)} đồng, trên cổng là {VnFormat.Dong(item.PlanAmount)} đồng";
            if (!mayRevise)
            {
                problems.Add(new ImportProblem(sheet, cell.Row, "C", Header, $"{said}: kế hoạch do Chuyên viên hoặc Lãnh đạo Sở điều chỉnh; sửa tệp cho khớp cổng, hoặc nhờ Chuyên viên nhập tệp."));
                continue;
            }

            problems.Add(new ImportProblem(sheet, cell.Row, "C", Header, $"{said}: khi xác nhận nhập, kế hoạch trên cổng được điều chỉnh theo tệp (lưu lịch sử điều chỉnh).", ProblemSeverity.Notice));
            changes.Add(new PlanTargetChange(item.Id, cell.ItemCode, item.PlanAmount, amount, Shorten($"Nhập từ tệp \"{Path.GetFileName(fileName)}\"", 200)));
        }

        return changes;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Domain.Catalog;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.Infrastructure.Seeding;

/// <summary>
/// The dossier checklist of each content item of program 2018-2025 as reference data (ADR 0125): the three
/// documents every supported unit files (đơn đề nghị, thuyết minh, dự toán), mandatory, plus the unit's legal
/// papers, optional. Groups 6, 7 and 8 are work the department and the Support Center run themselves (surveys,
/// publications, the website, seminars, program management, the scheme): no dossier, so no checklist and no check.
/// Giá trị minh họa, cần đối chiếu văn bản gốc: the exact list belongs to each call for applications.
/// Inserts only for items that have no checklist yet; never changes one that exists.
/// </summary>
public static class RequiredDocumentSeeder
{
    public static readonly string[] DepartmentRunGroups = ["6", "7", "8"];

    public static IReadOnlyList<(string Name, DocumentType Type, bool Mandatory)> Standard { get; } =
    [
        ("Đơn đề nghị hỗ trợ của đơn vị chủ trì", DocumentType.Application, true),
        ("Thuyết minh đề án (mục tiêu, nội dung, sản phẩm, tiến độ)", DocumentType.Description, true),
        ("Dự toán kinh phí chi tiết", DocumentType.CostEstimate, true),
        ("Giấy chứng nhận đăng ký doanh nghiệp hoặc quyết định thành lập", DocumentType.Other, false),
    ];

    public static async Task EnsureAsync(AppDbContext db, ILogger logger, CancellationToken ct = default)
    {
        var items = await db.ContentItems
            .Where(i => i.Group.Program.Code == CatalogSeeder.Program2018Code && !DepartmentRunGroups.Contains(i.Group.Code))
            .Where(i => !db.RequiredDocuments.Any(d => d.ContentItemId == i.Id))
            .Select(i => i.Id)
            .ToListAsync(ct);
        if (items.Count == 0)
        {
            return;
        }

        foreach (var item in items)
        {
            db.RequiredDocuments.AddRange(Standard.Select((d, n) => new RequiredDocument(item, n + 1, d.Name, d.Type, d.Mandatory)));
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Dossier checklists added for {Items} content item(s)", items.Count);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Domain.Catalog;
using NgheAn.CNHT.Domain.Indicators;
using NgheAn.CNHT.Domain.Plans;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Seeding;

namespace NgheAn.CNHT.Infrastructure.Plans;

/// <summary>
/// Demo of the 2026-2030 program's plans (ADR 0170): content items drawn from the text of the seed's six areas
/// (Part II), each with an illustrative period plan split evenly over the five years. Every amount is marked
/// "giá trị minh họa" (ItemPlan.IsIllustrative) until staff save the approved plan; names and amounts stay editable.
/// Runs before the enterprise demo (which activates the program) and never touches program 2018-2025. Idempotent.
/// </summary>
public sealed class ProgramPlanDemoSeeder(AppDbContext db, ILogger<ProgramPlanDemoSeeder> logger)
{
    private const decimal Million = 1_000_000m;

    /// <summary>(area code, items: (code, name drawn from the area's text, illustrative period plan in triệu đồng)).</summary>
    public static IReadOnlyList<(string Area, (string Code, string Name, decimal PlanMillion)[] Items)> Items { get; } =
    [
        ("1",
        [
            ("1.1", "Tổ chức, tham gia hội nghị, hội thảo xúc tiến thu hút đầu tư trong nước và nước ngoài vào lĩnh vực công nghiệp hỗ trợ", 1_500m),
            ("1.2", "Tổ chức, tham gia hội chợ triển lãm kết nối công nghiệp hỗ trợ trong nước và ngoài nước", 2_000m),
            ("1.3", "Tư vấn, hỗ trợ kỹ thuật cho doanh nghiệp công nghiệp hỗ trợ trở thành nhà cung ứng sản phẩm cho khách hàng trong và ngoài nước", 1_000m),
        ]),
        ("2",
        [
            ("2.1", "Hỗ trợ doanh nghiệp công nghiệp hỗ trợ áp dụng hệ thống quản lý, công cụ cải tiến năng suất chất lượng", 1_500m),
            ("2.2", "Hỗ trợ thử nghiệm, kiểm định, đo lường chất lượng, giám định và chứng nhận chất lượng sản phẩm công nghiệp hỗ trợ", 1_000m),
        ]),
        ("3",
        [
            ("3.1", "Nghiên cứu, đánh giá nhu cầu về nhân lực của doanh nghiệp công nghiệp hỗ trợ trong các ngành ưu tiên", 300m),
            ("3.2", "Tổ chức các khóa đào tạo cho đội ngũ quản lý, lao động chất lượng cao đáp ứng khả năng tiếp nhận, chuyển giao công nghệ", 1_200m),
        ]),
        ("4",
        [
            ("4.1", "Hỗ trợ nghiên cứu phát triển, mua bán, ứng dụng chuyển giao và đổi mới công nghệ trong sản xuất thử nghiệm linh kiện, phụ tùng và vật liệu", 6_000m),
            ("4.2", "Hỗ trợ nghiên cứu, sản xuất các nguyên liệu, vật liệu cơ bản phục vụ sản xuất sản phẩm công nghiệp hỗ trợ", 2_000m),
        ]),
        ("5",
        [
            ("5.1", "Xây dựng, vận hành, khai thác hệ thống cơ sở dữ liệu về công nghiệp chế biến chế tạo và công nghiệp hỗ trợ", 1_200m),
            ("5.2", "Xây dựng, vận hành cổng thông tin điện tử công nghiệp hỗ trợ", 800m),
        ]),
        ("6",
        [
            ("6.1", "Hỗ trợ doanh nghiệp công nghiệp hỗ trợ ứng dụng công nghệ thông tin, chuyển đổi số trong quản trị sản xuất và quản trị doanh nghiệp", 2_000m),
            ("6.2", "Hỗ trợ phát triển giải pháp nhà máy thông minh vào quy trình sản xuất", 1_500m),
        ]),
    ];

    /// <summary>Illustrative output indicators per item: (item code, kind, period target).</summary>
    public static IReadOnlyList<(string Item, IndicatorKind Kind, decimal Target)> Indicators { get; } =
    [
        ("1.1", IndicatorKind.EventsHeld, 10), ("1.2", IndicatorKind.EnterprisesSupported, 30), ("1.2", IndicatorKind.SupplierConnections, 40),
        ("1.3", IndicatorKind.EnterprisesSupported, 20), ("1.3", IndicatorKind.SupplierConnections, 20),
        ("2.1", IndicatorKind.EnterprisesCertified, 15), ("2.2", IndicatorKind.ProductsRenewed, 10),
        ("3.1", IndicatorKind.EnterprisesSupported, 50), ("3.2", IndicatorKind.Trainees, 500),
        ("4.1", IndicatorKind.ProductsRenewed, 15), ("4.1", IndicatorKind.EnterprisesSupported, 10), ("4.2", IndicatorKind.ProductsRenewed, 5),
        ("5.1", IndicatorKind.DatabaseEntries, 150), ("5.2", IndicatorKind.EnterprisesSupported, 30),
        ("6.1", IndicatorKind.EnterprisesSupported, 20), ("6.2", IndicatorKind.EnterprisesSupported, 5),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var program = await db.Programs.Include(p => p.Groups).ThenInclude(g => g.Items)
            .FirstOrDefaultAsync(p => p.Code == CatalogSeeder.Program2026Code, ct);
        if (program is null)
        {
            return;
        }

        await OutcomeSeeder.EnsureAsync(db, ct);
        var itemIds = program.Groups.SelectMany(g => g.Items).Select(i => i.Id).ToList();
        if (await db.ItemPlans.AnyAsync(p => itemIds.Contains(p.ContentItemId), ct))
        {
            return;
        }

        if (program.Status == ProgramStatus.Draft)
        {
            foreach (var (area, items) in Items)
            {
                var group = program.Groups.FirstOrDefault(g => g.Code == area);
                if (group is null)
                {
                    continue;
                }

                foreach (var (code, name, plan) in items.Where(i => group.Items.All(existing => existing.Code != i.Code)))
                {
                    group.AddItem(code, name, plan * Million);
                }
            }

            await db.SaveChangesAsync(ct);
        }

        var period = program.Period;
        var years = Enumerable.Range(period.From, period.To - period.From + 1).ToList();
        foreach (var item in program.Groups.SelectMany(g => g.Items))
        {
            var plan = new ItemPlan(item.Id, isIllustrative: true);
            // An even split in whole đồng; the last year takes the remainder so the years add up to the period plan.
            var share = decimal.Floor(item.PlanAmount / years.Count);
            plan.SetYears(period, years.ToDictionary(y => y, y => y == period.To ? item.PlanAmount - share * (years.Count - 1) : share), approved: false, null);
            db.ItemPlans.Add(plan);
            foreach (var (_, kind, target) in Indicators.Where(i => i.Item == item.Code))
            {
                var indicator = new OutputIndicator(item.Id, kind, target, isIllustrative: true);
                var yearShare = decimal.Floor(target / years.Count);
                indicator.SetTargets(period, target, years.ToDictionary(y => y, y => y == period.To ? target - yearShare * (years.Count - 1) : yearShare), approved: false);
                db.OutputIndicators.Add(indicator);
            }
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded illustrative yearly plans of program {Program}", program.Code);
    }
}

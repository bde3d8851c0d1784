using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Domain.Catalog;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.Infrastructure.Seeding;

/// <summary>
/// The program catalog as reference data: program 2018-2025 (Quyết định 1306/QĐ-UBND) with its eight
/// groups, items and derived plan targets, and program 2026-2030 with its six areas and no amounts.
/// Inserts only what is missing; never changes what staff have edited.
/// How each plan target was derived from the report: docs/catalog-plan-targets.md.
/// </summary>
public sealed class CatalogSeeder(AppDbContext db, ILogger<CatalogSeeder> logger)
{
    private const decimal Million = 1_000_000m;

    public const string Program2018Code = "2018-2025";
    public const string Program2026Code = "2026-2030";

    /// <summary>(group code, group name, items: (code, name, plan in triệu đồng)).</summary>
    public static IReadOnlyList<(string Code, string Name, (string Code, string Name, decimal PlanMillion)[] Items)> Groups2018 { get; } =
    [
        ("1", "Kết nối, hỗ trợ doanh nghiệp CNHT trở thành nhà cung ứng cho khách hàng trong và ngoài nước; xúc tiến thương mại",
        [
            ("1.1", "Khảo sát, đánh giá năng lực doanh nghiệp, xác nhận năng lực doanh nghiệp CNHT", 764m),
            ("1.2", "Tư vấn hỗ trợ kỹ thuật, quản lý cho các doanh nghiệp CNHT", 1_131m),
            ("1.3", "Hỗ trợ tham gia hội chợ triển lãm kết nối CNHT ở nước ngoài; tổ chức hội chợ triển lãm CNHT trong nước trên địa bàn tỉnh", 1_131m),
            ("1.4", "Tuyên truyền, quảng bá trên các phương tiện thông tin đại chúng về hoạt động CNHT; hỗ trợ quảng bá, đăng ký thương hiệu sản phẩm CNHT", 1_250m),
        ]),
        ("2", "Hỗ trợ đào tạo nâng cao chất lượng nguồn nhân lực đáp ứng nhu cầu của các ngành CNHT ưu tiên phát triển",
        [
            ("2.1", "Nghiên cứu, đánh giá nhu cầu về nhân lực của doanh nghiệp CNHT", 0m),
            ("2.2", "Tổ chức các lớp bồi dưỡng, đào tạo, tập huấn cho cán bộ quản lý nhà nước; cán bộ quản lý và công nhân kỹ thuật các doanh nghiệp CNHT", 891.2m),
        ]),
        ("3", "Hỗ trợ nghiên cứu phát triển, ứng dụng chuyển giao và đổi mới công nghệ trong sản xuất thử nghiệm linh kiện, phụ tùng, nguyên liệu và vật liệu",
        [
            ("3.1", "Hỗ trợ giới thiệu, phổ biến một số quy trình sản xuất và yêu cầu kỹ thuật về sản phẩm CNHT", 360m),
            ("3.2", "Hỗ trợ nghiên cứu phát triển, chuyển giao công nghệ, sản xuất thử nghiệm linh kiện, phụ tùng, nguyên vật liệu", 5_400m),
            ("3.3", "Hỗ trợ doanh nghiệp hoàn thiện, đổi mới công nghệ và sản xuất thử nghiệm sản phẩm CNHT", 5_400m),
            ("3.4", "Hỗ trợ kinh phí nghiên cứu cho các tổ chức, cá nhân đã tự đầu tư nghiên cứu, phát triển và triển khai ứng dụng vào sản xuất có kết quả ứng dụng mang lại hiệu quả", 4_500m),
        ]),
        ("4", "Hỗ trợ cơ sở, doanh nghiệp áp dụng hệ thống quản lý đáp ứng yêu cầu của các chuỗi sản xuất toàn cầu trong quản trị doanh nghiệp, quản trị sản xuất",
        [
            ("4.1", "Đánh giá khả năng và nhu cầu áp dụng các tiêu chuẩn, hệ thống quản lý trong sản xuất tại các doanh nghiệp", 0m),
            ("4.2", "Hỗ trợ kinh phí tổ chức đào tạo ứng dụng hệ thống quản lý cho các doanh nghiệp", 0m),
            ("4.3", "Tổ chức đánh giá, công nhận hệ thống quản trị doanh nghiệp và quản trị sản xuất", 0m),
        ]),
        ("5", "Hỗ trợ các doanh nghiệp CNHT tiếp cận nguồn vốn vay đầu tư dài hạn",
        [
            ("5.1", "Hỗ trợ lãi suất vay vốn sau đầu tư cho các doanh nghiệp CNHT", 0m),
        ]),
        ("6", "Xúc tiến thu hút đầu tư các nhà cung cấp FDI các ngành, lĩnh vực CNHT ưu tiên phát triển; cập nhật và công bố thông tin về công nghiệp hỗ trợ",
        [
            ("6.1", "Khảo sát, xây dựng và cập nhật cơ sở dữ liệu doanh nghiệp sản xuất sản phẩm hoàn chỉnh và sản phẩm CNHT trong các lĩnh vực công nghiệp ưu tiên", 1_200m),
            ("6.2", "Xuất bản các ấn phẩm CNHT", 300m),
            ("6.3", "Vận hành trang thông tin điện tử về CNHT", 1_157.5m),
            ("6.4", "Tổ chức hội thảo xúc tiến đầu tư trong và ngoài nước vào lĩnh vực CNHT", 800m),
            ("6.5", "Tổ chức hội thảo công bố thông tin về công nghiệp hỗ trợ", 1_157.5m),
        ]),
        ("7", "Chi quản lý chương trình (khảo sát, xây dựng chương trình đề án, kiểm tra, nghiệm thu...)",
        [
            ("7.1", "Chi quản lý chương trình (khảo sát, xây dựng chương trình đề án, kiểm tra, nghiệm thu...)", 0m),
        ]),
        ("8", "Xây dựng đề án phát triển CNHT trên địa bàn tỉnh Nghệ An đến năm 2025, định hướng đến năm 2030",
        [
            ("8.1", "Xây dựng đề án phát triển CNHT trên địa bàn tỉnh Nghệ An đến năm 2025, định hướng đến năm 2030", 0m),
        ]),
    ];

    public static IReadOnlyList<(string Code, string Name)> Areas2026 { get; } =
    [
        ("1", "Xúc tiến thu hút đầu tư trong nước và đầu tư nước ngoài vào lĩnh vực công nghiệp hỗ trợ; kết nối, hỗ trợ doanh nghiệp công nghiệp hỗ trợ trở thành nhà cung ứng sản phẩm cho khách hàng trong và ngoài nước"),
        ("2", "Hỗ trợ doanh nghiệp công nghiệp hỗ trợ áp dụng hệ thống quản lý, công cụ cải tiến năng suất chất lượng; thử nghiệm, kiểm định, đo lường chất lượng, giám định và chứng nhận chất lượng sản phẩm công nghiệp hỗ trợ"),
        ("3", "Hỗ trợ đào tạo nâng cao chất lượng nguồn nhân lực đáp ứng yêu cầu của các ngành sản xuất sản phẩm công nghiệp hỗ trợ"),
        ("4", "Hỗ trợ nghiên cứu phát triển, mua bán, ứng dụng chuyển giao và đổi mới công nghệ trong sản xuất thử nghiệm linh kiện, phụ tùng và vật liệu; nghiên cứu, sản xuất các nguyên liệu, vật liệu cơ bản"),
        ("5", "Hỗ trợ xây dựng, vận hành, khai thác hệ thống cơ sở dữ liệu về công nghiệp chế biến chế tạo và công nghiệp hỗ trợ; xây dựng, vận hành cổng thông tin điện tử công nghiệp hỗ trợ"),
        ("6", "Hỗ trợ doanh nghiệp công nghiệp hỗ trợ ứng dụng công nghệ thông tin, chuyển đổi số, phát triển giải pháp nhà máy thông minh vào quy trình sản xuất, hệ thống quản trị sản xuất và quản trị doanh nghiệp"),
    ];

    public async Task EnsureAsync(CancellationToken ct = default)
    {
        var existing = await db.Programs.Select(p => p.Code).ToListAsync(ct);
        if (!existing.Contains(Program2018Code))
        {
            var program = new CnhtProgram(Program2018Code, "Chương trình phát triển công nghiệp hỗ trợ tỉnh Nghệ An giai đoạn 2018-2025", 2018, 2025,
                null);
            foreach (var (code, name, items) in Groups2018)
            {
                var group = program.AddGroup(code, name);
                foreach (var item in items)
                {
                    group.AddItem(item.Code, item.Name, item.PlanMillion * Million);
                }
            }

            program.Activate("Quyết định số 1306/QĐ-UBND ngày 23/4/2019 của UBND tỉnh Nghệ An");
            db.Programs.Add(program);
            logger.LogInformation("Seeded program {Program} with {Groups} content groups", Program2018Code, Groups2018.Count);
        }

        if (!existing.Contains(Program2026Code))
        {
            var program = new CnhtProgram(Program2026Code, "Chương trình phát triển công nghiệp hỗ trợ tỉnh Nghệ An giai đoạn 2026-2030", 2026, 2030, null);
            foreach (var (code, name) in Areas2026)
            {
                program.AddGroup(code, name);
            }

            db.Programs.Add(program);
            logger.LogInformation("Seeded draft program {Program} with {Groups} content areas", Program2026Code, Areas2026.Count);
        }

        await db.SaveChangesAsync(ct);
    }
}

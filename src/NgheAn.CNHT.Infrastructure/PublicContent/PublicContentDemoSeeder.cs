using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.PublicContent;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.Infrastructure.PublicContent;

/// <summary>
/// A clearly fictitious priority project list and a few news and events for demonstration (issue 17 item 9, ADR 0192):
/// titles end in "(mẫu)" / "(sample)", every amount is an illustrative value ("giá trị minh họa"), contacts are the
/// department's generic office. Once only (idempotent); Development start and the seed-demo verb.
/// </summary>
public sealed class PublicContentDemoSeeder(AppDbContext db, TimeProvider clock, ILogger<PublicContentDemoSeeder> logger)
{
    private const string Contact = "Phòng Quản lý công nghiệp, Sở Công Thương Nghệ An (địa chỉ minh họa: dautu@example.vn)";

    private static readonly InvestmentProjectDraft[] Projects =
    [
        new("Nhà máy linh kiện cơ khí chính xác cho ô tô (mẫu)", "Precision mechanical parts plant for automotive (sample)", "co-khi", "kkt-dong-nam",
            "KKT Đông Nam, tỉnh Nghệ An", "Southeast Economic Zone, Nghe An province",
            "Sản xuất chi tiết gia công CNC, dập và đúc áp lực cung ứng cho các nhà lắp ráp ô tô, xe máy trong vùng. Nội dung minh họa, không phải dự án thật.",
            "CNC-machined, stamped and die-cast parts for vehicle assemblers in the region. Illustrative content, not a real project.",
            "Diện tích khoảng 10 ha (minh họa); công suất 5 triệu chi tiết/năm (minh họa)", "About 10 ha (illustrative); 5 million parts a year (illustrative)",
            1_200_000_000_000m, "Vốn FDI hoặc liên doanh", "FDI or joint venture", Contact),
        new("Tổ hợp sản xuất linh kiện điện – điện tử (mẫu)", "Electrical and electronic components complex (sample)", "dien-tu", "vsip",
            "VSIP Nghệ An", "VSIP Nghe An",
            "Sản xuất bảng mạch, gắn linh kiện SMT, dây dẫn và cáp cho ngành điện tử. Nội dung minh họa.",
            "Printed circuit boards, SMT assembly, wires and cables for the electronics industry. Illustrative content.",
            "Khoảng 8 ha (minh họa)", "About 8 ha (illustrative)", 2_000_000_000_000m, "Vốn FDI", "FDI", Contact),
        new("Nhà máy khuôn mẫu và ép nhựa kỹ thuật (mẫu)", "Mould-making and engineering plastics plant (sample)", "nhua-cao-su", "kcn-hoang-mai",
            "KCN Hoàng Mai, tỉnh Nghệ An", "Hoang Mai Industrial Park, Nghe An province",
            "Thiết kế, chế tạo khuôn và ép nhựa kỹ thuật cho linh kiện điện tử, đồ gia dụng. Nội dung minh họa.",
            "Design and manufacture of moulds and injection moulding of engineering plastics for electronics and household goods. Illustrative content.",
            "Khoảng 5 ha (minh họa)", "About 5 ha (illustrative)", 450_000_000_000m, "Vốn trong nước hoặc FDI", "Domestic or FDI", Contact),
        new("Trung tâm sản xuất nguyên phụ liệu dệt may (mẫu)", "Textile and garment materials centre (sample)", "det-may", "kcn-tho-loc",
            "KCN Thọ Lộc, tỉnh Nghệ An", "Tho Loc Industrial Park, Nghe An province",
            "Sợi, vải, nhuộm hoàn tất và phụ liệu may mặc phục vụ xuất khẩu, đáp ứng quy tắc xuất xứ của các FTA. Nội dung minh họa.",
            "Yarn, fabric, dyeing and finishing and garment accessories for export, meeting FTA rules of origin. Illustrative content.",
            "Khoảng 20 ha (minh họa)", "About 20 ha (illustrative)", 3_500_000_000_000m, "Vốn FDI hoặc trong nước", "FDI or domestic", Contact),
        new("Nhà máy linh kiện thiết bị năng lượng tái tạo (mẫu)", "Renewable energy equipment components plant (sample)", "nang-luong", "wha",
            "KCN WHA Industrial Zone 1 Nghệ An", "WHA Industrial Zone 1 Nghe An",
            "Khung, giá đỡ, tủ điện và linh kiện cho điện mặt trời, điện gió. Nội dung minh họa.",
            "Frames, mounting structures, switchgear and components for solar and wind power. Illustrative content.",
            null, null, 800_000_000_000m, "Vốn FDI", "FDI", Contact),
        new("Cơ sở sản xuất linh kiện da giày (mẫu)", "Leather and footwear components facility (sample)", "da-giay", "kcn-bac-vinh",
            "KCN Bắc Vinh, tỉnh Nghệ An", "Bac Vinh Industrial Park, Nghe An province",
            "Đế giày, mũ giày và phụ liệu da giày cung ứng cho các nhà máy giày xuất khẩu. Nội dung minh họa.",
            "Soles, uppers and footwear accessories for export shoe factories. Illustrative content.",
            null, null, 300_000_000_000m, null, null, Contact),
    ];

    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        if (await db.InvestmentProjects.AnyAsync(p => p.IsSample, ct) || await db.NewsPosts.AnyAsync(p => p.IsSample, ct))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = VnFormat.TodayInVietnam(now);
        foreach (var draft in Projects)
        {
            var project = new InvestmentProject(Domain.Suppliers.SupplierProfile.SlugFor(draft.TitleVi!), draft);
            project.MarkSample();
            db.InvestmentProjects.Add(project);
        }

        NewsPostDraft[] posts =
        [
            new(NewsKind.Workshop, "Hội thảo kết nối doanh nghiệp CNHT với doanh nghiệp FDI (mẫu)", "Workshop: connecting CNHT suppliers with FDI buyers (sample)",
                TextFormat.Markdown,
                "Sở Công Thương tổ chức hội thảo kết nối (**nội dung minh họa**).\n\n- Giới thiệu nhu cầu linh kiện của doanh nghiệp FDI\n- Doanh nghiệp CNHT trình bày năng lực\n- Gặp gỡ song phương\n\nĐăng ký qua [trang danh bạ](/danh-ba).",
                "The department holds a matchmaking workshop (**illustrative content**).\n\n- FDI buyers present their parts needs\n- CNHT suppliers present their capability\n- One-to-one meetings\n\nRegister through the [directory](/en/directory).",
                today.AddDays(30), today.AddDays(30), "Thành phố Vinh (minh họa)", "Vinh city (illustrative)"),
            new(NewsKind.Fair, "Hội chợ triển lãm công nghiệp hỗ trợ Bắc Trung Bộ (mẫu)", "North Central supporting-industry fair (sample)", TextFormat.PlainText,
                "Gian hàng chung của doanh nghiệp CNHT Nghệ An tại hội chợ (nội dung minh họa).\nChương trình hỗ trợ một phần chi phí thuê gian hàng theo quy định.",
                "A shared booth of Nghe An CNHT enterprises at the fair (illustrative content).\nThe program supports part of the booth cost as its rules allow.",
                today.AddDays(60), today.AddDays(63), "Trung tâm hội chợ (minh họa)", "Exhibition centre (illustrative)"),
            new(NewsKind.Training, "Đào tạo hệ thống quản lý chất lượng IATF 16949 (mẫu)", "Training: IATF 16949 quality management (sample)", TextFormat.Markdown,
                "Khóa đào tạo 3 ngày cho cán bộ quản lý chất lượng của doanh nghiệp CNHT (*nội dung minh họa*).",
                "A three-day course for quality managers of CNHT enterprises (*illustrative content*).",
                today.AddDays(14), today.AddDays(16), "Trung tâm Hỗ trợ và Tư vấn phát triển Công Thương (minh họa)", "Industry and Trade Support Centre (illustrative)"),
            new(NewsKind.News, "Công bố danh bạ doanh nghiệp CNHT Nghệ An (mẫu)", "Nghe An CNHT directory published (sample)", TextFormat.PlainText,
                "Cổng thông tin công nghiệp hỗ trợ công bố danh bạ doanh nghiệp CNHT và dữ liệu mở theo giấy phép CC BY 4.0 (tin minh họa).",
                "The supporting-industry portal publishes the CNHT directory and its open data under CC BY 4.0 (illustrative news).",
                null, null, null, null),
        ];
        var minutes = 0;
        foreach (var draft in posts)
        {
            var post = new NewsPost(Domain.Suppliers.SupplierProfile.SlugFor(draft.TitleVi!), draft, now.AddMinutes(-(minutes += 90)));
            post.MarkSample();
            db.NewsPosts.Add(post);
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Public content demo data: {Projects} priority projects, {Posts} news and events", Projects.Length, posts.Length);
        return true;
    }
}

using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Outcomes;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Seeding;

namespace NgheAn.CNHT.Infrastructure.Plans;

/// <summary>
/// The outcomes the seed quotes (ADR 0173), on program 2026-2030: the indicators, the seed's own figures as baseline
/// values of 2025 (the report does not say their year: the note says so), and illustrative 2030 targets. The seed's
/// 9,5% and 2,63% for the same share are both recorded, so the page flags them. Idempotent.
/// </summary>
public static class OutcomeSeeder
{
    private const string SeedSource = "Báo cáo kết quả thực hiện Chương trình phát triển CNHT giai đoạn 2018-2025";
    private const string YearNote = "Báo cáo không nêu năm của số liệu; ghi vào năm 2025 (năm lập báo cáo).";

    public static async Task EnsureAsync(AppDbContext db, CancellationToken ct)
    {
        var program = await db.Programs.FirstOrDefaultAsync(p => p.Code == CatalogSeeder.Program2026Code, ct);
        if (program is null || await db.OutcomeIndicators.AnyAsync(i => i.ProgramId == program.Id, ct))
        {
            return;
        }

        (string Code, string Name, string Unit, decimal Target)[] indicators =
        [
            ("DN", "Số doanh nghiệp công nghiệp hỗ trợ trên địa bàn tỉnh", "doanh nghiệp", 120m),
            ("TT", "Tỷ trọng giá trị sản xuất CNHT trong giá trị sản xuất công nghiệp toàn tỉnh", "%", 12m),
            ("LD", "Tỷ lệ lao động có trình độ cao đẳng, đại học", "%", 25m),
            ("NDH-DT", "Tỷ lệ nội địa hóa ngành điện tử", "%", 30m),
            ("NDH-CK", "Tỷ lệ nội địa hóa ngành cơ khí lắp ráp", "%", 35m),
            ("NDH-NL", "Tỷ lệ nội địa hóa ngành năng lượng", "%", 30m),
            ("NDH-DM", "Tỷ lệ nội địa hóa ngành dệt may", "%", 40m),
            ("FDI", "Số doanh nghiệp cung ứng cho tập đoàn đa quốc gia", "doanh nghiệp", 20m),
        ];
        var rows = indicators.Select((x, k) => new OutcomeIndicator(program.Id, x.Code, x.Name, x.Unit, k + 1, x.Target, program.EndYear, targetIsIllustrative: true)).ToList();
        db.OutcomeIndicators.AddRange(rows);
        await db.SaveChangesAsync(ct);

        var allowed = new YearRange(program.StartYear - 10, program.EndYear);
        db.OutcomeValues.AddRange(
            new OutcomeValue(rows[0].Id, allowed, 2025, 85m, SeedSource + " (khoảng 85 doanh nghiệp CNHT)", YearNote),
            new OutcomeValue(rows[1].Id, allowed, 2025, 9.5m, SeedSource + ", phần kết quả đạt được", YearNote),
            new OutcomeValue(rows[1].Id, allowed, 2025, 2.63m, SeedSource + ", phần hạn chế", YearNote),
            new OutcomeValue(rows[2].Id, allowed, 2025, 18.24m, SeedSource + ", phần hạn chế", YearNote));
        await db.SaveChangesAsync(ct);
    }
}

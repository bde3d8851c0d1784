using NgheAn.CNHT.Infrastructure.Seeding;

namespace NgheAn.CNHT.Web.CommandLine;

/// <summary>seed-scale --proposals N [--entries M] [--force]: synthetic data for load tests, refused in Production unless forced (ADR 0162).</summary>
internal static class SeedScaleVerb
{
    public static async Task<int> RunAsync(VerbContext v)
    {
        if (v.Environment.IsProduction() && !v.Has("force"))
        {
            return Verbs.Fail("seed-scale ghi hàng loạt đề án tổng hợp (mã TH-…), không dùng trên môi trường Production; thêm --force nếu thật sự muốn.");
        }

        await v.Get<DatabaseInitializer>().MigrateAsync();
        var proposals = v.Options.TryGetValue("proposals", out var p) && int.TryParse(p, out var pn) ? pn : throw new Verbs.UsageException("Thiếu tham số --proposals (số đề án, ví dụ 100000).");
        var entries = v.Options.TryGetValue("entries", out var e) && int.TryParse(e, out var en) ? en : proposals * 10;
        var scale = await v.Get<ScaleDataSeeder>().SeedAsync(proposals, entries);
        Console.WriteLine($"Đã tạo dữ liệu tổng hợp: {scale.Organizations:N0} đơn vị, {scale.Proposals:N0} đề án, {scale.Transitions:N0} bước xử lý, {scale.Entries:N0} bút toán trong {scale.Elapsed.TotalSeconds:N1} giây.");
        return 0;
    }
}

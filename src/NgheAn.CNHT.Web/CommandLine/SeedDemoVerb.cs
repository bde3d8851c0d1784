using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.Infrastructure.Suppliers;

namespace NgheAn.CNHT.Web.CommandLine;

/// <summary>seed-demo: the sample table and the fictitious CNHT directory (once); the demo accounts only in Development.</summary>
internal static class SeedDemoVerb
{
    public static async Task<int> RunAsync(VerbContext v)
    {
        await v.Get<DatabaseInitializer>().MigrateAsync();
        var added = await v.Get<DemoDataSeeder>().SeedAsync();
        var directory = await v.Get<DirectoryDemoSeeder>().SeedAsync();
        var sourcing = await v.Get<NgheAn.CNHT.Infrastructure.Sourcing.SourcingDemoSeeder>().SeedAsync();
        var content = await v.Get<NgheAn.CNHT.Infrastructure.PublicContent.PublicContentDemoSeeder>().SeedAsync();
        if (v.Environment.IsDevelopment())
        {
            await v.Get<UserSeeder>().EnsureDemoUsersAsync();
        }

        Console.WriteLine(added ? $"Đã nạp dữ liệu mẫu ({DemoDataSeeder.Proposals.Count} đề án)." : "Dữ liệu mẫu đã có sẵn; không thay đổi gì.");
        if (directory)
        {
            Console.WriteLine($"Đã nạp danh bạ doanh nghiệp CNHT mẫu ({DirectoryDemoSeeder.Count} doanh nghiệp hư cấu).");
        }

        if (sourcing)
        {
            Console.WriteLine("Đã nạp một vài nhu cầu tìm nhà cung ứng mẫu.");
        }

        if (content)
        {
            Console.WriteLine("Đã nạp danh mục dự án ưu tiên và tin tức, sự kiện mẫu (hư cấu, giá trị minh họa).");
        }

        return 0;
    }
}

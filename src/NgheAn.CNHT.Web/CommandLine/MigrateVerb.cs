using NgheAn.CNHT.Infrastructure.Seeding;

namespace NgheAn.CNHT.Web.CommandLine;

/// <summary>migrate: the database to the latest migration, with the roles.</summary>
internal static class MigrateVerb
{
    public static async Task<int> RunAsync(VerbContext v)
    {
        await v.Get<DatabaseInitializer>().MigrateAsync();
        await v.Get<UserSeeder>().EnsureRolesAsync();
        Console.WriteLine("Đã cập nhật cơ sở dữ liệu lên phiên bản mới nhất.");
        return 0;
    }
}

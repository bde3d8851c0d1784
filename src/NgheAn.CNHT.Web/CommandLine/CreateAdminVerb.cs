using NgheAn.CNHT.Infrastructure.Seeding;

namespace NgheAn.CNHT.Web.CommandLine;

/// <summary>create-admin --email E: the first administrator; the password from the environment or standard input, never an argument.</summary>
internal static class CreateAdminVerb
{
    public static async Task<int> RunAsync(VerbContext v)
    {
        var email = v.Require("email");
        var password = AdminPassword.Read(v.Options);
        await v.Get<DatabaseInitializer>().MigrateAsync();
        await v.Get<UserSeeder>().CreateAdminAsync(email, password);
        Console.WriteLine($"Đã tạo tài khoản quản trị {email}.");
        return 0;
    }
}

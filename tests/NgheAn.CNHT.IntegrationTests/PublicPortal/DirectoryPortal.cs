using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Enterprises;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Infrastructure.Identity;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.Infrastructure.Suppliers;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.PublicPortal;

/// <summary>A portal with demo data, staff accounts and the directory's ~85 fictitious enterprises (issue 17).</summary>
public sealed class DirectoryPortal : CnhtFactory, IAsyncLifetime
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n");
    private int _accounts;

    public async Task InitializeAsync()
    {
        await EnsureDemoUsersAsync();
        await ScopedAsync(sp => sp.GetRequiredService<DirectoryDemoSeeder>().SeedAsync());
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read) => ScopedAsync(sp => read(sp.GetRequiredService<AppDbContext>()));

    /// <summary>A signed-in enterprise account of a new organization (verified by the Support Center unless told).</summary>
    public async Task<(HttpClient Client, int OrganizationId)> EnterpriseAsync(bool verified = true)
    {
        var n = Interlocked.Increment(ref _accounts);
        var email = $"hs{n}-{Guid.NewGuid():N}"[..16] + "@kiemthu.vn";
        var orgId = await ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var stem = (310000000 + Random.Shared.Next(1, 9999999)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var org = Organization.RegisteredOnline($"Công ty kiểm thử danh bạ {n}", DemoDataSeeder.WithCheckDigit(stem), null, "Người liên hệ", null, email);
            db.Organizations.Add(org);
            await db.SaveChangesAsync();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = $"Người dùng danh bạ {n}", CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, UserSeeder.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Enterprise)).Succeeded);
            var file = new DossierFile(org.Id, "dkdn.pdf", "application/pdf", Pdf, Actor.System, DateTime.UtcNow);
            db.DossierFiles.Add(file);
            await db.SaveChangesAsync();
            var member = new EnterpriseMember(user.Id, email, org.Id, $"Người dùng danh bạ {n}", null, null, null);
            member.AttachCertificate(file.Id);
            if (verified)
            {
                member.Verify(ProposalArrange.Center, DateTime.UtcNow);
                org.MarkVerified();
            }

            db.EnterpriseMembers.Add(member);
            await db.SaveChangesAsync();
            return org.Id;
        });
        var client = this.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, UserSeeder.DemoPassword)).StatusCode);
        return (client, orgId);
    }

    /// <summary>The profile form of an enterprise, filled: the fields a test names override a minimal valid profile.</summary>
    public static Dictionary<string, string> ProfileForm(string html, string nameVi, IDictionary<string, string>? fields = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Stamp"] = Stamp(html),
            ["Input.NameVi"] = nameVi,
            ["Input.ZoneCode"] = "vsip",
            ["Input.CommuneCode"] = "18001",
            ["Input.Sectors"] = "co-khi",
            ["Input.Processes"] = "cnc",
            ["Input.ProductsVi"] = "Chi tiết gia công CNC",
        };
        foreach (var (key, value) in fields ?? new Dictionary<string, string>())
        {
            form[key] = value;
        }

        return form;
    }

    /// <summary>The version stamp a page's form carries (hidden field "Stamp").</summary>
    public static string Stamp(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"Stamp\" value=\"([^\"]+)\"") is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No Stamp on the page.");

    public async Task<int> PendingChangeOfAsync(int organizationId) =>
        await ReadAsync(db => db.ProfileChanges.Where(c => c.SupplierProfile.OrganizationId == organizationId && c.Status == Domain.Suppliers.ProfileChangeStatus.Pending).Select(c => c.Id).SingleAsync());
}

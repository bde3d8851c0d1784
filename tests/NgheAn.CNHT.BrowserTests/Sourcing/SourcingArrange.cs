using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.BrowserTests.Support;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Enterprises;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Suppliers;
using NgheAn.CNHT.Infrastructure.Identity;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Seeding;

namespace NgheAn.CNHT.BrowserTests.Sourcing;

/// <summary>Verified enterprise accounts and published directory profiles, made directly (their own journeys are tested elsewhere).</summary>
internal static class SourcingArrange
{
    private static readonly Actor Specialist = new("chuyenvien@cnht.demo", "Chuyên viên Sở", new HashSet<string> { Roles.DoitSpecialist });
    private static readonly Actor Center = new("trungtam@cnht.demo", "Trung tâm", new HashSet<string> { Roles.SupportCenter });

    public static DateOnly Today => VnFormat.TodayInVietnam(DateTime.UtcNow);

    /// <summary>A verified enterprise account of a new organization; returns its e-mail and organization id.</summary>
    public static Task<(string Email, int OrganizationId)> EnterpriseAsync(BrowserPortal portal, string name) => portal.Factory.ScopedAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var email = $"nc-{Guid.NewGuid():N}"[..14] + "@kiemthu.vn";
        var stem = (320000000 + Random.Shared.Next(1, 9999999)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var org = Organization.RegisteredOnline(name, DemoDataSeeder.WithCheckDigit(stem), null, "Người liên hệ", null, email);
        db.Organizations.Add(org);
        await db.SaveChangesAsync();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Người dùng " + name, CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, UserSeeder.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Enterprise)).Succeeded);
        var file = new DossierFile(org.Id, "dkdn.pdf", "application/pdf", System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"), Actor.System, DateTime.UtcNow);
        db.DossierFiles.Add(file);
        await db.SaveChangesAsync();
        var member = new EnterpriseMember(user.Id, email, org.Id, "Người dùng " + name, null, null, null);
        member.AttachCertificate(file.Id);
        member.Verify(Center, DateTime.UtcNow);
        org.MarkVerified();
        db.EnterpriseMembers.Add(member);
        await db.SaveChangesAsync();
        return (email, org.Id);
    });

    /// <summary>A published profile, as an approval would leave it; returns its slug.</summary>
    public static Task<string> PublishAsync(BrowserPortal portal, int organizationId, string name, string[] sectors, string[] processes, string[] certifications, bool verified) =>
        portal.Factory.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var slug = SupplierProfile.SlugFor(name) + "-" + Guid.NewGuid().ToString("N")[..6];
            var profile = new SupplierProfile(organizationId, slug, name);
            profile.Publish(new ProfileContent
            {
                NameVi = name, Sectors = sectors, Processes = processes, ZoneCode = "vsip",
                ProductsVi = "Sản phẩm ban đầu đã duyệt",
                Certifications = certifications.Select(c => new CertificationEntry(c, Today.AddYears(1))).ToList(),
            });
            if (verified)
            {
                profile.VerifyCapability(Specialist, Today.AddDays(-2), null, Today);
            }

            db.SupplierProfiles.Add(profile);
            await db.SaveChangesAsync();
            return slug;
        });
}

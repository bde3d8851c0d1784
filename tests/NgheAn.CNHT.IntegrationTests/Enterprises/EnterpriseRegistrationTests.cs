using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Enterprises;

/// <summary>Self-registration: tax code checked, honeypot, one account per e-mail, confirmation through the outbox before signing in.</summary>
public sealed class EnterpriseRegistrationTests(EnterprisePortal portal) : IClassFixture<EnterprisePortal>
{
    private static Dictionary<string, string> Form(string taxCode, string email, string company = "Công ty TNHH Đăng ký thử") => new()
    {
        ["Input.TaxCode"] = taxCode,
        ["Input.EnterpriseName"] = company,
        ["Input.Address"] = "Phường Thành Vinh, Nghệ An",
        ["Input.LegalRepresentative"] = "Nguyễn Văn Đại Diện",
        ["Input.ContactPerson"] = "Trần Thị Liên Hệ",
        ["Input.Email"] = email,
        ["Input.Phone"] = "0912 345 678",
        ["Input.Password"] = UserSeeder.DemoPassword,
        ["Input.ConfirmPassword"] = UserSeeder.DemoPassword,
    };

    private static string NewTaxCode() => DemoDataSeeder.WithCheckDigit((400000000 + Random.Shared.Next(1, 99999999)).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private Task<int> UserCountAsync() => portal.ReadAsync(db => db.Users.CountAsync());

    [Fact]
    public async Task A_registration_waits_for_the_emailed_link_then_signs_in_to_the_enterprise_page()
    {
        var email = $"dangky-{Guid.NewGuid():N}"[..20] + "@kiemthu.vn";
        var taxCode = NewTaxCode();
        var client = portal.NewClient();
        var response = await client.PostFormAsync("/DoanhNghiep/DangKy", Form(taxCode, email));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Đã nhận đăng ký", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Not before the address is confirmed.
        var early = await client.SignInAsync(email, UserSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("chưa xác nhận thư điện tử", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The link is in the outbox (and shown by the test outbox page).
        var outbox = await client.GetStringAsync($"/DoanhNghiep/HopThu?email={Uri.EscapeDataString(email)}");
        var link = WebUtility.HtmlDecode(Regex.Match(outbox, "class=\"outbox-link\">([^<]+)<").Groups[1].Value);
        Assert.Contains("/DoanhNghiep/XacNhan", link, StringComparison.Ordinal);
        var confirmed = await client.GetStringAsync(new Uri(link).PathAndQuery);
        Assert.Contains("Đã xác nhận thư điện tử", confirmed, StringComparison.Ordinal);

        var signIn = await client.SignInAsync(email, UserSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var home = await client.GetAsync("/");
        Assert.StartsWith("/DoanhNghiep", home.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var page = await client.GetStringAsync("/DoanhNghiep");
        Assert.Contains(taxCode, page, StringComparison.Ordinal);
        Assert.Contains("Doanh nghiệp chưa xác minh", page, StringComparison.Ordinal);
        Assert.Contains("Chờ xác minh", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_tax_code_is_refused_in_vietnamese_and_nothing_is_saved()
    {
        var before = await UserCountAsync();
        var response = await portal.NewClient().PostFormAsync("/DoanhNghiep/DangKy", Form("0101234568", "sai-mst@kiemthu.vn"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("sai chữ số kiểm tra", html, StringComparison.Ordinal);
        Assert.Equal(before, await UserCountAsync());
        Assert.False(await portal.ReadAsync(db => db.Organizations.AnyAsync(o => o.Email == "sai-mst@kiemthu.vn")));
    }

    [Fact]
    public async Task A_second_registration_of_the_same_email_is_refused_and_nothing_is_saved()
    {
        var email = $"trung-{Guid.NewGuid():N}"[..18] + "@kiemthu.vn";
        Assert.Equal(HttpStatusCode.OK, (await portal.NewClient().PostFormAsync("/DoanhNghiep/DangKy", Form(NewTaxCode(), email))).StatusCode);
        var users = await UserCountAsync();
        var organizations = await portal.ReadAsync(db => db.Organizations.CountAsync());
        var again = await portal.NewClient().PostFormAsync("/DoanhNghiep/DangKy", Form(NewTaxCode(), email, "Công ty khác"));
        Assert.Contains("Thư điện tử này đã được dùng", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(users, await UserCountAsync());
        Assert.Equal(organizations, await portal.ReadAsync(db => db.Organizations.CountAsync()));
    }

    [Fact]
    public async Task A_filled_honeypot_looks_accepted_but_saves_nothing()
    {
        var before = await UserCountAsync();
        var form = Form(NewTaxCode(), "bot@kiemthu.vn");
        form["Website"] = "http://spam.example";
        var response = await portal.NewClient().PostFormAsync("/DoanhNghiep/DangKy", form);
        Assert.Contains("Đã nhận đăng ký", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await UserCountAsync());
    }

    [Fact]
    public async Task A_second_person_with_the_same_tax_code_joins_the_existing_enterprise_and_waits_for_verification()
    {
        var taxCode = NewTaxCode();
        var first = $"nguoi1-{Guid.NewGuid():N}"[..18] + "@kiemthu.vn";
        var second = $"nguoi2-{Guid.NewGuid():N}"[..18] + "@kiemthu.vn";
        await portal.NewClient().PostFormAsync("/DoanhNghiep/DangKy", Form(taxCode, first));
        var response = await portal.NewClient().PostFormAsync("/DoanhNghiep/DangKy", Form(taxCode, second, "Tên gõ khác"));
        Assert.Contains("đã có trên cổng", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var members = await portal.ReadAsync(db => db.EnterpriseMembers.Where(m => m.UserName == first || m.UserName == second).Select(m => new { m.OrganizationId, m.Status }).ToListAsync());
        Assert.Equal(2, members.Count);
        Assert.Single(members.Select(m => m.OrganizationId).Distinct());
        Assert.All(members, m => Assert.Equal(NgheAn.CNHT.Domain.Enterprises.MemberStatus.Pending, m.Status));
        Assert.Equal(1, await portal.ReadAsync(db => db.Organizations.CountAsync(o => o.TaxCode == taxCode)));
    }
}

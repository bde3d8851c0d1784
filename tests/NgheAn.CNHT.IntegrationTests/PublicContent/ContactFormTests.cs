using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Enterprises;
using NgheAn.CNHT.Infrastructure.Identity;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.PublicContent;

/// <summary>
/// Issue 17 item 8 (ADR 0191): a visitor writes to an enterprise from its profile; the message goes once into the mail
/// outbox, to the address the enterprise published or else to its account, which the visitor never sees; a filled
/// honeypot is thanked and dropped.
/// </summary>
public sealed class ContactFormTests(ContentPortal portal) : IClassFixture<ContentPortal>
{
    internal static Dictionary<string, string> Message(string text) => new()
    {
        ["Input.Name"] = "Nguyễn Khách Mua",
        ["Input.Email"] = "khach.mua@example.com",
        ["Input.Company"] = "Công ty Lắp ráp FDI",
        ["Input.Message"] = text,
    };

    private Task<int> MailsToAsync(string address) => portal.ReadAsync(db => db.OutgoingEmails.CountAsync(m => m.To == address));

    [Fact]
    public async Task A_message_to_an_enterprise_that_published_its_e_mail_goes_once_into_the_outbox_in_both_languages()
    {
        var (slug, address) = await portal.ReadAsync(async db => await db.SupplierProfiles
            .Where(p => p.IsPublished && p.ShowContactEmail && p.ContactEmail != null)
            .OrderBy(p => p.Id).Select(p => new ValueTuple<string, string>(p.Slug, p.ContactEmail!)).FirstAsync());
        var before = await MailsToAsync(address);
        var visitor = portal.NewClient();
        var profile = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/danh-ba/{slug}"));
        Assert.Contains($"/danh-ba/{slug}/lien-he", profile);

        var response = await visitor.PostFormAsync($"/danh-ba/{slug}/lien-he", Message("Chúng tôi cần 5.000 chi tiết dập mỗi tháng."));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var thanks = WebUtility.HtmlDecode(await visitor.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Contains("Lời nhắn của bạn đã được chuyển tới doanh nghiệp.", thanks);
        Assert.DoesNotContain(address, thanks);
        Assert.Equal(before + 1, await MailsToAsync(address));
        var mail = await portal.ReadAsync(db => db.OutgoingEmails.Where(m => m.To == address).OrderByDescending(m => m.Id).FirstAsync());
        Assert.Contains("Chúng tôi cần 5.000 chi tiết dập mỗi tháng.", mail.Body);
        Assert.Contains("khach.mua@example.com", mail.Body);

        var en = await visitor.PostFormAsync($"/en/directory/{slug}/contact", Message("We need 5,000 stamped parts a month."));
        Assert.Equal(HttpStatusCode.Redirect, en.StatusCode);
        Assert.Contains("Your message has been passed on to the enterprise.", await visitor.GetStringAsync(en.Headers.Location!.OriginalString));
        Assert.Equal(before + 2, await MailsToAsync(address));
    }

    [Fact]
    public async Task An_enterprise_that_kept_its_e_mail_private_is_written_to_at_its_account_address_which_no_page_shows()
    {
        var (slug, accountEmail) = await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var profile = await db.SupplierProfiles.Where(p => p.IsPublished && !p.ShowContactEmail).OrderBy(p => p.Id).FirstAsync();
            var email = $"tai-khoan-{Guid.NewGuid():N}"[..20] + "@kiemthu.vn";
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Tài khoản doanh nghiệp liên hệ", CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, UserSeeder.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Enterprise)).Succeeded);
            var file = new DossierFile(profile.OrganizationId, "dkdn.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"), Domain.Common.Actor.System, DateTime.UtcNow);
            db.DossierFiles.Add(file);
            await db.SaveChangesAsync();
            var member = new EnterpriseMember(user.Id, email, profile.OrganizationId, "Tài khoản doanh nghiệp liên hệ", null, null, null);
            member.AttachCertificate(file.Id);
            member.Verify(ProposalArrange.Center, DateTime.UtcNow);
            db.EnterpriseMembers.Add(member);
            await db.SaveChangesAsync();
            return (profile.Slug, email);
        });
        var visitor = portal.NewClient();
        var form = await visitor.GetStringAsync($"/danh-ba/{slug}/lien-he");
        Assert.Contains("name=\"Input.Message\"", form);
        var response = await visitor.PostFormAsync($"/danh-ba/{slug}/lien-he", Message("Xin báo giá khuôn ép nhựa."));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await MailsToAsync(accountEmail));
        foreach (var path in new[] { $"/danh-ba/{slug}", $"/en/directory/{slug}", $"/danh-ba/{slug}/lien-he", response.Headers.Location!.OriginalString })
        {
            Assert.DoesNotContain(accountEmail, WebUtility.HtmlDecode(await visitor.GetStringAsync(path)));
        }
    }

    [Fact]
    public async Task A_filled_honeypot_is_thanked_like_anyone_and_nothing_is_sent()
    {
        var slug = await portal.ReadAsync(db => db.SupplierProfiles.Where(p => p.IsPublished && p.ShowContactEmail && p.ContactEmail != null).OrderByDescending(p => p.Id).Select(p => p.Slug).FirstAsync());
        var before = await portal.ReadAsync(db => db.OutgoingEmails.CountAsync());
        var fields = Message("Quảng cáo tự động");
        fields["Input.Fax"] = "+1 555 0100";
        var response = await portal.NewClient().PostFormAsync($"/danh-ba/{slug}/lien-he", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("?sent=true", response.Headers.Location!.OriginalString);
        Assert.Equal(before, await portal.ReadAsync(db => db.OutgoingEmails.CountAsync()));
    }

    [Fact]
    public async Task A_message_without_a_valid_e_mail_is_refused_with_a_message_in_the_page_language_and_nothing_queued()
    {
        var slug = await portal.ReadAsync(db => db.SupplierProfiles.Where(p => p.IsPublished && p.ShowContactEmail && p.ContactEmail != null).OrderBy(p => p.Id).Select(p => p.Slug).FirstAsync());
        var before = await portal.ReadAsync(db => db.OutgoingEmails.CountAsync());
        var fields = Message("Nội dung");
        fields["Input.Email"] = "khong-phai-thu";
        var vi = await portal.NewClient().PostFormAsync($"/danh-ba/{slug}/lien-he", fields);
        Assert.Equal(HttpStatusCode.OK, vi.StatusCode);
        Assert.Contains("Địa chỉ thư điện tử không hợp lệ.", WebUtility.HtmlDecode(await vi.Content.ReadAsStringAsync()));
        var en = await portal.NewClient().PostFormAsync($"/en/directory/{slug}/contact", fields);
        Assert.Contains("The e-mail address is not valid.", await en.Content.ReadAsStringAsync());
        Assert.Equal(before, await portal.ReadAsync(db => db.OutgoingEmails.CountAsync()));
    }
}

/// <summary>A portal whose contact form allows two messages per address and window (the production default is 5 per 10 minutes).</summary>
public sealed class ContactLimitPortal : ContentPortal
{
    public ContactLimitPortal() => Settings = new() { ["Portal:ContactRateLimit:PermitLimit"] = "2", ["Portal:ContactRateLimit:WindowSeconds"] = "600" };
}

/// <summary>The contact form is rate-limited per client address (ADR 0191): the message over the limit gets a friendly 429 page.</summary>
public sealed class ContactRateLimitTests(ContactLimitPortal portal) : IClassFixture<ContactLimitPortal>
{
    [Fact]
    public async Task The_message_over_the_limit_is_refused_with_a_friendly_page_and_not_queued()
    {
        var slug = await portal.ReadAsync(db => db.SupplierProfiles.Where(p => p.IsPublished && p.ShowContactEmail && p.ContactEmail != null).OrderBy(p => p.Id).Select(p => p.Slug).FirstAsync());
        var visitor = portal.NewClient();
        for (var i = 1; i <= 2; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await visitor.PostFormAsync($"/danh-ba/{slug}/lien-he", ContactFormTests.Message($"Lời nhắn số {i}"))).StatusCode);
        }

        var refused = await visitor.PostFormAsync($"/danh-ba/{slug}/lien-he", ContactFormTests.Message("Lời nhắn số 3"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"vi\">", page);
        Assert.Contains("Vui lòng thử lại sau 10 phút.", page);
        Assert.Equal(2, await portal.ReadAsync(db => db.OutgoingEmails.CountAsync(m => m.Body.Contains("Lời nhắn số"))));

        // Opening the form stays free; the English page refuses in English.
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/en/directory/{slug}/contact")).StatusCode);
        var english = await visitor.PostFormAsync($"/en/directory/{slug}/contact", ContactFormTests.Message("Message 4"));
        Assert.Equal(HttpStatusCode.TooManyRequests, english.StatusCode);
        Assert.Contains("Please try again in 10 minutes.", await english.Content.ReadAsStringAsync());
    }
}

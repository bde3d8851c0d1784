using System.Net;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.PublicPortal;

/// <summary>
/// Privacy is not negotiable (issue 17 item 8, ADR 0182): no field an enterprise kept private, no internal contact of
/// the organization and no unapproved change ever reaches a public page, the open data files or the sitemap.
/// </summary>
public sealed class PrivacyTests(DirectoryPortal portal) : IClassFixture<DirectoryPortal>
{
    private sealed record Secret(string Slug, string Value, string What);

    /// <summary>Every value of every published profile whose public flag is off, and the organizations' own contact columns.</summary>
    private Task<List<Secret>> SecretsAsync() => portal.ReadAsync(async db =>
    {
        var secrets = new List<Secret>();
        foreach (var p in await db.SupplierProfiles.Include(x => x.Organization).Where(x => x.IsPublished).ToListAsync())
        {
            void Add(bool shown, string? value, string what)
            {
                if (!shown && !string.IsNullOrEmpty(value))
                {
                    secrets.Add(new Secret(p.Slug, value, what));
                }
            }

            Add(p.ShowContactPhone, p.ContactPhone, "phone");
            Add(p.ShowContactEmail, p.ContactEmail, "email");
            Add(p.ShowAddress, p.Address, "address");
            Add(p.ShowCapacity, p.Capacity, "capacity");
            Add(p.ShowTaxCode, p.Organization.TaxCode, "tax code");
            Add(false, p.Organization.Phone, "organization phone");
            Add(false, p.Organization.Email, "organization e-mail");
        }

        return secrets;
    });

    [Fact]
    public async Task The_demo_data_keeps_some_fields_private_so_the_other_tests_prove_something()
    {
        var secrets = await SecretsAsync();
        Assert.Contains(secrets, s => s.What == "phone");
        Assert.Contains(secrets, s => s.What == "email");
        Assert.Contains(secrets, s => s.What == "tax code");
        Assert.Contains(secrets, s => s.What == "address");
    }

    [Fact]
    public async Task No_private_field_appears_on_any_profile_page_in_either_language()
    {
        var client = portal.NewClient();
        var secrets = await SecretsAsync();
        foreach (var group in secrets.GroupBy(s => s.Slug))
        {
            foreach (var path in new[] { $"/danh-ba/{group.Key}", $"/en/directory/{group.Key}" })
            {
                var response = await client.GetAsync(path);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
                foreach (var secret in group)
                {
                    Assert.False(html.Contains(secret.Value, StringComparison.Ordinal), $"{secret.What} of {secret.Slug} on {path}");
                }
            }
        }
    }

    [Fact]
    public async Task No_private_field_appears_in_the_open_data_files_the_sitemap_or_the_directory_pages()
    {
        var client = portal.NewClient();
        var texts = new List<(string Where, string Text)>
        {
            ("csv", await client.GetStringAsync("/du-lieu-mo/danh-ba.csv")),
            ("json", await client.GetStringAsync("/du-lieu-mo/danh-ba.json")),
            ("sitemap", await client.GetStringAsync("/sitemap.xml")),
        };
        for (var page = 1; page <= 5; page++)
        {
            texts.Add(($"directory {page}", WebUtility.HtmlDecode(await client.GetStringAsync($"/danh-ba?page={page}"))));
            texts.Add(($"directory en {page}", WebUtility.HtmlDecode(await client.GetStringAsync($"/en/directory?page={page}"))));
        }

        var secrets = await SecretsAsync();
        foreach (var (where, text) in texts)
        {
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret.Value, StringComparison.Ordinal), $"{secret.What} of {secret.Slug} in {where}");
            }
        }

        // The public values do reach the files: the test looks at real content.
        var shownPhone = await portal.ReadAsync(db => db.SupplierProfiles.Where(p => p.IsPublished && p.ShowContactPhone && p.ContactPhone != null).Select(p => p.ContactPhone!).FirstAsync());
        Assert.Contains(shownPhone, texts[0].Text);
        Assert.Contains(shownPhone, texts[1].Text);
    }

    [Fact]
    public async Task A_change_waiting_for_approval_reaches_no_public_page_or_file()
    {
        var (enterprise, organizationId) = await portal.EnterpriseAsync();
        var html = await enterprise.GetStringAsync("/DoanhNghiep/HoSo");
        const string Name = "Công ty Bí mật Chờ duyệt Kiểm thử";
        const string Phone = "0999 888 777";
        var response = await enterprise.PostFormAsync("/DoanhNghiep/HoSo", DirectoryPortal.ProfileForm(html, Name, new Dictionary<string, string>
        {
            ["Input.ContactPhone"] = Phone,
            ["Input.ShowContactPhone"] = "true",
            ["Input.ProductsVi"] = "Sản phẩm bí mật chờ duyệt",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await portal.PendingChangeOfAsync(organizationId) > 0);

        var client = portal.NewClient();
        var slug = await portal.ReadAsync(db => db.SupplierProfiles.Where(p => p.OrganizationId == organizationId).Select(p => p.Slug).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/danh-ba/{slug}")).StatusCode);
        foreach (var path in new[] { "/danh-ba?q=bi+mat+cho+duyet", "/du-lieu-mo/danh-ba.csv", "/du-lieu-mo/danh-ba.json", "/sitemap.xml", "/" })
        {
            var text = WebUtility.HtmlDecode(await client.GetStringAsync(path));
            Assert.DoesNotContain(Phone, text);
            Assert.DoesNotContain("Bí mật Chờ duyệt", text);
            Assert.DoesNotContain(slug, text);
        }
    }
}

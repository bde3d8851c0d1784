using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.PublicContent;
using NgheAn.CNHT.Domain.PublicContent;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.PublicContent;

/// <summary>
/// Privacy on the pages of issue 17 items 5, 6 and 8 (ADR 0182's rule): no field an enterprise kept private, no internal
/// contact of any organization, no withdrawn project or taken-down post and no withdrawal reason reaches the priority
/// projects, the program page, news and events, the contact form or the sitemap, in either language.
/// </summary>
public sealed class PublicContentPrivacyTests(ContentPortal portal) : IClassFixture<ContentPortal>
{
    private async Task<List<(string Value, string What)>> SecretsAsync()
    {
        // Something withdrawn and taken down, so that the test proves they stay hidden.
        await portal.ScopedAsync(async sp =>
        {
            var projects = sp.GetRequiredService<InvestmentProjectAdmin>();
            var news = sp.GetRequiredService<NewsAdmin>();
            if (!await portal.ReadAsync(db => db.InvestmentProjects.AnyAsync(p => p.State == PublicationState.Withdrawn)))
            {
                var id = await projects.CreateAsync(new InvestmentProjectDraft("Dự án bí mật đã rút Kiểm Thử", "Secret withdrawn project", "o-to", "ngoai", "Nghệ An", null,
                    "Mô tả bí mật", null, null, null, 1_000m, null, null, null));
                var stamp = await portal.ReadAsync(db => db.InvestmentProjects.Where(p => p.Id == id).Select(p => p.ConcurrencyStamp).SingleAsync());
                await projects.WithdrawAsync(id, stamp, "Lý do rút nội bộ Kiểm Thử");
                var postId = await news.CreateAsync(new NewsPostDraft(NewsKind.News, "Tin bí mật đã gỡ Kiểm Thử", null, TextFormat.PlainText, "Nội dung bí mật", null, null, null, null, null));
                var postStamp = await portal.ReadAsync(db => db.NewsPosts.Where(p => p.Id == postId).Select(p => p.ConcurrencyStamp).SingleAsync());
                await news.WithdrawAsync(postId, postStamp);
            }

            return true;
        });

        return await portal.ReadAsync(async db =>
        {
            var secrets = new List<(string, string)>();
            foreach (var p in await db.SupplierProfiles.Include(x => x.Organization).Where(x => x.IsPublished).ToListAsync())
            {
                if (!p.ShowContactPhone && p.ContactPhone is { } phone) secrets.Add((phone, "phone of " + p.Slug));
                if (!p.ShowContactEmail && p.ContactEmail is { } email) secrets.Add((email, "e-mail of " + p.Slug));
                if (!p.ShowAddress && p.Address is { } address) secrets.Add((address, "address of " + p.Slug));
                if (!p.ShowTaxCode && p.Organization.TaxCode is { } tax) secrets.Add((tax, "tax code of " + p.Slug));
            }

            foreach (var o in await db.Organizations.AsNoTracking().ToListAsync())
            {
                if (o.Phone is { Length: > 5 } phone) secrets.Add((phone, "organization phone"));
                if (o.Email is { Length: > 5 } email) secrets.Add((email, "organization e-mail"));
                if (o.ContactPerson is { Length: > 5 } person) secrets.Add((person, "organization contact person"));
            }

            foreach (var p in await db.InvestmentProjects.AsNoTracking().Where(p => p.State == PublicationState.Withdrawn).ToListAsync())
            {
                secrets.Add((p.TitleVi, "withdrawn project"));
                secrets.Add((p.WithdrawalReason!, "withdrawal reason"));
            }

            secrets.AddRange(await db.NewsPosts.AsNoTracking().Where(p => p.State == PublicationState.Withdrawn).Select(p => new ValueTuple<string, string>(p.TitleVi, "taken-down post")).ToListAsync());
            return secrets;
        });
    }

    [Fact]
    public async Task No_private_field_reaches_the_projects_the_program_page_the_news_or_the_contact_form_in_either_language()
    {
        var secrets = await SecretsAsync();
        Assert.Contains(secrets, s => s.What == "withdrawal reason");
        Assert.Contains(secrets, s => s.What.StartsWith("e-mail of", StringComparison.Ordinal));
        var projects = await portal.ReadAsync(db => db.InvestmentProjects.Where(p => p.State == PublicationState.Published).Select(p => p.Slug).ToListAsync());
        var posts = await portal.ReadAsync(db => db.NewsPosts.Where(p => p.State == PublicationState.Published).Select(p => p.Slug).ToListAsync());
        var profiles = await portal.ReadAsync(db => db.SupplierProfiles.Where(p => p.IsPublished).OrderBy(p => p.Id).Select(p => p.Slug).Take(10).ToListAsync());
        var paths = new List<string> { "/du-an-uu-tien", "/chuong-trinh", "/chuong-trinh?program=2018-2025", "/tin-tuc", "/sitemap.xml", "/robots.txt" };
        paths.AddRange(projects.Select(s => $"/du-an-uu-tien/{s}"));
        paths.AddRange(posts.Select(s => $"/tin-tuc/{s}"));
        paths.AddRange(profiles.Select(s => $"/danh-ba/{s}/lien-he"));
        paths.AddRange(paths.Where(p => !p.EndsWith(".xml", StringComparison.Ordinal) && !p.EndsWith(".txt", StringComparison.Ordinal)).Select(English).ToList());

        var visitor = portal.NewClient();
        foreach (var path in paths)
        {
            var response = await visitor.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            foreach (var (value, what) in secrets)
            {
                Assert.False(text.Contains(value, StringComparison.Ordinal), $"{what} on {path}");
            }
        }
    }

    [Fact]
    public async Task The_sitemap_lists_every_new_public_page_in_both_languages()
    {
        var sitemap = await portal.NewClient().GetStringAsync("/sitemap.xml");
        foreach (var path in new[] { "/du-an-uu-tien", "/en/priority-projects", "/chuong-trinh", "/en/program", "/tin-tuc", "/en/news" })
        {
            Assert.Contains($"<loc>https://localhost{path}</loc>", sitemap);
        }

        foreach (var slug in await portal.ReadAsync(db => db.InvestmentProjects.Where(p => p.State == PublicationState.Published).Select(p => p.Slug).ToListAsync()))
        {
            Assert.Contains($"<loc>https://localhost/du-an-uu-tien/{slug}</loc>", sitemap);
            Assert.Contains($"<loc>https://localhost/en/priority-projects/{slug}</loc>", sitemap);
        }

        foreach (var slug in await portal.ReadAsync(db => db.NewsPosts.Where(p => p.State == PublicationState.Published).Select(p => p.Slug).ToListAsync()))
        {
            Assert.Contains($"<loc>https://localhost/tin-tuc/{slug}</loc>", sitemap);
            Assert.Contains($"<loc>https://localhost/en/news/{slug}</loc>", sitemap);
        }
    }

    private static string English(string path) => path switch
    {
        _ when path.StartsWith("/du-an-uu-tien", StringComparison.Ordinal) => "/en/priority-projects" + path["/du-an-uu-tien".Length..],
        _ when path.StartsWith("/chuong-trinh", StringComparison.Ordinal) => "/en/program" + path["/chuong-trinh".Length..],
        _ when path.StartsWith("/tin-tuc", StringComparison.Ordinal) => "/en/news" + path["/tin-tuc".Length..],
        _ when path.EndsWith("/lien-he", StringComparison.Ordinal) => "/en/directory" + path["/danh-ba".Length..^"/lien-he".Length] + "/contact",
        _ => path,
    };
}

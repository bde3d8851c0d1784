using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Domain.Suppliers;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.PublicPortal;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Sourcing;

/// <summary>Suppliers with published profiles and requests posted through the pages, for the sourcing tests.</summary>
public static partial class SourcingArrange
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    /// <summary>Publishes a directory profile for an organization, as an approval would (optionally capability verified).</summary>
    public static Task<string> PublishAsync(DirectoryPortal portal, int organizationId, string name, string[] sectors, string[] processes,
        (string Code, DateOnly? ValidUntil)[] certifications, bool verified = false, bool publish = true) => portal.ScopedAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var slug = SupplierProfile.SlugFor(name) + "-" + Guid.NewGuid().ToString("N")[..6];
        var profile = new SupplierProfile(organizationId, slug, name);
        if (publish)
        {
            profile.Publish(new ProfileContent
            {
                NameVi = name, Sectors = sectors, Processes = processes,
                Certifications = certifications.Select(c => new CertificationEntry(c.Code, c.ValidUntil)).ToList(),
            });
        }

        if (verified)
        {
            profile.VerifyCapability(ProposalArrange.Specialist, Today.AddDays(-1), null, Today);
        }

        db.SupplierProfiles.Add(profile);
        await db.SaveChangesAsync();
        return slug;
    });

    public static Dictionary<string, string> Need(string title, string sector, string? process = null, string? certification = null, int days = 30) => new()
    {
        ["Input.Title"] = title,
        ["Input.SectorCode"] = sector,
        ["Input.ProcessCode"] = process ?? "",
        ["Input.CertificationCode"] = certification ?? "",
        ["Input.Quantity"] = "2.000 chi tiết/tháng",
        ["Input.Deadline"] = Today.AddDays(days).ToString("yyyy-MM-dd"),
        ["Input.Description"] = "Thép C45, dung sai ±0,02 mm.",
    };

    /// <summary>The enterprise posts a need through its page; returns the new request's id.</summary>
    public static async Task<int> PostAsync(HttpClient buyer, Dictionary<string, string> need)
    {
        var response = await buyer.PostFormAsync("/DoanhNghiep/NhuCau/Tao", need);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return int.Parse(RequestIdRegex().Match(response.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The stamp the supplier's opportunities page carries for one request.</summary>
    public static string StampFor(string html, int requestId) =>
        Regex.Match(html, $"name=\"RequestId\" value=\"{requestId}\" />\\s*<input type=\"hidden\" name=\"Stamp\" value=\"([0-9a-f-]{{36}})\"") is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException($"Request {requestId} has no interest form on the page.");

    [GeneratedRegex(@"/DoanhNghiep/NhuCau/ChiTiet/(\d+)")]
    private static partial Regex RequestIdRegex();
}

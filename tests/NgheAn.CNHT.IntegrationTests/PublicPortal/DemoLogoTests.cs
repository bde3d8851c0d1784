using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Domain.Suppliers;
using NgheAn.CNHT.Infrastructure.Suppliers;
using NgheAn.CNHT.IntegrationTests.Support;
using NgheAn.CNHT.Web.Portal;

namespace NgheAn.CNHT.IntegrationTests.PublicPortal;

/// <summary>
/// Ten of the fictitious directory enterprises carry a generated "MẪU" logo (ADR 0207): a valid PNG made in code,
/// published like an approved logo, shown on the profile and the directory card, seeded once.
/// </summary>
public sealed class DemoLogoTests(DirectoryPortal portal) : IClassFixture<DirectoryPortal>
{
    [Fact]
    public async Task A_few_demo_enterprises_show_a_generated_png_logo_on_their_profile_and_card_and_seeding_again_adds_none()
    {
        var taxCodes = DirectoryDemoSeeder.LogoIndices.Select(DirectoryDemoSeeder.TaxCodeOf).ToList();
        var profiles = await portal.ReadAsync(db => db.SupplierProfiles.AsNoTracking().Where(p => p.Organization.TaxCode != null && taxCodes.Contains(p.Organization.TaxCode))
            .Select(p => new { p.Slug, p.NameVi, p.LogoImageId }).ToListAsync());
        Assert.Equal(DirectoryDemoSeeder.LogoIndices.Length, profiles.Count);
        Assert.All(profiles, p => Assert.NotNull(p.LogoImageId));
        var logos = await portal.ReadAsync(db => db.SupplierImages.AsNoTracking().Where(i => i.UploadedBy == DirectoryDemoSeeder.LogoUploader).ToListAsync());
        Assert.Equal(profiles.Select(p => p.LogoImageId!.Value).Order(), logos.Select(l => l.Id).Order());
        Assert.All(logos, l => Assert.Equal(SupplierImageKind.Logo, l.Kind));

        // Public: on the profile page, on the directory card, and served as the PNG that was stored.
        var visitor = portal.NewClient();
        var first = profiles[0];
        var url = ProfileImageEndpoints.Url(first.LogoImageId!.Value);
        Assert.Contains(url, await visitor.GetStringAsync($"/danh-ba/{first.Slug}"));
        Assert.Contains(url, await visitor.GetStringAsync($"/en/directory/{first.Slug}"));
        Assert.Contains(url, await visitor.GetStringAsync("/danh-ba?q=" + Uri.EscapeDataString(first.NameVi)));
        var served = await visitor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        AssertValidPng(await served.Content.ReadAsByteArrayAsync(), 128, 128);

        // Seeding again (a restart, the seed-demo verb) adds no logo.
        Assert.False(await portal.ScopedAsync(sp => sp.GetRequiredService<DirectoryDemoSeeder>().SeedAsync()));
        Assert.Equal(0, await portal.ScopedAsync(sp => sp.GetRequiredService<DirectoryDemoSeeder>().SeedLogosAsync()));
        Assert.Equal(logos.Count, await portal.ReadAsync(db => db.SupplierImages.CountAsync(i => i.UploadedBy == DirectoryDemoSeeder.LogoUploader)));
    }

    /// <summary>Signature, chunks with correct CRC-32, IHDR of the size, and image data that inflates to every row.</summary>
    private static void AssertValidPng(byte[] png, int width, int height)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var position = 8;
        var types = new List<string>();
        using var data = new MemoryStream();
        while (position < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(position));
            var type = System.Text.Encoding.ASCII.GetString(png, position + 4, 4);
            var body = png.AsSpan(position + 8, length);
            Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position + 8 + length)), Crc32(png.AsSpan(position + 4, 4 + length)));
            if (type == "IHDR")
            {
                Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(body));
                Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(body[4..]));
            }
            else if (type == "IDAT")
            {
                data.Write(body);
            }

            types.Add(type);
            position += 12 + length;
        }

        Assert.Equal("IHDR", types[0]);
        Assert.Equal("IEND", types[^1]);
        data.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(data, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        Assert.Equal(height * (1 + 3 * width), inflated.Length);
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c ^= b;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
        }

        return c ^ 0xFFFFFFFFu;
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NgheAn.CNHT.Domain.Geography;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Infrastructure.Geography;
using NgheAn.CNHT.IntegrationTests.Persistence;
using NgheAn.CNHT.IntegrationTests.Proposals;
using NgheAn.CNHT.IntegrationTests.Support;
using static NgheAn.CNHT.IntegrationTests.Support.ProposalArrange;

namespace NgheAn.CNHT.IntegrationTests.Geography;

/// <summary>The administrative map in force since 01/7/2025 (ADR 0126): reference table, the organization's commune, the former district kept.</summary>
public sealed partial class AdministrativeMapTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private static string Valid(string firstNine) => firstNine + TaxCode.CheckDigit(firstNine);

    [Fact]
    public async Task The_province_has_130_units_119_communes_and_11_wards_with_unique_official_codes()
    {
        var units = await ReadAsync(portal, db => db.AdministrativeUnits.AsNoTracking().ToListAsync());
        Assert.Equal(130, units.Count);
        Assert.Equal(119, units.Count(u => u.Kind == AdministrativeUnitKind.Commune));
        Assert.Equal(11, units.Count(u => u.Kind == AdministrativeUnitKind.Ward));
        Assert.Equal(130, units.Select(u => u.Code).Distinct().Count());
        Assert.Equal(130, units.Select(u => u.Slug).Distinct().Count());
        Assert.All(units, u => Assert.Matches("^[0-9]{5}$", u.Code));
        Assert.All(units, u => Assert.StartsWith(u.Kind == AdministrativeUnitKind.Ward ? "Phường " : "Xã ", u.Name));
        Assert.All(units, u => Assert.Equal("40", u.ProvinceCode));
        Assert.All(units, u => Assert.Equal(new DateOnly(2025, 7, 1), u.EffectiveFrom));
        Assert.Equal("Phường Thành Vinh", units.Single(u => u.Code == "16681").Name);
        Assert.Equal("Xã Quỳnh Lưu", units.Single(u => u.Code == "17179").Name);

        var source = AdministrativeMapFile.Current.Source;
        Assert.Equal("809e91baefbe3153ccaecc9b2286303a98b9119b", source.Commit);
        Assert.Equal("vietnam_provinces/data/flat-divisions.json", source.File);
    }

    [Fact]
    public async Task Loading_the_map_again_adds_nothing_and_restores_a_renamed_unit()
    {
        await portal.ScopedAsync(async sp =>
        {
            var db = sp.GetRequiredService<Infrastructure.Persistence.AppDbContext>();
            var unit = await db.AdministrativeUnits.SingleAsync(u => u.Code == "18040");
            unit.Describe("Xã Tên Sai", AdministrativeUnitKind.Commune, "xa_ten_sai");
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            await AdministrativeMapSeeder.EnsureAsync(db, NullLogger.Instance);
            await AdministrativeMapSeeder.EnsureAsync(db, NullLogger.Instance);
            return 0;
        });
        Assert.Equal(130, await ReadAsync(portal, db => db.AdministrativeUnits.CountAsync()));
        Assert.Equal("Xã Lam Thành", await ReadAsync(portal, db => db.AdministrativeUnits.Where(u => u.Code == "18040").Select(u => u.Name).SingleAsync()));
    }

    [Fact]
    public async Task The_form_saves_a_commune_and_refuses_an_unknown_code_in_Vietnamese()
    {
        var client = await portal.SignInAsAsync("DoitSpecialist");
        var formPage = await client.GetStringAsync("/Organizations/Create");
        Assert.Contains("<optgroup label=\"Phường\">", formPage);
        Assert.Contains("<optgroup label=\"Xã\">", formPage);
        Assert.Equal(130, OptionRegex().Count(formPage));
        Assert.DoesNotContain("name=\"Input.District\"", formPage);

        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = "Công ty TNHH Khuôn mẫu Quỳnh Lưu (kiểm thử bản đồ hành chính)",
            ["Input.Kind"] = nameof(OrganizationKind.SupportingIndustryEnterprise),
            ["Input.TaxCode"] = Valid("290246804"),
            ["Input.CommuneCode"] = "99999",
        };
        var refused = await client.PostFormAsync("/Organizations/Create", form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Mã xã/phường 99999 không có trong danh mục xã, phường của tỉnh Nghệ An", Text(await refused.Content.ReadAsStringAsync()));
        Assert.False(await ReadAsync(portal, db => db.Organizations.AnyAsync(o => o.Name == form["Input.Name"])));

        form["Input.CommuneCode"] = "khong-phai-ma";
        Assert.Contains("Vui lòng chọn xã/phường trong danh sách.", Text(await (await client.PostFormAsync("/Organizations/Create", form)).Content.ReadAsStringAsync()));

        form["Input.CommuneCode"] = "17179";
        var saved = await client.PostFormAsync("/Organizations/Create", form);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, Text(await saved.Content.ReadAsStringAsync()));
        var id = IdFromLocation(saved);
        Assert.Equal("17179", await ReadAsync(portal, db => db.Organizations.Where(o => o.Id == id).Select(o => o.CommuneCode).SingleAsync()));
        var details = Text(await client.GetStringAsync($"/Organizations/Details/{id}"));
        Assert.Contains("Xã Quỳnh Lưu", details);
        Assert.DoesNotContain("Huyện cũ (trước 01/7/2025)", details); // a new unit has no former district

        var edit = ProposalEditingTests.FormValues(await client.GetStringAsync($"/Organizations/Edit/{id}"));
        Assert.Equal("17179", edit["Input.CommuneCode"]);
        edit["Input.CommuneCode"] = "16681";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/Organizations/Edit/{id}", new FormUrlEncodedContent(edit))).StatusCode);
        Assert.Contains("Phường Thành Vinh", Text(await client.GetStringAsync($"/Organizations/Details/{id}")));
    }

    [Fact]
    public async Task The_former_district_is_shown_read_only_and_a_posted_value_changes_nothing()
    {
        var id = await ReadAsync(portal, db => db.Organizations.Where(o => o.Name == "Công ty Cổ phần May Diễn Châu").Select(o => o.Id).SingleAsync());
        var client = await portal.SignInAsAsync("DoitSpecialist");
        var editPage = await client.GetStringAsync($"/Organizations/Edit/{id}");
        Assert.DoesNotContain("name=\"Input.District\"", editPage);
        Assert.Contains("Huyện cũ (trước 01/7/2025): Huyện Diễn Châu", Regex.Replace(Text(editPage), @"\s+", " "));

        var form = ProposalEditingTests.FormValues(editPage);
        form["Input.District"] = "Huyện Khác";
        form["Input.ContactPerson"] = "Trần Thị Bình";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"/Organizations/Edit/{id}", new FormUrlEncodedContent(form))).StatusCode);
        Assert.Equal("Huyện Diễn Châu", await ReadAsync(portal, db => db.Organizations.Where(o => o.Id == id).Select(o => o.District).SingleAsync()));

        var details = Regex.Replace(Text(await client.GetStringAsync($"/Organizations/Details/{id}")), @"\s+", " ");
        Assert.Contains("Huyện cũ (trước 01/7/2025) Huyện Diễn Châu", details);
        Assert.Contains("Xã/phường Xã Diễn Châu", details); // the demo unit's commune (giá trị minh họa)
    }

    [Fact]
    public async Task Migrating_an_older_database_keeps_every_former_district_and_leaves_the_commune_empty()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cnht-map-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = MigrationsTests.SqliteContext($"Data Source={path}"))
            {
                var migrations = db.Database.GetMigrations().ToList();
                var index = migrations.FindIndex(m => m.EndsWith("_Issue24AdministrativeMap", StringComparison.Ordinal));
                Assert.True(index > 0, "migration Issue24AdministrativeMap not found");
                var migrator = db.GetService<IMigrator>();
                await migrator.MigrateAsync(migrations[index - 1]);
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO Organizations (Name, SearchText, Kind, TaxCode, Sector, District, Address, IsSample, IsUnverified, ConcurrencyStamp, CreatedAt, CreatedBy)
                    VALUES ('Công ty TNHH Cũ Thanh Chương', 'cong ty tnhh cu thanh chuong', 'OtherEnterprise', NULL, 'Cơ khí', 'Huyện Thanh Chương', 'Xóm 3', 0, 0,
                            '6f1c1c2e-0000-4000-8000-000000000001', '2024-05-01 08:00:00', 'nhap.cu@cnht.demo')
                    """);

                await migrator.MigrateAsync();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                var old = await db.Organizations.AsNoTracking().SingleAsync(o => o.Name == "Công ty TNHH Cũ Thanh Chương");
                Assert.Equal("Huyện Thanh Chương", old.District);
                Assert.Null(old.CommuneCode);
                Assert.Equal("Xóm 3", old.Address);

                await AdministrativeMapSeeder.EnsureAsync(db, NullLogger.Instance);
                await AdministrativeMapSeeder.EnsureAsync(db, NullLogger.Instance);
                Assert.Equal(130, await db.AdministrativeUnits.CountAsync());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [GeneratedRegex("<option value=\"[0-9]{5}\"")]
    private static partial Regex OptionRegex();
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Organizations;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Infrastructure.Identity;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.Persistence;

/// <summary>Names are listed in Vietnamese alphabetical order by SQL itself (A Ă Â B C D Đ E Ê …), on SQLite as on SQL Server.</summary>
public sealed class VietnameseSortingTests : IAsyncLifetime, IDisposable
{
    /// <summary>In Vietnamese order. Ordinal (or English) order would put "Âu", "Ăn" after "Yên" and "Đông" after "Yên" too.</summary>
    private static readonly string[] Expected =
    [
        "Công ty An Phát", "Công ty Ăn uống Vinh", "Công ty Âu Lạc", "Công ty Bình Minh", "Công ty Dệt Hoàng Thị Loan",
        "Công ty Đông Á", "Công ty Ê Đê", "Công ty Ơn Nghĩa", "Công ty Ưu Việt", "Công ty Yên Thành",
    ];

    private readonly CnhtFactory _portal = new(seedDemoData: false);

    public async Task InitializeAsync()
    {
        using var scope = _portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var name in Expected.Reverse())
        {
            db.Organizations.Add(new Organization(name, OrganizationKind.StateAgency, null));
        }

        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task Lead_units_are_listed_in_vietnamese_order_by_the_database()
    {
        var page = await _portal.ScopedAsync(sp => sp.GetRequiredService<OrganizationQueries>().ListAsync(null, null, 1));
        Assert.Equal(Expected, page.Rows.Select(r => r.Name));

        var choices = await _portal.ScopedAsync(sp => sp.GetRequiredService<ProposalQueries>().ChoicesAsync());
        Assert.Equal(Expected, choices.Organizations.Select(o => o.Name));
    }

    [Fact]
    public async Task The_collation_is_the_same_vietnamese_comparison_for_upper_and_lower_case()
    {
        using var scope = _portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 'đông' < 'Dz' COLLATE Vietnamese_CI_AS, 'Đông' = 'đông' COLLATE Vietnamese_CI_AS, 'a' < 'ă' COLLATE Vietnamese_CI_AS, 'ă' < 'â' COLLATE Vietnamese_CI_AS";
        using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal([0L, 1L, 1L, 1L], Enumerable.Range(0, 4).Select(reader.GetInt64));
    }

    [Fact]
    public void People_are_listed_by_given_name_the_vietnamese_way()
    {
        Assert.Equal("Đào", UserAdminService.GivenName("Nguyễn Thị Đào"));
        string[] people = ["Nguyễn Văn Đức", "Trần Thị Dung", "Lê Văn An", "Phạm Thị Ánh"];
        var ordered = people.OrderBy(UserAdminService.GivenName, Comparer<string?>.Create(VietnameseCollationInterceptor.Compare)).ToList();
        Assert.Equal(["Lê Văn An", "Phạm Thị Ánh", "Trần Thị Dung", "Nguyễn Văn Đức"], ordered);
    }
}

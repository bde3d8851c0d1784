using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the context for SQLite migrations without starting the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options;
        return new AppDbContext(options);
    }
}

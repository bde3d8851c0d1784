using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.Migrations.SqlServer;

/// <summary>Lets `dotnet ef` build the context for SQL Server migrations; no server is contacted.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlServer("Server=localhost;Database=Cnht;Trusted_Connection=True;TrustServerCertificate=True",
                o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options;
        return new AppDbContext(options);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgheAn.CNHT.Application.Common;

namespace NgheAn.CNHT.Infrastructure.Persistence;

/// <summary>One row: the data version raised by every business write (AuditSaveChangesInterceptor).</summary>
public sealed class DataVersionRow
{
    public int Id { get; set; }
    public long Version { get; set; }
}

internal sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersionRow>
{
    public void Configure(EntityTypeBuilder<DataVersionRow> b)
    {
        b.ToTable("DataVersions");
        b.Property(v => v.Id).ValueGeneratedNever();
        b.HasData(new DataVersionRow { Id = 1, Version = 0 });
    }
}

public sealed class DataVersion(AppDbContext db) : IDataVersion
{
    /// <summary>SQL both providers accept; run inside the transaction of the write it follows.</summary>
    public const string RaiseSql = "UPDATE \"DataVersions\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = 1";

    private static readonly Func<AppDbContext, Task<long>> Current =
        EF.CompileAsyncQuery((AppDbContext c) => c.Set<DataVersionRow>().Where(v => v.Id == 1).Select(v => v.Version).FirstOrDefault());

    public Task<long> CurrentAsync(CancellationToken ct = default) => Current(db);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

/// <summary>
/// The data version as every page, report file and cached read model sees it (ADR 0198, amended by ADR 0216): read
/// through the node's <see cref="DataVersionWatch"/>, so it costs a database round trip at most once a second per node
/// and at once after any write of this node (a committed transaction, or a write command outside one). A change made
/// through this node shows on its next request; one made through another node or the command line within
/// <see cref="DataVersionWatch.Freshness"/>. The scope's context is asked for only when the watch reads.
/// </summary>
public sealed class DataVersion(IServiceProvider services, DataVersionWatch watch) : IDataVersion
{
    /// <summary>
    /// SQL both providers accept; run inside the transaction of the write it follows. Raises the version's part outside the
    /// ledger too (<see cref="DataVersionSteps.OtherStep"/>, ADR 0214): any write that is not known to add ledger entries only.
    /// </summary>
    public const string RaiseSql = "UPDATE \"DataVersions\" SET \"Version\" = \"Version\" + 4294967296 WHERE \"Id\" = 1";

    /// <summary>A write that only adds ledger entries (<see cref="DataVersionSteps.LedgerOnlyStep"/>, ADR 0214).</summary>
    public const string RaiseLedgerOnlySql = "UPDATE \"DataVersions\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = 1";

    private static readonly Func<AppDbContext, Task<long>> Current =
        EF.CompileAsyncQuery((AppDbContext c) => c.Set<DataVersionRow>().Where(v => v.Id == 1).Select(v => v.Version).FirstOrDefault());

    public Task<long> CurrentAsync(CancellationToken ct = default) => watch.CurrentAsync(_ => Current(services.GetRequiredService<AppDbContext>()), ct).AsTask();
}

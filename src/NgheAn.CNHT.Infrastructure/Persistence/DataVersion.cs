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

/// <summary>
/// Read once per request (per scope): a page that asks for the version several times (its choices, totals, rows,
/// figures) pays one round trip. The value read is reused while this node has committed nothing since and for at
/// most <see cref="DataVersionWatch.Freshness"/>, so a scope never outlives a write of its own node, nor a second of
/// another's; within one request that is the same as having read everything at its start.
/// </summary>
public sealed class DataVersion(AppDbContext db, DataVersionWatch watch, TimeProvider clock) : IDataVersion
{
    private (long Version, long Commits, DateTimeOffset At)? _read;

    /// <summary>
    /// SQL both providers accept; run inside the transaction of the write it follows. Raises the version's part outside the
    /// ledger too (<see cref="DataVersionSteps.OtherStep"/>, ADR 0214): any write that is not known to add ledger entries only.
    /// </summary>
    public const string RaiseSql = "UPDATE \"DataVersions\" SET \"Version\" = \"Version\" + 4294967296 WHERE \"Id\" = 1";

    /// <summary>A write that only adds ledger entries (<see cref="DataVersionSteps.LedgerOnlyStep"/>, ADR 0214).</summary>
    public const string RaiseLedgerOnlySql = "UPDATE \"DataVersions\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = 1";

    private static readonly Func<AppDbContext, Task<long>> Current =
        EF.CompileAsyncQuery((AppDbContext c) => c.Set<DataVersionRow>().Where(v => v.Id == 1).Select(v => v.Version).FirstOrDefault());

    public async Task<long> CurrentAsync(CancellationToken ct = default)
    {
        var commits = watch.Commits;
        if (_read is { } read && read.Commits == commits && clock.GetUtcNow() - read.At < DataVersionWatch.Freshness)
        {
            return read.Version;
        }

        var version = await Current(db);
        _read = (version, commits, clock.GetUtcNow());
        return version;
    }
}

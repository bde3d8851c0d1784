using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgheAn.CNHT.Domain.Catalog;
using NgheAn.CNHT.Domain.Outcomes;

namespace NgheAn.CNHT.Infrastructure.Persistence.Configurations;

/// <summary>Program outcomes and their yearly values (issue 19, ADR 0173). Values keep four decimals (2,63%).</summary>
internal sealed class OutcomeIndicatorConfiguration : IEntityTypeConfiguration<OutcomeIndicator>
{
    public void Configure(EntityTypeBuilder<OutcomeIndicator> b)
    {
        b.ToTable("OutcomeIndicators");
        b.HasOne<CnhtProgram>().WithMany().HasForeignKey(i => i.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.ProgramId, i.Code }).IsUnique();
        b.Property(i => i.Code).HasMaxLength(20);
        b.Property(i => i.Name).HasMaxLength(300);
        b.Property(i => i.Unit).HasMaxLength(50);
        b.Property(i => i.Target).HasPrecision(18, 4);
        b.Property(i => i.ConcurrencyStamp).IsConcurrencyToken();
        b.Property(i => i.CreatedBy).HasMaxLength(256);
        b.Property(i => i.UpdatedBy).HasMaxLength(256);
    }
}

internal sealed class OutcomeValueConfiguration : IEntityTypeConfiguration<OutcomeValue>
{
    public void Configure(EntityTypeBuilder<OutcomeValue> b)
    {
        b.ToTable("OutcomeValues");
        b.HasOne<OutcomeIndicator>().WithMany().HasForeignKey(v => v.OutcomeIndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(v => new { v.OutcomeIndicatorId, v.Year });
        b.Property(v => v.Value).HasPrecision(18, 4);
        b.Property(v => v.Source).HasMaxLength(300);
        b.Property(v => v.Note).HasMaxLength(1000);
        b.Property(v => v.CreatedBy).HasMaxLength(256);
        b.Property(v => v.UpdatedBy).HasMaxLength(256);
    }
}

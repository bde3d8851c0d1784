using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgheAn.CNHT.Domain.Catalog;
using NgheAn.CNHT.Domain.Indicators;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Infrastructure.Persistence.Configurations;

/// <summary>Output indicators, their yearly targets and proposals' expected and actual outputs (issue 19, ADR 0171).</summary>
internal sealed class OutputIndicatorConfiguration : IEntityTypeConfiguration<OutputIndicator>
{
    public void Configure(EntityTypeBuilder<OutputIndicator> b)
    {
        b.ToTable("OutputIndicators");
        b.HasOne<ContentItem>().WithMany().HasForeignKey(i => i.ContentItemId).OnDelete(DeleteBehavior.Restrict);
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(40);
        b.HasIndex(i => new { i.ContentItemId, i.Kind }).IsUnique();
        b.Ignore(i => i.Unit);
        b.Property(i => i.ConcurrencyStamp).IsConcurrencyToken();
        b.Property(i => i.CreatedBy).HasMaxLength(256);
        b.Property(i => i.UpdatedBy).HasMaxLength(256);
        b.HasMany(i => i.Targets).WithOne(t => t.Indicator).HasForeignKey(t => t.OutputIndicatorId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(i => i.Targets).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> b)
    {
        b.ToTable("IndicatorTargets");
        b.HasIndex(t => new { t.OutputIndicatorId, t.Year }).IsUnique();
        b.Property(t => t.CreatedBy).HasMaxLength(256);
        b.Property(t => t.UpdatedBy).HasMaxLength(256);
    }
}

internal sealed class ProposalOutputConfiguration : IEntityTypeConfiguration<ProposalOutput>
{
    public void Configure(EntityTypeBuilder<ProposalOutput> b)
    {
        b.ToTable("ProposalOutputs");
        b.HasOne<Proposal>().WithMany().HasForeignKey(o => o.ProposalId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(o => o.Indicator).WithMany().HasForeignKey(o => o.OutputIndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => new { o.ProposalId, o.OutputIndicatorId }).IsUnique();
        b.HasIndex(o => o.OutputIndicatorId);
        b.Property(o => o.CreatedBy).HasMaxLength(256);
        b.Property(o => o.UpdatedBy).HasMaxLength(256);
    }
}

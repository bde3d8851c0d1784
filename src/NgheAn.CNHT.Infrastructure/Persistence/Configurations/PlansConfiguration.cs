using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgheAn.CNHT.Domain.Catalog;
using NgheAn.CNHT.Domain.Plans;

namespace NgheAn.CNHT.Infrastructure.Persistence.Configurations;

/// <summary>Yearly plans of the 2026-2030 program (issue 19, ADR 0170): one plan per content item, one row per year.</summary>
internal sealed class ItemPlanConfiguration : IEntityTypeConfiguration<ItemPlan>
{
    public void Configure(EntityTypeBuilder<ItemPlan> b)
    {
        b.ToTable("ItemPlans");
        b.HasOne<ContentItem>().WithMany().HasForeignKey(p => p.ContentItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.ContentItemId).IsUnique();
        b.Property(p => p.DecisionReference).HasMaxLength(200);
        b.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
        b.Property(p => p.CreatedBy).HasMaxLength(256);
        b.Property(p => p.UpdatedBy).HasMaxLength(256);
        b.HasMany(p => p.Years).WithOne(y => y.ItemPlan).HasForeignKey(y => y.ItemPlanId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Years).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class YearPlanAmountConfiguration : IEntityTypeConfiguration<YearPlanAmount>
{
    public void Configure(EntityTypeBuilder<YearPlanAmount> b)
    {
        b.ToTable("YearPlanAmounts");
        b.HasIndex(y => new { y.ItemPlanId, y.Year }).IsUnique();
        b.Property(y => y.CreatedBy).HasMaxLength(256);
        b.Property(y => y.UpdatedBy).HasMaxLength(256);
    }
}

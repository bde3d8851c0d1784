using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgheAn.CNHT.Domain.Catalog;
using NgheAn.CNHT.Domain.FundingRequests;

namespace NgheAn.CNHT.Infrastructure.Persistence.Configurations;

/// <summary>Budgets assigned per item and year (issue 19, ADR 0174).</summary>
internal sealed class AssignedBudgetConfiguration : IEntityTypeConfiguration<AssignedBudget>
{
    public void Configure(EntityTypeBuilder<AssignedBudget> b)
    {
        b.ToTable("AssignedBudgets");
        b.HasOne<CnhtProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ContentItem>().WithMany().HasForeignKey(x => x.ContentItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ProgramId, x.Year, x.ContentItemId }).IsUnique();
        b.Property(x => x.DecisionReference).HasMaxLength(200);
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.UpdatedBy).HasMaxLength(256);
    }
}

/// <summary>Department-run lines of a year's funding request (ADR 0179).</summary>
internal sealed class DepartmentActivityConfiguration : IEntityTypeConfiguration<DepartmentActivity>
{
    public void Configure(EntityTypeBuilder<DepartmentActivity> b)
    {
        b.ToTable("DepartmentActivities");
        b.HasOne<CnhtProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ProgramId, x.Year });
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Description).HasMaxLength(500).IsRequired();
        b.Property(x => x.Justification).HasMaxLength(1000).IsRequired();
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.UpdatedBy).HasMaxLength(256);
    }
}

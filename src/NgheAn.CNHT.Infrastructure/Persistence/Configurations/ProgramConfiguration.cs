using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgheAn.CNHT.Domain.Catalog;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Infrastructure.Persistence.Configurations;

internal sealed class ProgramConfiguration : IEntityTypeConfiguration<CnhtProgram>
{
    public void Configure(EntityTypeBuilder<CnhtProgram> b)
    {
        b.ToTable("Programs");
        b.Property(p => p.Code).HasMaxLength(FieldLengths.ProgramCode).IsRequired();
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.Name).HasMaxLength(FieldLengths.ProgramName).IsRequired();
        b.Property(p => p.LegalBasis).HasMaxLength(FieldLengths.LegalBasis);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.CreatedBy).HasMaxLength(256);
        b.Property(p => p.UpdatedBy).HasMaxLength(256);
        b.Ignore(p => p.IsCatalogLocked);
        b.Ignore(p => p.Period);
        b.HasMany(p => p.Groups).WithOne(g => g.Program).HasForeignKey(g => g.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(p => p.Groups).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ContentGroupConfiguration : IEntityTypeConfiguration<ContentGroup>
{
    public void Configure(EntityTypeBuilder<ContentGroup> b)
    {
        b.ToTable("ContentGroups");
        b.Property(g => g.Code).HasMaxLength(FieldLengths.CatalogCode).IsRequired();
        b.Property(g => g.Name).HasMaxLength(FieldLengths.CatalogName).IsRequired();
        b.Property(g => g.CreatedBy).HasMaxLength(256);
        b.Property(g => g.UpdatedBy).HasMaxLength(256);
        b.HasIndex(g => new { g.ProgramId, g.Code }).IsUnique();
        b.HasMany(g => g.Items).WithOne(i => i.Group).HasForeignKey(i => i.GroupId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(g => g.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> b)
    {
        b.ToTable("ContentItems");
        b.Property(i => i.Code).HasMaxLength(FieldLengths.CatalogCode).IsRequired();
        b.Property(i => i.Name).HasMaxLength(FieldLengths.CatalogName).IsRequired();
        b.Property(i => i.CreatedBy).HasMaxLength(256);
        b.Property(i => i.UpdatedBy).HasMaxLength(256);
        b.HasIndex(i => new { i.GroupId, i.Code }).IsUnique();
        b.HasMany(i => i.PlanRevisions).WithOne(r => r.ContentItem).HasForeignKey(r => r.ContentItemId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(i => i.PlanRevisions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PlanRevisionConfiguration : IEntityTypeConfiguration<PlanRevision>
{
    public void Configure(EntityTypeBuilder<PlanRevision> b)
    {
        b.ToTable("PlanRevisions");
        b.Property(r => r.DecisionReference).HasMaxLength(200);
        b.Property(r => r.Reason).HasMaxLength(1000);
        b.Property(r => r.ChangedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(r => new { r.ContentItemId, r.ChangedAt });
    }
}

internal sealed class RequiredDocumentConfiguration : IEntityTypeConfiguration<RequiredDocument>
{
    public void Configure(EntityTypeBuilder<RequiredDocument> b)
    {
        b.ToTable("RequiredDocuments");
        b.Property(d => d.Name).HasMaxLength(300).IsRequired();
        b.Property(d => d.DocumentType).HasConversion<string>().HasMaxLength(30);
        b.Property(d => d.CreatedBy).HasMaxLength(256);
        b.Property(d => d.UpdatedBy).HasMaxLength(256);
        b.HasOne(d => d.ContentItem).WithMany().HasForeignKey(d => d.ContentItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.ContentItemId, d.SortOrder }).IsUnique();
    }
}

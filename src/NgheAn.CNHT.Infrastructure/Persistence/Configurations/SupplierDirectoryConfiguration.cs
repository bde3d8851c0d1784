using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgheAn.CNHT.Domain.Geography;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Domain.Suppliers;

namespace NgheAn.CNHT.Infrastructure.Persistence.Configurations;

// The public CNHT directory (issue 17, ADR 0181/0182): published profiles, their certifications, pending changes.

internal sealed class SupplierProfileConfiguration : IEntityTypeConfiguration<SupplierProfile>
{
    public void Configure(EntityTypeBuilder<SupplierProfile> b)
    {
        b.ToTable("SupplierProfiles");
        b.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.OrganizationId).IsUnique();
        b.Property(p => p.Slug).HasMaxLength(120).IsRequired();
        b.HasIndex(p => p.Slug).IsUnique();
        b.Property(p => p.NameVi).HasMaxLength(300).IsRequired();
        b.Property(p => p.NameEn).HasMaxLength(300);
        b.Property(p => p.CommuneCode).HasMaxLength(AdministrativeUnit.CodeLength).IsUnicode(false);
        // The commune or ward of the map in force (issue 24, ADR 0126); its name is copied at publication for search.
        b.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(p => p.CommuneCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.IsPublished, p.CommuneCode });
        b.Property(p => p.CommuneName).HasMaxLength(150);
        b.Property(p => p.ZoneCode).HasMaxLength(40).IsRequired();
        b.Property(p => p.Address).HasMaxLength(300);
        b.Property(p => p.SectorCodes).HasMaxLength(400).IsRequired();
        b.Property(p => p.ProcessCodes).HasMaxLength(400).IsRequired();
        b.Property(p => p.CertificationCodes).HasMaxLength(400).IsRequired();
        b.Property(p => p.ProductsVi).HasMaxLength(2000);
        b.Property(p => p.ProductsEn).HasMaxLength(2000);
        b.Property(p => p.Capacity).HasMaxLength(1000);
        b.Property(p => p.Workforce).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.ExportMarkets).HasMaxLength(500);
        b.Property(p => p.Website).HasMaxLength(200);
        b.Property(p => p.ContactName).HasMaxLength(200);
        b.Property(p => p.ContactPhone).HasMaxLength(30);
        b.Property(p => p.ContactEmail).HasMaxLength(256);
        b.Property(p => p.SearchText).HasMaxLength(SupplierProfile.SearchTextLength).IsRequired();
        b.Property(p => p.CapabilityVerifiedBy).HasMaxLength(256);
        b.HasOne<Proposal>().WithMany().HasForeignKey(p => p.CapabilityProposalId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.CreatedBy).HasMaxLength(256);
        b.Property(p => p.UpdatedBy).HasMaxLength(256);
        b.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
        b.HasMany(p => p.CertificationList).WithOne().HasForeignKey(c => c.SupplierProfileId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.CertificationList).HasField("_certifications").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(p => new { p.IsPublished, p.NameVi });
        b.HasIndex(p => new { p.IsPublished, p.ZoneCode });
        b.Ignore(p => p.IsCapabilityVerified);
        b.Property(p => p.PhotoImageIds).HasMaxLength(300).IsUnicode(false).IsRequired();
    }
}

internal sealed class SupplierCertificationConfiguration : IEntityTypeConfiguration<SupplierCertification>
{
    public void Configure(EntityTypeBuilder<SupplierCertification> b)
    {
        b.ToTable("SupplierCertifications");
        b.Property(c => c.Code).HasMaxLength(40).IsRequired();
        b.HasIndex(c => new { c.SupplierProfileId, c.Code }).IsUnique();
        b.HasIndex(c => new { c.Code, c.ValidUntil });
    }
}

internal sealed class ProfileChangeConfiguration : IEntityTypeConfiguration<ProfileChange>
{
    public void Configure(EntityTypeBuilder<ProfileChange> b)
    {
        b.ToTable("ProfileChanges");
        b.HasOne(c => c.SupplierProfile).WithMany().HasForeignKey(c => c.SupplierProfileId).OnDelete(DeleteBehavior.Cascade);
        b.Property(c => c.ContentJson).IsRequired();
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.SubmittedBy).HasMaxLength(256).IsRequired();
        b.Property(c => c.DecidedBy).HasMaxLength(256);
        b.Property(c => c.RejectionReason).HasMaxLength(1000);
        b.Property(c => c.CreatedBy).HasMaxLength(256);
        b.Property(c => c.UpdatedBy).HasMaxLength(256);
        b.Property(c => c.ConcurrencyStamp).IsConcurrencyToken();
        b.HasIndex(c => new { c.Status, c.SubmittedAt });
        b.HasIndex(c => new { c.SupplierProfileId, c.Status });
        b.Ignore(c => c.Content);
    }
}

/// <summary>Logo and photos of a profile (ADR 0193): bytes in the row; public reads go through the published profile.</summary>
internal sealed class SupplierImageConfiguration : IEntityTypeConfiguration<SupplierImage>
{
    public void Configure(EntityTypeBuilder<SupplierImage> b)
    {
        b.ToTable("SupplierImages");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.HasOne<SupplierProfile>().WithMany().HasForeignKey(i => i.SupplierProfileId).OnDelete(DeleteBehavior.Cascade);
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(i => i.ContentType).HasMaxLength(20).IsUnicode(false).IsRequired();
        b.Property(i => i.Sha256).HasMaxLength(64).IsUnicode(false).IsRequired();
        b.Property(i => i.Data).IsRequired();
        b.Property(i => i.UploadedBy).HasMaxLength(256).IsRequired();
        b.Property(i => i.RetiredReason).HasMaxLength(200);
        b.HasIndex(i => i.SupplierProfileId);
    }
}

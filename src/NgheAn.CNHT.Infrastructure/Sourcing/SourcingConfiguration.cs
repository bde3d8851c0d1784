using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgheAn.CNHT.Domain.Sourcing;

namespace NgheAn.CNHT.Infrastructure.Sourcing;

// Sourcing requests and interests (issue 17 item 4, ADR 0185).

internal sealed class SourcingRequestConfiguration : IEntityTypeConfiguration<SourcingRequest>
{
    public void Configure(EntityTypeBuilder<SourcingRequest> b)
    {
        b.ToTable("SourcingRequests");
        b.HasOne(r => r.BuyerOrganization).WithMany().HasForeignKey(r => r.BuyerOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Title).HasMaxLength(200).IsRequired();
        b.Property(r => r.SectorCode).HasMaxLength(40).IsRequired();
        b.Property(r => r.ProcessCode).HasMaxLength(40);
        b.Property(r => r.CertificationCode).HasMaxLength(40);
        b.Property(r => r.Quantity).HasMaxLength(200);
        b.Property(r => r.Description).HasMaxLength(3000);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.PostedBy).HasMaxLength(256).IsRequired();
        b.Property(r => r.ClosedBy).HasMaxLength(256);
        b.Property(r => r.CreatedBy).HasMaxLength(256);
        b.Property(r => r.UpdatedBy).HasMaxLength(256);
        b.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
        b.HasIndex(r => new { r.BuyerOrganizationId, r.PostedAt });
        b.HasIndex(r => new { r.Status, r.SectorCode, r.Deadline });
        b.HasIndex(r => r.Year);
    }
}

internal sealed class SourcingInterestConfiguration : IEntityTypeConfiguration<SourcingInterest>
{
    public void Configure(EntityTypeBuilder<SourcingInterest> b)
    {
        b.ToTable("SourcingInterests");
        b.HasOne(i => i.SourcingRequest).WithMany().HasForeignKey(i => i.SourcingRequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(i => i.SupplierOrganization).WithMany().HasForeignKey(i => i.SupplierOrganizationId).OnDelete(DeleteBehavior.Restrict);
        // One interest per supplier and request, also when two members of one enterprise click at once.
        b.HasIndex(i => new { i.SourcingRequestId, i.SupplierOrganizationId }).IsUnique();
        b.HasIndex(i => new { i.SupplierOrganizationId, i.ExpressedAt });
        b.Property(i => i.Message).HasMaxLength(1000);
        b.Property(i => i.ExpressedBy).HasMaxLength(256).IsRequired();
        b.Property(i => i.CreatedBy).HasMaxLength(256);
        b.Property(i => i.UpdatedBy).HasMaxLength(256);
    }
}

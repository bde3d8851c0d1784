using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Geography;
using NgheAn.CNHT.Domain.Organizations;

namespace NgheAn.CNHT.Infrastructure.Persistence.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.ToTable("Organizations");
        b.Property(o => o.Name).HasMaxLength(FieldLengths.OrganizationName).IsRequired();
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(o => o.TaxCode).HasMaxLength(FieldLengths.TaxCode);
        b.HasIndex(o => o.TaxCode).IsUnique().HasFilter("[TaxCode] IS NOT NULL");
        b.HasIndex(o => o.Name);
        b.Property(o => o.SearchText).HasMaxLength(Organization.SearchTextLength).IsRequired();
        b.HasIndex(o => o.SearchText);
        b.Property(o => o.Sector).HasMaxLength(FieldLengths.Sector);
        b.Property(o => o.District).HasMaxLength(FieldLengths.District);
        // The commune or ward of the map in force (ADR 0126); indexed through its foreign key for the directory's filter.
        b.Property(o => o.CommuneCode).HasMaxLength(AdministrativeUnit.CodeLength).IsUnicode(false);
        b.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(o => o.CommuneCode).OnDelete(DeleteBehavior.Restrict);
        b.Property(o => o.Address).HasMaxLength(FieldLengths.Address);
        b.Property(o => o.ContactPerson).HasMaxLength(FieldLengths.ContactPerson);
        b.Property(o => o.Phone).HasMaxLength(FieldLengths.Phone);
        b.Property(o => o.Email).HasMaxLength(FieldLengths.Email);
        b.Property(o => o.CreatedBy).HasMaxLength(256);
        b.Property(o => o.UpdatedBy).HasMaxLength(256);
        b.Property(o => o.ConcurrencyStamp).IsConcurrencyToken();
        b.Ignore(o => o.IsEnterprise);
    }
}

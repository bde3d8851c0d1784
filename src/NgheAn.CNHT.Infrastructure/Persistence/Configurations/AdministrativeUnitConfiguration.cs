using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgheAn.CNHT.Domain.Geography;

namespace NgheAn.CNHT.Infrastructure.Persistence.Configurations;

/// <summary>Communes and wards of the map in force (ADR 0126): keyed by the official code, filled by AdministrativeMapSeeder.</summary>
internal sealed class AdministrativeUnitConfiguration : IEntityTypeConfiguration<AdministrativeUnit>
{
    public void Configure(EntityTypeBuilder<AdministrativeUnit> b)
    {
        b.ToTable("AdministrativeUnits");
        b.HasKey(u => u.Code);
        b.Property(u => u.Code).HasMaxLength(AdministrativeUnit.CodeLength).IsUnicode(false).ValueGeneratedNever();
        b.Property(u => u.Name).HasMaxLength(AdministrativeUnit.NameLength).IsRequired();
        b.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(u => u.Slug).HasMaxLength(AdministrativeUnit.NameLength).IsUnicode(false).IsRequired();
        b.Property(u => u.ProvinceCode).HasMaxLength(2).IsUnicode(false).IsRequired();
        b.HasIndex(u => u.Slug).IsUnique();
    }
}

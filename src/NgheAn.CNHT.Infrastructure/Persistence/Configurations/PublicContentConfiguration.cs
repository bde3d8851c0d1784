using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgheAn.CNHT.Domain.PublicContent;

namespace NgheAn.CNHT.Infrastructure.Persistence.Configurations;

internal sealed class InvestmentProjectConfiguration : IEntityTypeConfiguration<InvestmentProject>
{
    public void Configure(EntityTypeBuilder<InvestmentProject> b)
    {
        b.ToTable("InvestmentProjects");
        b.Property(p => p.Slug).HasMaxLength(120).IsRequired();
        b.HasIndex(p => p.Slug).IsUnique();
        b.Property(p => p.TitleVi).HasMaxLength(InvestmentProject.TitleLength).IsRequired();
        b.Property(p => p.TitleEn).HasMaxLength(InvestmentProject.TitleLength).IsRequired();
        b.Property(p => p.SectorCode).HasMaxLength(40).IsRequired();
        b.Property(p => p.ZoneCode).HasMaxLength(40).IsRequired();
        b.Property(p => p.LocationVi).HasMaxLength(300).IsRequired();
        b.Property(p => p.LocationEn).HasMaxLength(300);
        b.Property(p => p.SummaryVi).HasMaxLength(InvestmentProject.TextLength).IsRequired();
        b.Property(p => p.SummaryEn).HasMaxLength(InvestmentProject.TextLength);
        b.Property(p => p.ScaleVi).HasMaxLength(1000);
        b.Property(p => p.ScaleEn).HasMaxLength(1000);
        b.Property(p => p.InvestmentFormVi).HasMaxLength(300);
        b.Property(p => p.InvestmentFormEn).HasMaxLength(300);
        b.Property(p => p.Contact).HasMaxLength(500);
        b.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.WithdrawalReason).HasMaxLength(500);
        b.Property(p => p.CreatedBy).HasMaxLength(256);
        b.Property(p => p.UpdatedBy).HasMaxLength(256);
        b.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
        b.HasIndex(p => new { p.State, p.TitleVi });
        b.Ignore(p => p.IsPublished);
    }
}

internal sealed class NewsPostConfiguration : IEntityTypeConfiguration<NewsPost>
{
    public void Configure(EntityTypeBuilder<NewsPost> b)
    {
        b.ToTable("NewsPosts");
        b.Property(p => p.Slug).HasMaxLength(120).IsRequired();
        b.HasIndex(p => p.Slug).IsUnique();
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.TitleVi).HasMaxLength(300).IsRequired();
        b.Property(p => p.TitleEn).HasMaxLength(300);
        b.Property(p => p.Format).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.BodyVi).HasMaxLength(NewsPost.BodyLength).IsRequired();
        b.Property(p => p.BodyEn).HasMaxLength(NewsPost.BodyLength);
        b.Property(p => p.PlaceVi).HasMaxLength(300);
        b.Property(p => p.PlaceEn).HasMaxLength(300);
        b.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.CreatedBy).HasMaxLength(256);
        b.Property(p => p.UpdatedBy).HasMaxLength(256);
        b.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
        b.HasIndex(p => new { p.State, p.PublishedAt });
        b.Ignore(p => p.IsEvent);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgheAn.CNHT.Domain.Catalog;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Domain.SupportRules;

namespace NgheAn.CNHT.Infrastructure.Persistence.Configurations;

internal sealed class SupportRuleSetConfiguration : IEntityTypeConfiguration<SupportRuleSet>
{
    public void Configure(EntityTypeBuilder<SupportRuleSet> b)
    {
        b.ToTable("SupportRuleSets");
        b.Property(s => s.Title).HasMaxLength(300).IsRequired();
        b.Property(s => s.DocumentNumber).HasMaxLength(100).IsRequired();
        b.Property(s => s.Issuer).HasMaxLength(200).IsRequired();
        b.Property(s => s.DocumentLink).HasMaxLength(500);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.ApprovedBy).HasMaxLength(256);
        b.Property(s => s.CreatedBy).HasMaxLength(256);
        b.Property(s => s.UpdatedBy).HasMaxLength(256);
        b.Property(s => s.ConcurrencyStamp).IsConcurrencyToken();
        b.Ignore(s => s.Basis);
        b.HasOne<CnhtProgram>().WithMany().HasForeignKey(s => s.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.ProgramId, s.Version }).IsUnique();
        b.HasMany(s => s.Rules).WithOne(r => r.RuleSet).HasForeignKey(r => r.RuleSetId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(s => s.Rules).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SupportRuleConfiguration : IEntityTypeConfiguration<SupportRule>
{
    public void Configure(EntityTypeBuilder<SupportRule> b)
    {
        b.ToTable("SupportRules");
        b.Property(r => r.Citation).HasMaxLength(200).IsRequired();
        b.Property(r => r.Scope).HasMaxLength(500);
        // Percentages keep four decimals (the convention's decimal(18,0) is for whole đồng).
        b.Property(r => r.MaxProvincialSharePercent).HasPrecision(7, 4);
        b.Property(r => r.MinCounterpartPercent).HasPrecision(7, 4);
        b.Property(r => r.EligibleKinds).HasMaxLength(300);
        b.Property(r => r.EligibleSizes).HasMaxLength(100);
        b.Ignore(r => r.Kinds);
        b.Ignore(r => r.Sizes);
        b.Ignore(r => r.Values);
        b.HasOne<ContentItem>().WithMany().HasForeignKey(r => r.ContentItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.RuleSetId, r.ContentItemId }).IsUnique();
        b.HasMany(r => r.UnitNorms).WithOne(n => n.Rule).HasForeignKey(n => n.SupportRuleId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.UnitNorms).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class UnitNormConfiguration : IEntityTypeConfiguration<UnitNorm>
{
    public void Configure(EntityTypeBuilder<UnitNorm> b)
    {
        b.ToTable("UnitNorms");
        b.Property(n => n.Name).HasMaxLength(300).IsRequired();
        b.Property(n => n.Unit).HasMaxLength(50).IsRequired();
        b.Property(n => n.Citation).HasMaxLength(200);
        b.Ignore(n => n.Key);
    }
}

internal sealed class ProposalRuleFlagConfiguration : IEntityTypeConfiguration<ProposalRuleFlag>
{
    public void Configure(EntityTypeBuilder<ProposalRuleFlag> b)
    {
        b.ToTable("ProposalRuleFlags");
        b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.Violations).HasMaxLength(4000).IsRequired();
        b.Property(f => f.Reason).HasMaxLength(4000).IsRequired();
        b.Property(f => f.RecordedBy).HasMaxLength(256).IsRequired();
        b.Property(f => f.RecordedByUser).HasMaxLength(256).IsRequired();
        b.Property(f => f.CreatedBy).HasMaxLength(256);
        b.Property(f => f.UpdatedBy).HasMaxLength(256);
        b.HasOne<Proposal>().WithMany().HasForeignKey(f => f.ProposalId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SupportRuleSet>().WithMany().HasForeignKey(f => f.RuleSetId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => f.ProposalId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgheAn.CNHT.Domain.Applications;
using NgheAn.CNHT.Domain.Calls;
using NgheAn.CNHT.Domain.Catalog;
using NgheAn.CNHT.Domain.Enterprises;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Infrastructure.Persistence.Configurations;

// Enterprises apply online (issue 16): accounts tied to organizations, calls, applications and their files.

internal sealed class EnterpriseMemberConfiguration : IEntityTypeConfiguration<EnterpriseMember>
{
    public void Configure(EntityTypeBuilder<EnterpriseMember> b)
    {
        b.ToTable("EnterpriseMembers");
        b.Property(m => m.UserId).HasMaxLength(450).IsRequired();
        b.HasIndex(m => m.UserId).IsUnique();
        b.Property(m => m.UserName).HasMaxLength(256).IsRequired();
        b.Property(m => m.FullName).HasMaxLength(200).IsRequired();
        b.Property(m => m.Position).HasMaxLength(200);
        b.Property(m => m.LegalRepresentative).HasMaxLength(200);
        b.Property(m => m.Phone).HasMaxLength(30);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.DecidedBy).HasMaxLength(256);
        b.Property(m => m.RefusalReason).HasMaxLength(1000);
        b.Property(m => m.CreatedBy).HasMaxLength(256);
        b.Property(m => m.UpdatedBy).HasMaxLength(256);
        b.Property(m => m.ConcurrencyStamp).IsConcurrencyToken();
        b.HasOne(m => m.Organization).WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DossierFile>().WithMany().HasForeignKey(m => m.CertificateFileId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.OrganizationId, m.Status });
        b.HasIndex(m => m.Status);
        b.Ignore(m => m.IsVerified);
    }
}

internal sealed class DossierFileConfiguration : IEntityTypeConfiguration<DossierFile>
{
    public void Configure(EntityTypeBuilder<DossierFile> b)
    {
        b.ToTable("DossierFiles");
        b.Property(f => f.FileName).HasMaxLength(255).IsRequired();
        b.Property(f => f.ContentType).HasMaxLength(100).IsRequired();
        b.Property(f => f.Sha256).HasMaxLength(64).IsRequired();
        b.Property(f => f.UploadedBy).HasMaxLength(256).IsRequired();
        b.HasOne<Organization>().WithMany().HasForeignKey(f => f.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(f => f.Content).WithOne().HasForeignKey<DossierFileContent>(c => c.DossierFileId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => f.OrganizationId);
    }
}

internal sealed class DossierFileContentConfiguration : IEntityTypeConfiguration<DossierFileContent>
{
    public void Configure(EntityTypeBuilder<DossierFileContent> b)
    {
        b.ToTable("DossierFileContents");
        b.HasKey(c => c.DossierFileId);
        b.Property(c => c.DossierFileId).ValueGeneratedNever();
        b.Property(c => c.Data).IsRequired();
    }
}

internal sealed class CallConfiguration : IEntityTypeConfiguration<CallForApplications>
{
    public void Configure(EntityTypeBuilder<CallForApplications> b)
    {
        b.ToTable("Calls");
        b.Property(c => c.Title).HasMaxLength(300).IsRequired();
        b.Property(c => c.Guidance).HasMaxLength(8000);
        b.Property(c => c.Contact).HasMaxLength(1000).IsRequired();
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.CreatedBy).HasMaxLength(256);
        b.Property(c => c.UpdatedBy).HasMaxLength(256);
        b.Property(c => c.ConcurrencyStamp).IsConcurrencyToken();
        b.HasOne<CnhtProgram>().WithMany().HasForeignKey(c => c.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Items).WithOne(i => i.Call).HasForeignKey(i => i.CallId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(c => new { c.Status, c.ClosesAt });
    }
}

internal sealed class CallItemConfiguration : IEntityTypeConfiguration<CallItem>
{
    public void Configure(EntityTypeBuilder<CallItem> b)
    {
        b.ToTable("CallItems");
        b.Property(i => i.Checklist).HasMaxLength(CallItem.MaxChecklistLength).IsRequired();
        b.HasOne(i => i.ContentItem).WithMany().HasForeignKey(i => i.ContentItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.CallId, i.ContentItemId }).IsUnique();
        b.Ignore(i => i.RequiredDocuments);
    }
}

internal sealed class GrantApplicationConfiguration : IEntityTypeConfiguration<GrantApplication>
{
    public void Configure(EntityTypeBuilder<GrantApplication> b)
    {
        b.ToTable("Applications");
        b.Property(a => a.Code).HasMaxLength(30);
        b.HasIndex(a => a.Code).IsUnique().HasFilter("[Code] IS NOT NULL");
        b.Property(a => a.Title).HasMaxLength(500).IsRequired();
        b.Property(a => a.Objectives).HasMaxLength(4000);
        b.Property(a => a.ExpectedOutputs).HasMaxLength(4000);
        b.Property(a => a.DeclineReason).HasMaxLength(2000);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.CreatedBy).HasMaxLength(256);
        b.Property(a => a.UpdatedBy).HasMaxLength(256);
        b.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
        b.HasOne(a => a.Organization).WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Call).WithMany().HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CallItem>().WithMany().HasForeignKey(a => a.CallItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.ContentItem).WithMany().HasForeignKey(a => a.ContentItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Proposal>().WithMany().HasForeignKey(a => a.ProposalId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(a => a.Lines, l =>
        {
            l.ToTable("ApplicationCostLines");
            l.WithOwner().HasForeignKey(x => x.ApplicationId);
            l.HasKey(x => x.Id);
            l.Property(x => x.Description).HasMaxLength(500).IsRequired();
            l.Property(x => x.Unit).HasMaxLength(50).IsRequired();
            // Quantities may have two decimals (e.g. 1,5 tháng); prices and amounts are whole đồng.
            l.Property(x => x.Quantity).HasPrecision(18, 2);
        });
        b.Navigation(a => a.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        // Expected outputs per output indicator of the item (ADR 0178): one row per indicator.
        b.OwnsMany(a => a.Outputs, o =>
        {
            o.ToTable("ApplicationOutputs");
            o.WithOwner().HasForeignKey(x => x.ApplicationId);
            o.HasKey(x => x.Id);
            o.HasOne<Domain.Indicators.OutputIndicator>().WithMany().HasForeignKey(x => x.OutputIndicatorId).OnDelete(DeleteBehavior.Restrict);
            o.HasIndex(x => new { x.ApplicationId, x.OutputIndicatorId }).IsUnique();
        });
        b.Navigation(a => a.Outputs).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(a => a.Documents).WithOne(d => d.Application).HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Documents).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(a => a.Supplements).WithOne(s => s.Application).HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Supplements).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(a => a.Events).WithOne(e => e.Application).HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(a => new { a.OrganizationId, a.Status });
        b.HasIndex(a => new { a.Status, a.LastSubmittedAt });
        b.Ignore(a => a.IsEditable);
    }
}

internal sealed class ApplicationDocumentConfiguration : IEntityTypeConfiguration<ApplicationDocument>
{
    public void Configure(EntityTypeBuilder<ApplicationDocument> b)
    {
        b.ToTable("ApplicationDocuments");
        b.Property(d => d.Requirement).HasMaxLength(200).IsRequired();
        b.Property(d => d.UploadedBy).HasMaxLength(256).IsRequired();
        b.HasOne(d => d.DossierFile).WithMany().HasForeignKey(d => d.DossierFileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupplementRequestConfiguration : IEntityTypeConfiguration<SupplementRequest>
{
    public void Configure(EntityTypeBuilder<SupplementRequest> b)
    {
        b.ToTable("SupplementRequests");
        b.Property(s => s.Message).HasMaxLength(2000).IsRequired();
        b.Property(s => s.RequestedBy).HasMaxLength(256).IsRequired();
        b.Property(s => s.AnswerNote).HasMaxLength(2000);
        b.HasIndex(s => new { s.ApplicationId, s.Round }).IsUnique();
    }
}

internal sealed class ApplicationEventConfiguration : IEntityTypeConfiguration<ApplicationEvent>
{
    public void Configure(EntityTypeBuilder<ApplicationEvent> b)
    {
        b.ToTable("ApplicationEvents");
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.UserName).HasMaxLength(256).IsRequired();
        b.Property(e => e.UserDisplayName).HasMaxLength(256).IsRequired();
        b.Property(e => e.Comment).HasMaxLength(4000);
        b.HasIndex(e => new { e.ApplicationId, e.At });
    }
}

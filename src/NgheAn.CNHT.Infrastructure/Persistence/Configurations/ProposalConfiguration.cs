using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgheAn.CNHT.Domain.Catalog;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Infrastructure.Persistence.Configurations;

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.ToTable("Proposals");
        b.Property(p => p.Code).HasMaxLength(FieldLengths.ProposalCode).IsRequired();
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.Title).HasMaxLength(FieldLengths.ProposalTitle).IsRequired();
        // Folded code + title for the register's search (ADR 0010). A LIKE '%word%' cannot seek, but it
        // scans this narrow index instead of the table.
        b.Property(p => p.SearchText).HasMaxLength(Proposal.SearchTextLength).IsRequired();
        b.HasIndex(p => p.SearchText);
        b.Property(p => p.Objectives).HasMaxLength(FieldLengths.LongText);
        b.Property(p => p.ExpectedOutputs).HasMaxLength(FieldLengths.LongText);
        b.Property(p => p.AppraisalOpinion).HasMaxLength(FieldLengths.LongText);
        b.Property(p => p.DecisionNumber).HasMaxLength(FieldLengths.DecisionNumber);
        b.Property(p => p.AcceptanceResult).HasMaxLength(FieldLengths.LongText);
        b.Property(p => p.SettlementDecisionNumber).HasMaxLength(FieldLengths.DecisionNumber);
        b.Property(p => p.ClosingReason).HasMaxLength(FieldLengths.LongText);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.CreatedBy).HasMaxLength(256);
        b.Property(p => p.UpdatedBy).HasMaxLength(256);
        b.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
        b.HasOne<CnhtProgram>().WithMany().HasForeignKey(p => p.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.ContentItem).WithMany().HasForeignKey(p => p.ContentItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.LeadOrganization).WithMany().HasForeignKey(p => p.LeadOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Transitions).WithOne(t => t.Proposal).HasForeignKey(t => t.ProposalId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(p => p.Transitions).UsePropertyAccessMode(PropertyAccessMode.Field);
        // The appendix groups counted proposals of a program by item over a year range.
        // Covering indexes (docs/performance.md): the appendix and the register's totals are answered from
        // the index alone, never from 100.000 scattered rows; the register's default order (code) is read
        // in index order, so a page stops after its 50 rows.
        // The lead unit and end year last (ADR 0237): the register's kept parts of a program's filter (figures, lead unit,
        // item) are read from this index alone.
        b.HasIndex(p => new
        {
            p.ProgramId, p.Status, p.StartYear, p.ContentItemId,
            p.SettledTotalCost, p.ApprovedTotalCost, p.RequestedTotalCost,
            p.SettledProvincialShare, p.ApprovedProvincialShare, p.RequestedProvincialShare,
            p.LeadOrganizationId, p.EndYear,
        }).HasDatabaseName("IX_Proposals_Figures");
        b.HasIndex(p => new { p.ProgramId, p.Status, p.Code });
        b.HasIndex(p => new { p.ProgramId, p.Code });
        // The register filtered by status over every program, in its default order (code): read in this index's order, so
        // a status's first visit stops after its 50 rows instead of sorting all of that status's proposals (issue 21,
        // ADR 0243 addendum: 137-382 ms at 100.000 proposals).
        b.HasIndex(p => new { p.Status, p.Code });
        b.HasIndex(p => new { p.ContentItemId, p.StartYear });
        b.HasIndex(p => p.LeadOrganizationId);
        // What waits for a step, oldest first (the dashboard's "waiting for my action", the register by status sorted by the
        // date of the last step), and the register's totals by status: covering, so the totals do not read every row of a
        // status (issue 21, item 2, third round; docs/performance.md).
        b.HasIndex(p => new
        {
            p.Status, p.StatusChangedAt, p.Id,
            p.SettledTotalCost, p.ApprovedTotalCost, p.RequestedTotalCost,
            p.SettledProvincialShare, p.ApprovedProvincialShare, p.RequestedProvincialShare,
        }).HasDatabaseName("IX_Proposals_Waiting");
        // The totals of a search (count and sums of the matching proposals, ADR 0218): each match is looked up by its id in
        // this narrow index instead of its wide row, so a common word's 10.000 matches read a few hundred index pages.
        // With the lead unit, item and years last (ADR 0237): the register's kept parts of the whole register or a search
        // are read from this index alone, not from 100.000 wide rows.
        b.HasIndex(p => new
        {
            p.Id, p.ProgramId, p.Status,
            p.SettledTotalCost, p.ApprovedTotalCost, p.RequestedTotalCost,
            p.SettledProvincialShare, p.ApprovedProvincialShare, p.RequestedProvincialShare,
            p.LeadOrganizationId, p.ContentItemId, p.StartYear, p.EndYear,
        }).HasDatabaseName("IX_Proposals_SearchTotals");
        // The public program page's supported proposals, newest start year first, then by code (ADR 0232): read in this
        // index's order with the status checked in the index, so a page stops after its rows instead of sorting the
        // program's 58.600 counted proposals on every request.
        b.HasIndex(p => new { p.ProgramId, p.StartYear, p.Code, p.Status })
            .IsDescending(false, true, false, false).HasDatabaseName("IX_Proposals_PublicOrder");
        // The proposals running into a year (next year's funding request, ADR 0232): a program's approved or implementing
        // proposals that end in or after the year, found by the end year in the index and answered from it, instead of
        // visiting the rows of every approved proposal of the program to read its end year.
        b.HasIndex(p => new { p.ProgramId, p.Status, p.EndYear, p.StartYear, p.ContentItemId, p.ApprovedProvincialShare })
            .HasDatabaseName("IX_Proposals_Running");
        b.Ignore(p => p.Years);
    }
}

internal sealed class ProposalTransitionConfiguration : IEntityTypeConfiguration<ProposalTransition>
{
    public void Configure(EntityTypeBuilder<ProposalTransition> b)
    {
        b.ToTable("ProposalTransitions");
        b.Property(t => t.Action).HasConversion<string>().HasMaxLength(30);
        b.Property(t => t.FromStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.ToStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.UserName).HasMaxLength(256).IsRequired();
        b.Property(t => t.UserDisplayName).HasMaxLength(256).IsRequired();
        b.Property(t => t.Comment).HasMaxLength(FieldLengths.LongText);
        b.HasIndex(t => new { t.ProposalId, t.At });
        b.HasIndex(t => t.At);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.ToTable("Attachments");
        b.Property(a => a.DocumentType).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.FileName).HasMaxLength(FieldLengths.FileName).IsRequired();
        b.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        b.Property(a => a.Sha256).HasMaxLength(64).IsRequired();
        b.Property(a => a.Description).HasMaxLength(FieldLengths.AttachmentDescription);
        b.Property(a => a.UploadedBy).HasMaxLength(256).IsRequired();
        b.Property(a => a.DeletedBy).HasMaxLength(256);
        b.HasOne(a => a.Proposal).WithMany().HasForeignKey(a => a.ProposalId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Content).WithOne().HasForeignKey<AttachmentContent>(c => c.AttachmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.ProposalId);
    }
}

internal sealed class AttachmentContentConfiguration : IEntityTypeConfiguration<AttachmentContent>
{
    public void Configure(EntityTypeBuilder<AttachmentContent> b)
    {
        b.ToTable("AttachmentContents");
        b.HasKey(c => c.AttachmentId);
        b.Property(c => c.AttachmentId).ValueGeneratedNever();
        b.Property(c => c.Data).IsRequired();
    }
}

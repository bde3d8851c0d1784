using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Estimates;

namespace NgheAn.CNHT.Infrastructure.Persistence.Configurations;

internal sealed class DisbursementEntryConfiguration : IEntityTypeConfiguration<DisbursementEntry>
{
    public void Configure(EntityTypeBuilder<DisbursementEntry> b)
    {
        b.ToTable("DisbursementEntries");
        b.Property(e => e.Source).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.VoucherNumber).HasMaxLength(FieldLengths.VoucherNumber).IsRequired();
        b.Property(e => e.Note).HasMaxLength(FieldLengths.LedgerNote);
        b.Property(e => e.RecordedBy).HasMaxLength(256).IsRequired();
        b.HasOne(e => e.Proposal).WithMany().HasForeignKey(e => e.ProposalId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DisbursementEntry>().WithMany().HasForeignKey(e => e.ReversesEntryId).OnDelete(DeleteBehavior.Restrict);
        // One reversal per entry at most, enforced by the database too.
        b.HasIndex(e => e.ReversesEntryId).IsUnique().HasFilter("[ReversesEntryId] IS NOT NULL");
        // Covering: balances per proposal and source, and provincial payments by date (annual report).
        b.HasIndex(e => new { e.ProposalId, e.Source, e.Amount });
        b.HasIndex(e => new { e.Source, e.EntryDate, e.ProposalId, e.Amount });
        b.HasIndex(e => e.EntryDate);
        // The ledger of one program newest first, a page at a time (ADR 0103).
        b.HasOne<Domain.Catalog.CnhtProgram>().WithMany().HasForeignKey(e => e.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.ProgramId, e.EntryDate, e.Id });
        // The ledger page filtered by kind or by source, newest first, a page at a time (issue 21, item 2, third round). Kind
        // or source first, not the program: with the program first the planner took these for the unfiltered page and sorted
        // the program's 500.000 entries (docs/performance.md).
        b.HasIndex(e => new { e.Kind, e.ProgramId, e.EntryDate, e.Id });
        b.HasIndex(e => new { e.Source, e.ProgramId, e.EntryDate, e.Id });
        // Kind and source together (issue 21, item 2, round 22): with one of the two above the planner walked the source's
        // entries testing the kind (advances are the oldest of each proposal: 0,3–0,8 s for a combination that matches few).
        b.HasIndex(e => new { e.Kind, e.Source, e.ProgramId, e.EntryDate, e.Id });
    }
}

internal sealed class AnnualEstimateConfiguration : IEntityTypeConfiguration<AnnualEstimate>
{
    public void Configure(EntityTypeBuilder<AnnualEstimate> b)
    {
        b.ToTable("AnnualEstimates");
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Note).HasMaxLength(2000);
        b.Property(e => e.SubmittedBy).HasMaxLength(256);
        b.Property(e => e.ApprovedBy).HasMaxLength(256);
        b.Property(e => e.DecisionNumber).HasMaxLength(100);
        b.Property(e => e.CreatedBy).HasMaxLength(256);
        b.Property(e => e.UpdatedBy).HasMaxLength(256);
        b.HasOne<Domain.Catalog.CnhtProgram>().WithMany().HasForeignKey(e => e.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.ProgramId, e.Year, e.Version }).IsUnique();
        b.HasMany(e => e.Lines).WithOne().HasForeignKey(l => l.AnnualEstimateId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(e => e.Total);
    }
}

internal sealed class AnnualEstimateLineConfiguration : IEntityTypeConfiguration<AnnualEstimateLine>
{
    public void Configure(EntityTypeBuilder<AnnualEstimateLine> b)
    {
        b.ToTable("AnnualEstimateLines");
        b.Property(l => l.Note).HasMaxLength(500);
        b.HasOne<Domain.Catalog.ContentItem>().WithMany().HasForeignKey(l => l.ContentItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => new { l.AnnualEstimateId, l.ContentItemId }).IsUnique();
    }
}

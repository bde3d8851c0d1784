using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgheAn.CNHT.Domain.Access;
using NgheAn.CNHT.Domain.Auditing;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Reporting;

namespace NgheAn.CNHT.Infrastructure.Persistence.Configurations;

internal sealed class ItemNarrativeConfiguration : IEntityTypeConfiguration<ItemNarrative>
{
    public void Configure(EntityTypeBuilder<ItemNarrative> b)
    {
        b.ToTable("ItemNarratives");
        b.Property(n => n.Text).HasMaxLength(4000).IsRequired();
        b.Property(n => n.CreatedBy).HasMaxLength(256);
        b.Property(n => n.UpdatedBy).HasMaxLength(256);
        b.HasIndex(n => new { n.ProgramId, n.FromYear, n.ToYear });
    }
}

internal sealed class IssuedReportConfiguration : IEntityTypeConfiguration<IssuedReport>
{
    public void Configure(EntityTypeBuilder<IssuedReport> b)
    {
        b.ToTable("IssuedReports");
        b.Property(r => r.ReportKind).HasMaxLength(30).IsRequired();
        b.Property(r => r.Number).HasMaxLength(50).IsRequired();
        b.Property(r => r.SignerName).HasMaxLength(200).IsRequired();
        b.Property(r => r.SignerTitle).HasMaxLength(200).IsRequired();
        b.Property(r => r.IssuedBy).HasMaxLength(256).IsRequired();
        // Register numbers restart every year (15/BC-SCT of 2025 and of 2026 are two documents): the register's
        // (type, year, sequence) is unique; a number typed by hand before the register existed stays unique on its own.
        b.HasIndex(r => r.Number).IsUnique().HasFilter("[RegisterSequence] IS NULL");
        // Register of outgoing documents and verification (ADR 0131, 0133); null on reports issued before them.
        b.Property(r => r.DocumentType).HasMaxLength(10);
        b.HasIndex(r => new { r.DocumentType, r.RegisterYear, r.RegisterSequence }).IsUnique().HasFilter("[RegisterSequence] IS NOT NULL");
        b.Property(r => r.Source).HasConversion<string>().HasMaxLength(20).HasDefaultValue(Domain.Issuing.IssuedSource.Generated).HasSentinel((Domain.Issuing.IssuedSource)(-1));
        b.Property(r => r.IssuedSha256).HasMaxLength(64);
        b.Property(r => r.VerificationCode).HasMaxLength(16);
        b.HasIndex(r => r.VerificationCode).IsUnique().HasFilter("[VerificationCode] IS NOT NULL");
        b.Property(r => r.SignatureSubject).HasMaxLength(500);
        b.Property(r => r.SignatureThumbprint).HasMaxLength(64);
    }
}

internal sealed class OutgoingNumberCounterConfiguration : IEntityTypeConfiguration<Domain.Issuing.OutgoingNumberCounter>
{
    public void Configure(EntityTypeBuilder<Domain.Issuing.OutgoingNumberCounter> b)
    {
        b.ToTable("OutgoingNumberCounters");
        b.HasKey(c => new { c.Year, c.DocumentType });
        b.Property(c => c.DocumentType).HasMaxLength(10);
    }
}

internal sealed class IssuedReportRevocationConfiguration : IEntityTypeConfiguration<Domain.Issuing.IssuedReportRevocation>
{
    public void Configure(EntityTypeBuilder<Domain.Issuing.IssuedReportRevocation> b)
    {
        b.ToTable("IssuedReportRevocations");
        b.Property(r => r.Reason).HasMaxLength(1000).IsRequired();
        b.Property(r => r.RevokedBy).HasMaxLength(256).IsRequired();
        b.HasOne<IssuedReport>().WithMany().HasForeignKey(r => r.IssuedReportId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.IssuedReportId).IsUnique();
    }
}

internal sealed class ReportDownloadConfiguration : IEntityTypeConfiguration<ReportDownload>
{
    public void Configure(EntityTypeBuilder<ReportDownload> b)
    {
        b.ToTable("ReportDownloads");
        b.Property(d => d.UserName).HasMaxLength(256).IsRequired();
        b.Property(d => d.ReportKind).HasMaxLength(30).IsRequired();
        b.Property(d => d.Format).HasMaxLength(10).IsRequired();
        b.Property(d => d.Parameters).HasMaxLength(500).IsRequired();
        b.HasIndex(d => d.At);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(a => a.UserName).HasMaxLength(256).IsRequired();
        b.Property(a => a.EntityType).HasMaxLength(100).IsRequired();
        b.Property(a => a.EntityKey).HasMaxLength(100).IsRequired();
        b.Property(a => a.Action).HasMaxLength(20).IsRequired();
        b.Property(a => a.Changes).IsRequired();
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.EntityType, a.EntityKey });
        // The audit page lists a type's entries newest first (ADR 0243): read backwards, never sorted.
        b.HasIndex(a => new { a.EntityType, a.At });
        // The audit page filters by user over a date range.
        b.HasIndex(a => new { a.UserName, a.At });
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("ApiKeys");
        b.Property(k => k.Name).HasMaxLength(200).IsRequired();
        b.Property(k => k.Prefix).HasMaxLength(16).IsRequired();
        b.Property(k => k.Hash).HasMaxLength(64).IsRequired();
        b.HasIndex(k => k.Hash).IsUnique();
        b.Property(k => k.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(k => k.RevokedBy).HasMaxLength(256);
        b.Ignore(k => k.IsActive);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.Property(n => n.RecipientRole).HasMaxLength(30).IsRequired();
        b.Property(n => n.RecipientUser).HasMaxLength(256);
        b.Property(n => n.Message).HasMaxLength(1000).IsRequired();
        b.Property(n => n.Link).HasMaxLength(300);
        // The bell reads a role's (or a user's) latest notices; resolving finds the open ones of a proposal.
        b.HasIndex(n => new { n.RecipientRole, n.CreatedAt });
        b.HasIndex(n => new { n.RecipientUser, n.CreatedAt });
        b.HasIndex(n => new { n.ProposalId, n.ResolvedAt });
    }
}

internal sealed class NotificationReceiptConfiguration : IEntityTypeConfiguration<NotificationReceipt>
{
    public void Configure(EntityTypeBuilder<NotificationReceipt> b)
    {
        b.ToTable("NotificationReceipts");
        b.HasKey(r => new { r.NotificationId, r.UserName });
        b.Property(r => r.UserName).HasMaxLength(256).IsRequired();
        b.HasOne<Notification>().WithMany().HasForeignKey(r => r.NotificationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> b)
    {
        b.ToTable("OutgoingEmails");
        b.Property(e => e.To).HasMaxLength(320).IsRequired();
        b.Property(e => e.Subject).HasMaxLength(300).IsRequired();
        b.Property(e => e.Body).HasMaxLength(8000).IsRequired();
        b.Property(e => e.LastError).HasMaxLength(1000);
        // The sender looks for messages neither sent nor given up whose time has come.
        b.HasIndex(e => new { e.SentAt, e.FailedAt, e.NextAttemptAt });
    }
}

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<Domain.DataExchange.ImportBatch>
{
    public void Configure(EntityTypeBuilder<Domain.DataExchange.ImportBatch> b)
    {
        b.ToTable("ImportBatches");
        b.Property(i => i.FileName).HasMaxLength(FieldLengths.FileName).IsRequired();
        b.Property(i => i.Sha256).HasMaxLength(64).IsRequired();
        b.Property(i => i.ProgramCode).HasMaxLength(20);
        b.Property(i => i.UploadedBy).HasMaxLength(256).IsRequired();
        b.Property(i => i.ImportedBy).HasMaxLength(256);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        b.HasOne(i => i.Content).WithOne().HasForeignKey<Domain.DataExchange.ImportBatchContent>(c => c.ImportBatchId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => new { i.UploadedBy, i.UploadedAt });
    }
}

internal sealed class ImportBatchContentConfiguration : IEntityTypeConfiguration<Domain.DataExchange.ImportBatchContent>
{
    public void Configure(EntityTypeBuilder<Domain.DataExchange.ImportBatchContent> b)
    {
        b.ToTable("ImportBatchContents");
        b.HasKey(c => c.ImportBatchId);
        b.Property(c => c.ImportBatchId).ValueGeneratedNever();
        b.Property(c => c.Data).IsRequired();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Domain.Reconciliation;

namespace NgheAn.CNHT.Infrastructure.Reconciliation;

/// <summary>
/// The kept per-proposal ledger figures of the reconciliation (ADR 0220; migration Issue21ReconciliationKept, whose raw SQL
/// creates the triggers that keep them). The two verdicts are computed columns written in SQL both providers read
/// (brackets, CASE), 1 or 0, indexed after the program so a check seeks to the proposals that fail it: an integer, not a
/// bool, so the query is an equality (<c>= 1</c>) the index answers; SQLite reads a bare boolean column as a test on every
/// row of the program.
/// </summary>
internal sealed class ProposalLedgerFiguresConfiguration : IEntityTypeConfiguration<ProposalLedgerFigures>
{
    public const string OverCeilingSql =
        "CASE WHEN ([ProvincialCount] > 0 AND [Provincial] > [ProvincialCeiling]) OR ([OtherCount] > 0 AND [Other] > [OtherCeiling]) THEN 1 ELSE 0 END";

    public const string OpenAdvanceSql =
        "CASE WHEN [Status] = 'Settled' AND [LastAdvanceDate] IS NOT NULL AND ([LastFinalDate] IS NULL OR [LastFinalDate] < [LastAdvanceDate]) THEN 1 ELSE 0 END";

    public void Configure(EntityTypeBuilder<ProposalLedgerFigures> b)
    {
        b.ToTable("ProposalLedgerFigures");
        b.HasKey(f => f.ProposalId);
        b.Property(f => f.ProposalId).ValueGeneratedNever();
        b.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.OverCeiling).HasComputedColumnSql(OverCeilingSql, stored: true);
        b.Property(f => f.OpenAdvance).HasComputedColumnSql(OpenAdvanceSql, stored: true);
        b.HasOne<Proposal>().WithOne().HasForeignKey<ProposalLedgerFigures>(f => f.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => new { f.ProgramId, f.OverCeiling });
        b.HasIndex(f => new { f.ProgramId, f.OpenAdvance });
    }
}

/// <summary>
/// Declares the triggers that keep <see cref="ProposalLedgerFigures"/> (on SQL Server EF Core then saves to these tables
/// without a bare OUTPUT clause), and the two indexes that find a program's proposals counted outside its years by a
/// range each (ADR 0221). Second configurations of the entities: their own configurations stay as they were.
/// </summary>
internal sealed class ProposalReconciliationConfiguration : IEntityTypeConfiguration<Proposal>
{
    public const string SqlServerTrigger = "TR_Proposals_LedgerFigures";

    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.ToTable(t => t.HasTrigger(SqlServerTrigger));
        b.HasIndex(p => new { p.ProgramId, p.StartYear });
        b.HasIndex(p => new { p.ProgramId, p.EndYear });
    }
}

internal sealed class DisbursementEntryReconciliationConfiguration : IEntityTypeConfiguration<DisbursementEntry>
{
    public const string SqlServerTrigger = "TR_DisbursementEntries_LedgerFigures";

    public void Configure(EntityTypeBuilder<DisbursementEntry> b) => b.ToTable(t => t.HasTrigger(SqlServerTrigger));
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Disbursements;
using NgheAn.CNHT.Domain.Catalog;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Infrastructure.Persistence;

namespace NgheAn.CNHT.Infrastructure.Disbursements;

/// <summary>
/// A row of the log of changes to the proposals, the catalog and the lead units (ADR 0226, 0227), written only by the
/// triggers of migration <c>Issue21LedgerAfterChange</c>: a proposal's id when it is added, written or deleted; null when
/// a program, a group or an item is; 0 when a lead unit (an organization) is. Not a business record: never audited,
/// never read by a page.
/// </summary>
public sealed class BalanceInputChangeRow
{
    public long Id { get; set; }

    public int? ProposalId { get; set; }
}

internal sealed class BalanceInputChangeConfiguration : IEntityTypeConfiguration<BalanceInputChangeRow>
{
    public void Configure(EntityTypeBuilder<BalanceInputChangeRow> b)
    {
        b.ToTable("BalanceInputChanges");
        b.HasKey(r => r.Id);
    }
}

/// <summary>
/// The triggers that write the log (migration Issue21LedgerAfterChange), declared so EF Core saves to these tables in a
/// way triggers allow (on SQL Server, no bare OUTPUT clause). Second configurations of the same entities, as the search
/// index's (ADR 0106): the tables' own configurations stay as they were.
/// </summary>
internal static class BalanceInputTriggers
{
    public const string Proposals = "TR_Proposals_BalanceInputs";
    public const string Programs = "TR_Programs_BalanceInputs";
    public const string Groups = "TR_ContentGroups_BalanceInputs";
    public const string Items = "TR_ContentItems_BalanceInputs";
    public const string Organizations = "TR_Organizations_BalanceInputs";
}

internal sealed class ProposalBalanceInputTriggers : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> b) => b.ToTable(t => t.HasTrigger(BalanceInputTriggers.Proposals));
}

internal sealed class ProgramBalanceInputTriggers : IEntityTypeConfiguration<CnhtProgram>
{
    public void Configure(EntityTypeBuilder<CnhtProgram> b) => b.ToTable(t => t.HasTrigger(BalanceInputTriggers.Programs));
}

internal sealed class GroupBalanceInputTriggers : IEntityTypeConfiguration<ContentGroup>
{
    public void Configure(EntityTypeBuilder<ContentGroup> b) => b.ToTable(t => t.HasTrigger(BalanceInputTriggers.Groups));
}

internal sealed class ItemBalanceInputTriggers : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> b) => b.ToTable(t => t.HasTrigger(BalanceInputTriggers.Items));
}

/// <summary>
/// Reads the log by its primary key's range (ADR 0226). The scope's context is asked for only when the log is read (after
/// a write outside the ledger), so a warm page still builds none (ADR 0216).
/// </summary>
public sealed class BalanceInputChanges(IServiceProvider services) : IBalanceInputChanges
{
    private AppDbContext Db => services.GetRequiredService<AppDbContext>();

    private static readonly Func<AppDbContext, Task<long?>> Top =
        EF.CompileAsyncQuery((AppDbContext c) => c.Set<BalanceInputChangeRow>().Max(r => (long?)r.Id));

    public async Task<long> TopAsync(CancellationToken ct = default) => await Top(Db) ?? 0;

    public async Task<IReadOnlyList<BalanceInputChange>> AfterAsync(long afterId, int take, CancellationToken ct = default) =>
        await Db.Set<BalanceInputChangeRow>().AsNoTracking()
            .Where(r => r.Id > afterId)
            .OrderBy(r => r.Id)
            .Take(take)
            .Select(r => new BalanceInputChange(r.Id, r.ProposalId))
            .ToListAsync(ct);
}

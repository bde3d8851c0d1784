using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Infrastructure.Search;

/// <summary>
/// Declares the triggers that keep the register's search index in step (migration Issue21FullTextSearch, ADR 0106),
/// so EF Core saves to these tables in a way triggers allow (on SQL Server, no bare OUTPUT clause). A second
/// configuration of the same entities: the tables' own configurations stay as they were.
/// </summary>
internal sealed class ProposalSearchTriggers : IEntityTypeConfiguration<Proposal>
{
    public const string SqlServer = "TR_Proposals_SearchWords";

    public void Configure(EntityTypeBuilder<Proposal> b) => b.ToTable(t => t.HasTrigger(SqlServer));
}

internal sealed class OrganizationSearchTriggers : IEntityTypeConfiguration<Organization>
{
    public const string SqlServer = "TR_Organizations_SearchWords";

    public void Configure(EntityTypeBuilder<Organization> b) => b.ToTable(t => t.HasTrigger(SqlServer));
}

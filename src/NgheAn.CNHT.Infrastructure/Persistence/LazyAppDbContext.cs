using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Domain.Access;
using NgheAn.CNHT.Domain.Applications;
using NgheAn.CNHT.Domain.Calls;
using NgheAn.CNHT.Domain.Enterprises;
using NgheAn.CNHT.Domain.Auditing;
using NgheAn.CNHT.Domain.Catalog;
using NgheAn.CNHT.Domain.DataExchange;
using NgheAn.CNHT.Domain.Disbursements;
using NgheAn.CNHT.Domain.Estimates;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Domain.Reporting;
using NgheAn.CNHT.Domain.SupportRules;
using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Common;

namespace NgheAn.CNHT.Infrastructure.Persistence;

/// <summary>
/// Set when this scope's <see cref="AppDbContext"/> is built (its options are built per scope, with its interceptors).
/// </summary>
public sealed class DbContextBuilt
{
    public bool Built { get; set; }
}

/// <summary>
/// The application's <see cref="IAppDbContext"/>: the scope's <see cref="AppDbContext"/>, built on first use (ADR 0216).
/// A warm page whose figures, data version and notices are all kept never uses the database, and so no longer pays for
/// building a context (its options, interceptors and internal services: 12–17 % of a warm dashboard's CPU, profiled).
/// Every member forwards to the same scoped instance that code asking for <see cref="AppDbContext"/> gets.
/// </summary>
public sealed class LazyAppDbContext(IServiceProvider services, DbContextBuilt built) : IAppDbContext
{
    private AppDbContext? _context;

    private AppDbContext Context => _context ??= services.GetRequiredService<AppDbContext>();

    public Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade Database => Context.Database;

    public Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker ChangeTracker => Context.ChangeTracker;

    public Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<TEntity> Entry<TEntity>(TEntity entity) where TEntity : class => Context.Entry(entity);

    public Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => Context.SaveChangesAsync(cancellationToken);

    /// <summary>No context built in this scope (by this or by anyone asking for <see cref="AppDbContext"/>): no transaction.</summary>
    public bool InTransaction => built.Built && Context.Database.CurrentTransaction is not null;

    public DbSet<CnhtProgram> Programs => Context.Programs;
    public DbSet<ContentGroup> ContentGroups => Context.ContentGroups;
    public DbSet<ContentItem> ContentItems => Context.ContentItems;
    public DbSet<PlanRevision> PlanRevisions => Context.PlanRevisions;
    public DbSet<RequiredDocument> RequiredDocuments => Context.RequiredDocuments;
    public DbSet<Organization> Organizations => Context.Organizations;
    public DbSet<Domain.Geography.AdministrativeUnit> AdministrativeUnits => Context.AdministrativeUnits;
    public DbSet<Proposal> Proposals => Context.Proposals;
    public DbSet<ProposalTransition> ProposalTransitions => Context.ProposalTransitions;
    public DbSet<Attachment> Attachments => Context.Attachments;
    public DbSet<AttachmentContent> AttachmentContents => Context.AttachmentContents;
    public DbSet<DisbursementEntry> DisbursementEntries => Context.DisbursementEntries;
    public DbSet<Domain.Reconciliation.ProposalLedgerFigures> ProposalLedgerFigures => Context.ProposalLedgerFigures;
    public DbSet<AnnualEstimate> AnnualEstimates => Context.AnnualEstimates;
    public DbSet<AnnualEstimateLine> AnnualEstimateLines => Context.AnnualEstimateLines;
    public DbSet<ItemNarrative> ItemNarratives => Context.ItemNarratives;
    public DbSet<IssuedReport> IssuedReports => Context.IssuedReports;
    public DbSet<ReportDownload> ReportDownloads => Context.ReportDownloads;
    public DbSet<Domain.Issuing.OutgoingNumberCounter> OutgoingNumberCounters => Context.OutgoingNumberCounters;
    public DbSet<Domain.Issuing.IssuedReportRevocation> IssuedReportRevocations => Context.IssuedReportRevocations;
    public DbSet<AuditEntry> AuditEntries => Context.AuditEntries;
    public DbSet<ApiKey> ApiKeys => Context.ApiKeys;
    public DbSet<Notification> Notifications => Context.Notifications;
    public DbSet<ImportBatch> ImportBatches => Context.ImportBatches;
    public DbSet<ImportBatchContent> ImportBatchContents => Context.ImportBatchContents;
    public DbSet<NotificationReceipt> NotificationReceipts => Context.NotificationReceipts;
    public DbSet<OutgoingEmail> OutgoingEmails => Context.OutgoingEmails;
    public DbSet<SupportRuleSet> SupportRuleSets => Context.SupportRuleSets;
    public DbSet<SupportRule> SupportRules => Context.SupportRules;
    public DbSet<ProposalRuleFlag> ProposalRuleFlags => Context.ProposalRuleFlags;
    public DbSet<EnterpriseMember> EnterpriseMembers => Context.EnterpriseMembers;
    public DbSet<Domain.Suppliers.SupplierProfile> SupplierProfiles => Context.SupplierProfiles;
    public DbSet<Domain.Suppliers.SupplierCertification> SupplierCertifications => Context.SupplierCertifications;
    public DbSet<Domain.Suppliers.ProfileChange> ProfileChanges => Context.ProfileChanges;
    public DbSet<Domain.Suppliers.SupplierImage> SupplierImages => Context.SupplierImages;
    public DbSet<Domain.Sourcing.SourcingRequest> SourcingRequests => Context.SourcingRequests;
    public DbSet<Domain.Sourcing.SourcingInterest> SourcingInterests => Context.SourcingInterests;
    public DbSet<DossierFile> DossierFiles => Context.DossierFiles;
    public DbSet<DossierFileContent> DossierFileContents => Context.DossierFileContents;
    public DbSet<CallForApplications> Calls => Context.Calls;
    public DbSet<CallItem> CallItems => Context.CallItems;
    public DbSet<GrantApplication> Applications => Context.Applications;
    public DbSet<ApplicationDocument> ApplicationDocuments => Context.ApplicationDocuments;
    public DbSet<SupplementRequest> SupplementRequests => Context.SupplementRequests;
    public DbSet<ApplicationEvent> ApplicationEvents => Context.ApplicationEvents;
    public DbSet<Domain.Plans.ItemPlan> ItemPlans => Context.ItemPlans;
    public DbSet<Domain.Plans.YearPlanAmount> YearPlanAmounts => Context.YearPlanAmounts;
    public DbSet<Domain.Indicators.OutputIndicator> OutputIndicators => Context.OutputIndicators;
    public DbSet<Domain.Indicators.IndicatorTarget> IndicatorTargets => Context.IndicatorTargets;
    public DbSet<Domain.Indicators.ProposalOutput> ProposalOutputs => Context.ProposalOutputs;
    public DbSet<Domain.Outcomes.OutcomeIndicator> OutcomeIndicators => Context.OutcomeIndicators;
    public DbSet<Domain.Outcomes.OutcomeValue> OutcomeValues => Context.OutcomeValues;
    public DbSet<Domain.FundingRequests.AssignedBudget> AssignedBudgets => Context.AssignedBudgets;
    public DbSet<Domain.FundingRequests.DepartmentActivity> DepartmentActivities => Context.DepartmentActivities;
    public DbSet<Domain.PublicContent.InvestmentProject> InvestmentProjects => Context.InvestmentProjects;
    public DbSet<Domain.PublicContent.NewsPost> NewsPosts => Context.NewsPosts;
}

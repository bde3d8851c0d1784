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

namespace NgheAn.CNHT.Application.Common;

/// <summary>The application's view of the database: the sets it reads and writes, nothing more.</summary>
public interface IAppDbContext
{
    DbSet<CnhtProgram> Programs { get; }
    DbSet<ContentGroup> ContentGroups { get; }
    DbSet<ContentItem> ContentItems { get; }
    DbSet<PlanRevision> PlanRevisions { get; }
    DbSet<RequiredDocument> RequiredDocuments { get; }
    DbSet<Organization> Organizations { get; }
    DbSet<Domain.Geography.AdministrativeUnit> AdministrativeUnits { get; }
    DbSet<Proposal> Proposals { get; }
    DbSet<ProposalTransition> ProposalTransitions { get; }
    DbSet<Attachment> Attachments { get; }
    DbSet<AttachmentContent> AttachmentContents { get; }
    DbSet<DisbursementEntry> DisbursementEntries { get; }
    /// <summary>Kept by the database's triggers, read by the reconciliation (ADR 0220).</summary>
    DbSet<Domain.Reconciliation.ProposalLedgerFigures> ProposalLedgerFigures { get; }
    DbSet<AnnualEstimate> AnnualEstimates { get; }
    DbSet<AnnualEstimateLine> AnnualEstimateLines { get; }
    DbSet<ItemNarrative> ItemNarratives { get; }
    DbSet<IssuedReport> IssuedReports { get; }
    DbSet<ReportDownload> ReportDownloads { get; }
    DbSet<Domain.Issuing.OutgoingNumberCounter> OutgoingNumberCounters { get; }
    DbSet<Domain.Issuing.IssuedReportRevocation> IssuedReportRevocations { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<ApiKey> ApiKeys { get; }
    DbSet<Notification> Notifications { get; }
    DbSet<ImportBatch> ImportBatches { get; }
    DbSet<ImportBatchContent> ImportBatchContents { get; }
    DbSet<NotificationReceipt> NotificationReceipts { get; }
    DbSet<OutgoingEmail> OutgoingEmails { get; }
    DbSet<SupportRuleSet> SupportRuleSets { get; }
    DbSet<SupportRule> SupportRules { get; }
    DbSet<ProposalRuleFlag> ProposalRuleFlags { get; }

    // Enterprises apply online (issue 16, ADR 0150-0154).
    DbSet<EnterpriseMember> EnterpriseMembers { get; }
    DbSet<Domain.Suppliers.SupplierProfile> SupplierProfiles { get; }
    DbSet<Domain.Suppliers.SupplierCertification> SupplierCertifications { get; }
    DbSet<Domain.Suppliers.ProfileChange> ProfileChanges { get; }
    DbSet<Domain.Suppliers.SupplierImage> SupplierImages { get; }
    DbSet<Domain.Sourcing.SourcingRequest> SourcingRequests { get; }
    DbSet<Domain.Sourcing.SourcingInterest> SourcingInterests { get; }
    DbSet<DossierFile> DossierFiles { get; }
    DbSet<DossierFileContent> DossierFileContents { get; }
    DbSet<CallForApplications> Calls { get; }
    DbSet<CallItem> CallItems { get; }
    DbSet<GrantApplication> Applications { get; }
    DbSet<ApplicationDocument> ApplicationDocuments { get; }
    DbSet<SupplementRequest> SupplementRequests { get; }
    DbSet<ApplicationEvent> ApplicationEvents { get; }

    // The 2026-2030 program: yearly plans (issue 19, ADR 0170-0179).
    DbSet<Domain.Plans.ItemPlan> ItemPlans { get; }
    DbSet<Domain.Plans.YearPlanAmount> YearPlanAmounts { get; }
    DbSet<Domain.Indicators.OutputIndicator> OutputIndicators { get; }
    DbSet<Domain.Indicators.IndicatorTarget> IndicatorTargets { get; }
    DbSet<Domain.Indicators.ProposalOutput> ProposalOutputs { get; }
    DbSet<Domain.Outcomes.OutcomeIndicator> OutcomeIndicators { get; }
    DbSet<Domain.Outcomes.OutcomeValue> OutcomeValues { get; }
    DbSet<Domain.FundingRequests.AssignedBudget> AssignedBudgets { get; }
    DbSet<Domain.FundingRequests.DepartmentActivity> DepartmentActivities { get; }

    // Public content of the portal (issue 17 items 5 and 6, ADR 0188-0190).
    DbSet<Domain.PublicContent.InvestmentProject> InvestmentProjects { get; }
    DbSet<Domain.PublicContent.NewsPost> NewsPosts { get; }

    Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade Database { get; }

    /// <summary>Long write jobs (the workbook import) save in chunks and clear what they no longer need.</summary>
    Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker ChangeTracker { get; }

    /// <summary>The tracking entry of an entity (to set the concurrency stamp the user saw as the original value).</summary>
    Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<TEntity> Entry<TEntity>(TEntity entity) where TEntity : class;

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether this scope's context has a transaction open. Asking costs nothing when the request has not used the
    /// database yet (a warm page served from kept figures, ADR 0216): no context is built just to answer no.
    /// </summary>
    bool InTransaction => Database.CurrentTransaction is not null;
}

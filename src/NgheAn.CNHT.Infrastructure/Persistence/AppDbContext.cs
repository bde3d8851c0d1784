using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;
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
using NgheAn.CNHT.Infrastructure.Identity;

namespace NgheAn.CNHT.Infrastructure.Persistence;

/// <summary>
/// The one DbContext: business data, Identity and data-protection keys. Migrations live per provider:
///   dotnet ef migrations add NAME --project src/NgheAn.CNHT.Migrations.Sqlite --startup-project src/NgheAn.CNHT.Migrations.Sqlite
///   dotnet ef migrations add NAME --project src/NgheAn.CNHT.Migrations.SqlServer --startup-project src/NgheAn.CNHT.Migrations.SqlServer
///   dotnet ef migrations script --idempotent --project src/NgheAn.CNHT.Migrations.SqlServer --startup-project src/NgheAn.CNHT.Migrations.SqlServer -o deploy/sql/migrate.sql
/// (build first: `--no-build` right after `migrations add` emits an empty script).
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser>(options), IAppDbContext, IDataProtectionKeyContext
{
    public DbSet<CnhtProgram> Programs => Set<CnhtProgram>();
    public DbSet<ContentGroup> ContentGroups => Set<ContentGroup>();
    public DbSet<ContentItem> ContentItems => Set<ContentItem>();
    public DbSet<PlanRevision> PlanRevisions => Set<PlanRevision>();
    public DbSet<RequiredDocument> RequiredDocuments => Set<RequiredDocument>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Domain.Geography.AdministrativeUnit> AdministrativeUnits => Set<Domain.Geography.AdministrativeUnit>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<ProposalTransition> ProposalTransitions => Set<ProposalTransition>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();
    public DbSet<DisbursementEntry> DisbursementEntries => Set<DisbursementEntry>();
    public DbSet<Domain.Reconciliation.ProposalLedgerFigures> ProposalLedgerFigures => Set<Domain.Reconciliation.ProposalLedgerFigures>();
    public DbSet<AnnualEstimate> AnnualEstimates => Set<AnnualEstimate>();
    public DbSet<AnnualEstimateLine> AnnualEstimateLines => Set<AnnualEstimateLine>();
    public DbSet<ItemNarrative> ItemNarratives => Set<ItemNarrative>();
    public DbSet<IssuedReport> IssuedReports => Set<IssuedReport>();
    public DbSet<ReportDownload> ReportDownloads => Set<ReportDownload>();
    public DbSet<Domain.Issuing.OutgoingNumberCounter> OutgoingNumberCounters => Set<Domain.Issuing.OutgoingNumberCounter>();
    public DbSet<Domain.Issuing.IssuedReportRevocation> IssuedReportRevocations => Set<Domain.Issuing.IssuedReportRevocation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<ImportBatchContent> ImportBatchContents => Set<ImportBatchContent>();
    public DbSet<NotificationReceipt> NotificationReceipts => Set<NotificationReceipt>();
    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();
    public DbSet<SupportRuleSet> SupportRuleSets => Set<SupportRuleSet>();
    public DbSet<SupportRule> SupportRules => Set<SupportRule>();
    public DbSet<ProposalRuleFlag> ProposalRuleFlags => Set<ProposalRuleFlag>();
    public DbSet<EnterpriseMember> EnterpriseMembers => Set<EnterpriseMember>();
    public DbSet<Domain.Suppliers.SupplierProfile> SupplierProfiles => Set<Domain.Suppliers.SupplierProfile>();
    public DbSet<Domain.Suppliers.SupplierCertification> SupplierCertifications => Set<Domain.Suppliers.SupplierCertification>();
    public DbSet<Domain.Suppliers.ProfileChange> ProfileChanges => Set<Domain.Suppliers.ProfileChange>();
    public DbSet<Domain.Suppliers.SupplierImage> SupplierImages => Set<Domain.Suppliers.SupplierImage>();
    public DbSet<Domain.Sourcing.SourcingRequest> SourcingRequests => Set<Domain.Sourcing.SourcingRequest>();
    public DbSet<Domain.Sourcing.SourcingInterest> SourcingInterests => Set<Domain.Sourcing.SourcingInterest>();
    public DbSet<DossierFile> DossierFiles => Set<DossierFile>();
    public DbSet<DossierFileContent> DossierFileContents => Set<DossierFileContent>();
    public DbSet<CallForApplications> Calls => Set<CallForApplications>();
    public DbSet<CallItem> CallItems => Set<CallItem>();
    public DbSet<GrantApplication> Applications => Set<GrantApplication>();
    public DbSet<ApplicationDocument> ApplicationDocuments => Set<ApplicationDocument>();
    public DbSet<SupplementRequest> SupplementRequests => Set<SupplementRequest>();
    public DbSet<ApplicationEvent> ApplicationEvents => Set<ApplicationEvent>();
    public DbSet<Domain.Plans.ItemPlan> ItemPlans => Set<Domain.Plans.ItemPlan>();
    public DbSet<Domain.Plans.YearPlanAmount> YearPlanAmounts => Set<Domain.Plans.YearPlanAmount>();
    public DbSet<Domain.Indicators.OutputIndicator> OutputIndicators => Set<Domain.Indicators.OutputIndicator>();
    public DbSet<Domain.Indicators.IndicatorTarget> IndicatorTargets => Set<Domain.Indicators.IndicatorTarget>();
    public DbSet<Domain.Indicators.ProposalOutput> ProposalOutputs => Set<Domain.Indicators.ProposalOutput>();
    public DbSet<Domain.Outcomes.OutcomeIndicator> OutcomeIndicators => Set<Domain.Outcomes.OutcomeIndicator>();
    public DbSet<Domain.Outcomes.OutcomeValue> OutcomeValues => Set<Domain.Outcomes.OutcomeValue>();
    public DbSet<Domain.FundingRequests.AssignedBudget> AssignedBudgets => Set<Domain.FundingRequests.AssignedBudget>();
    public DbSet<Domain.FundingRequests.DepartmentActivity> DepartmentActivities => Set<Domain.FundingRequests.DepartmentActivity>();
    public DbSet<Domain.PublicContent.InvestmentProject> InvestmentProjects => Set<Domain.PublicContent.InvestmentProject>();
    public DbSet<Domain.PublicContent.NewsPost> NewsPosts => Set<Domain.PublicContent.NewsPost>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Every context, however it was configured (hosts, verbs, tests), sorts names the Vietnamese way on SQLite and
    /// translates the domain's named rules (<see cref="QueryExpressionInterceptor"/>).
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(VietnameseCollationInterceptor.Instance, QueryExpressionInterceptor.Instance);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        // Last, so it sees every property configured above, including those added later (ADR 0102).
        WholeDongStorage.Apply(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money is whole đồng: a decimal left at scale 0 is stored as a 64-bit integer (WholeDongStorage, ADR 0102);
        // a decimal that is not money declares its own scale.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 0);
        configurationBuilder.Properties<decimal?>().HavePrecision(18, 0);
    }
}

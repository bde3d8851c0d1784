using Microsoft.Extensions.DependencyInjection;
using NgheAn.CNHT.Application.Access;
using NgheAn.CNHT.Application.Api;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NgheAn.CNHT.Application.Notifications;
using NgheAn.CNHT.Application.Auditing;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.Application.Disbursements;
using NgheAn.CNHT.Application.Sourcing;
using NgheAn.CNHT.Application.Estimates;
using NgheAn.CNHT.Application.Organizations;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Application.Enterprises;
using NgheAn.CNHT.Application.PublicContent;
using NgheAn.CNHT.Application.Suppliers;
using NgheAn.CNHT.Application.Plans;

namespace NgheAn.CNHT.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplicationServices(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache(o => o.SizeLimit = 10_000);
        services.AddScoped<VersionedCache>();
        services.AddSingleton<Disbursements.LedgerItemSums>();
        services.AddSingleton<Disbursements.KeptBalanceTotals>();
        services.AddSingleton<Dashboard.NewestSteps>();
        services.AddScoped<CatalogQueries>();
        services.AddScoped<AppendixQuery>();
        services.AddScoped<ImportService>();
        services.AddScoped<ImportPlanner>();
        services.AddScoped<PlanTargetRevisions>();
        services.AddScoped<ImportWriter>();
        services.AddScoped<ImportBatchService>();
        services.AddScoped<ExportQuery>();
        services.AddScoped<ImportTemplate>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<ApiReadQueries>();
        services.AddScoped<CatalogService>();
        services.AddScoped<LedgerService>();
        services.AddScoped<LedgerQueries>();
        services.AddScoped<EstimateService>();

        // AttachmentOptions (section Attachments) is bound and validated by the host (Web).
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<OrganizationQueries>();
        services.AddScoped<Geography.AdministrativeUnitQueries>();
        services.AddScoped<OrganizationService>();
        services.AddScoped<ProposalQueries>();
        services.AddSingleton<RegisterInputsState>();
        services.AddScoped<RegisterInputs>();
        services.AddSingleton<KeptRegisterFigures>();
        services.AddSingleton<KeptTitleOrder>();
        services.AddSingleton<KeptCodeOrder>();
        services.AddScoped<SupportRules.SupportRuleChecks>();
        services.AddScoped<SupportRules.SupportRuleService>();
        services.AddScoped<SupportRules.SupportRuleQueries>();
        services.AddScoped<SupportRules.ImportRuleCheck>();
        services.AddScoped<SupportRules.OutOfNormsQuery>();
        services.AddScoped<ProposalService>();
        services.AddScoped<DossierChecklist>();
        services.AddScoped<AttachmentService>();
        services.AddScoped<AnnualReportQuery>();
        services.AddScoped<YearMatrixQuery>();
        services.AddScoped<RegisterQuery>();
        services.AddScoped<DocumentQuery>();
        services.AddScoped<ReportService>();
        services.AddScoped<ReportFileCache>();
        services.AddSingleton<ReportRendersUnderWay>();
        services.AddScoped<ReportDownloadLog>();
        services.AddSingleton<ReportDownloadQueue>();
        services.AddScoped<IssuedReportService>();
        services.AddScoped<Issuing.OutgoingRegister>();
        services.AddScoped<ReconciliationQuery>();
        services.AddScoped<NarrativeService>();
        services.AddScoped<NotificationService>();
        services.TryAddSingleton<IMailOutbox, NoMailOutbox>();
        services.AddScoped<Dashboard.DashboardQuery>();
        services.AddEnterprisePortal();
        services.AddSupplierDirectory();
        services.AddSourcing();
        services.AddPublicContent();
        services.AddProgramPlanning();
        return services;
    }
}

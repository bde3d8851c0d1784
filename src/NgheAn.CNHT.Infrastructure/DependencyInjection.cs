using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.Infrastructure.DataExchange;
using NgheAn.CNHT.Application.Notifications;
using NgheAn.CNHT.Application.Issuing;
using NgheAn.CNHT.Infrastructure.Enterprises;
using NgheAn.CNHT.Infrastructure.Plans;
using NgheAn.CNHT.Infrastructure.Identity;
using NgheAn.CNHT.Infrastructure.Issuing;
using NgheAn.CNHT.Infrastructure.Mail;
using NgheAn.CNHT.Infrastructure.Notifications;
using NgheAn.CNHT.Infrastructure.Persistence;
using NgheAn.CNHT.Infrastructure.Reporting;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.Infrastructure.Startup;

using NgheAn.CNHT.Infrastructure.PublicContent;

namespace NgheAn.CNHT.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructureServices(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddScoped<AuditSaveChangesInterceptor>();
        services.AddSingleton<DataVersionWatch>();
        services.AddSingleton<DataVersionCommitInterceptor>();
        services.AddSingleton<DataVersionWriteInterceptor>();
        // The bell's unread count kept per user and role set (ADR 0217), forgotten at once on this node's notice saves.
        services.AddSingleton<UnreadNotices>();
        services.AddScoped<NotificationChangeInterceptor>();
        // Account saves of this node, so a session check kept in memory is read again at once (ADR 0205).
        services.AddSingleton<AccountChangeWatch>();
        services.AddScoped<AccountChangeInterceptor>();
        // A scope marked read-only (the page warm-up, ADR 0240) fails any write its context sends.
        services.AddScoped<ReadOnlyWork>();
        services.AddScoped<ReadOnlyCommandInterceptor>();

        // The provider is read lazily from the service provider, so test hosts that override
        // configuration after registration are honoured.
        services.AddDbContext<AppDbContext>((sp, options) =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            ConfigureDbContext(options, configuration, sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
            sp.GetRequiredService<DbContextBuilt>().Built = true;
            options.AddInterceptors(sp.GetRequiredService<AuditSaveChangesInterceptor>(), sp.GetRequiredService<DataVersionCommitInterceptor>(),
                sp.GetRequiredService<AccountChangeInterceptor>(), sp.GetRequiredService<DataVersionWriteInterceptor>(),
                sp.GetRequiredService<NotificationChangeInterceptor>(), sp.GetRequiredService<ReadOnlyCommandInterceptor>());
        });
        // Built on first use (ADR 0216): a warm page served from kept figures builds no context at all.
        services.AddScoped<DbContextBuilt>();
        services.AddScoped<IAppDbContext, LazyAppDbContext>();
        services.AddScoped<IDataVersion, DataVersion>();
        services.AddScoped<Application.Disbursements.IBalanceInputChanges, Disbursements.BalanceInputChanges>();

        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // Enterprise accounts sign in once their e-mail is confirmed; staff accounts need no confirmation (EnterpriseUserConfirmation).
                o.SignIn.RequireConfirmedAccount = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<VietnameseIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddUserConfirmation<Enterprises.EnterpriseUserConfirmation>();

        services.AddDataProtection()
            .SetApplicationName("NgheAn.CNHT")
            .PersistKeysToDbContext<AppDbContext>()
            // Read only once the database is prepared, when that happens in the background (ADR 0105).
            .WaitForPreparedDatabase();

        services.AddSingleton<IReportRenderer, ReportRenderer>();
        services.AddSingleton<IWorkbookReader, OpenXmlWorkbookReader>();
        services.AddSingleton<IWorkbookWriter, ClosedXmlWorkbookWriter>();
        services.AddSingleton<IStreamingWorkbookWriter, StreamingWorkbookWriter>();
        services.AddScoped<IBulkRowWriter, BulkRowWriter>();

        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DatabaseBackup>();
        // The public CNHT directory's demo enterprises (issue 17).
        services.AddScoped<Suppliers.DirectoryDemoSeeder>();
        services.AddScoped<Sourcing.SourcingDemoSeeder>();
        services.AddScoped<CatalogSeeder>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<SupportRuleSeeder>();
        services.AddScoped<ScaleDataSeeder>();
        services.AddScoped<UserSeeder>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddEnterprisePortalInfrastructure();
        services.AddProgramPlanningInfrastructure();
        services.AddPublicContentInfrastructure();

        // E-mail notices: off unless Smtp:Host is set; queued in the database, sent in the background.
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MailOutbox>();
        services.AddSingleton<IMailOutbox>(sp => sp.GetRequiredService<MailOutbox>());
        services.AddScoped<INotificationRecipients, NotificationRecipients>();
        services.AddHostedService<OutgoingMailSender>();
        // The kept ledger sums built once the database is ready after a start, before any request needs them (ADR 0104 addendum 2).
        services.AddSingleton<Startup.KeptSumsWarmUp>();
        services.AddHostedService(sp => sp.GetRequiredService<Startup.KeptSumsWarmUp>());
        // Then, idle, the first use of the Excel and PDF writers and each program's import template (ADR 0233).
        services.AddSingleton<Startup.DownloadWarmUp>();
        services.AddHostedService(sp => sp.GetRequiredService<Startup.DownloadWarmUp>());
        // Then a proposal page's reads, so their queries are compiled before the first visit (ADR 0236).
        services.AddSingleton<Startup.ProposalPageWarmUp>();
        services.AddHostedService(sp => sp.GetRequiredService<Startup.ProposalPageWarmUp>());
        // Report downloads are logged in batches by one writer, off the download's request (ADR 0219).
        services.AddHostedService<Reporting.ReportDownloadWriter>();

        // Issued documents: signed with the configured PKCS#12 certificate (ADR 0132).
        services.AddOptions<SigningOptions>().BindConfiguration(SigningOptions.Section);
        services.AddSingleton<SigningCertificates>();
        services.AddSingleton<IDocumentSigner, PdfDocumentSigner>();
        return services;
    }

    public static void ConfigureDbContext(DbContextOptionsBuilder options, IConfiguration configuration, string contentRoot)
    {
        var provider = configuration.GetValue(DatabaseOptions.Section + ":" + nameof(DatabaseOptions.Provider), DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        switch (provider)
        {
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider là SqlServer nhưng chưa cấu hình ConnectionStrings:Cnht.");
                }

                options.UseSqlServer(connectionString, DatabaseOptions.SqlServer);
                break;
            default:
                options.UseSqlite(DatabaseOptions.ResolveSqlite(connectionString, contentRoot), DatabaseOptions.Sqlite);
                break;
        }
    }
}

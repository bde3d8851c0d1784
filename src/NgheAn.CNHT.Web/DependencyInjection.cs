using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.WebEncoders;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.Web.Api;
using NgheAn.CNHT.Web.Authorization;
using NgheAn.CNHT.Web.Operations;
using NgheAn.CNHT.Web.Portal;
using NgheAn.CNHT.Web.Security;
using NgheAn.CNHT.Web.Services;
using NgheAn.CNHT.Web.PublicContent;

namespace NgheAn.CNHT.Web;

public static class DependencyInjection
{
    public static IServiceCollection AddWebServices(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOperations();
        // The first render of each page kind after a start, in the background (issue 21, ADR 0240).
        services.AddSingleton<Operations.WarmUpPipeline>();
        services.AddSingleton<Operations.PageWarmUp>();
        services.AddHostedService(sp => sp.GetRequiredService<Operations.PageWarmUp>());
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section);

        // Vietnamese text stays readable in the HTML instead of &#x...; escapes.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(ApiKeyAuthenticationHandler.ApiOrCookieScheme, "Khóa API hoặc phiên đăng nhập", o =>
            {
                o.ForwardDefaultSelector = c => c.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme;
                // The API answers 401/403 with a JSON problem, never with a redirect to the login page.
                o.ForwardChallenge = ApiKeyAuthenticationHandler.SchemeName;
                o.ForwardForbid = ApiKeyAuthenticationHandler.SchemeName;
            })
            .AddIdentityCookies();
        services.AddCnhtOpenApi();
        services.AddApiRateLimit();
        services.AddAuthRateLimit();
        services.AddVerificationRateLimit();
        services.AddScoped<SignInGate>();
        services.AddSingleton<SignInDummyHash>();
        services.AddApiErrors();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "cnht.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure outside Development whatever the request's scheme: a session never travels in clear text,
            // even when a proxy forgets X-Forwarded-Proto (ADR 0112).
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        // Every request checks the account's stamp (SessionValidation; read at most once a second per account and
        // again after any account save or commit of this node, ADR 0205); the full principal (roles, claims) is
        // rebuilt by Identity's validator every 10 minutes.
        services.ConfigureApplicationCookie(SessionValidation.Configure);
        services.AddSingleton<SessionChecks>();
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(10);
            // Keep "signed in with a second factor" when the validator rebuilds the principal.
            o.OnRefreshingPrincipal = context =>
            {
                var mfa = context.CurrentPrincipal?.FindAll(TwoFactorEnforcement.MfaClaimType).ToList() ?? [];
                if (mfa.Count > 0 && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity
                    && !identity.HasClaim(c => c.Type == TwoFactorEnforcement.MfaClaimType))
                {
                    identity.AddClaims(mfa.Select(c => new System.Security.Claims.Claim(c.Type, c.Value)));
                }

                return Task.CompletedTask;
            };
        });
        services.AddAuthorization(o =>
        {
            Policies.Configure(o);
            EnterprisePolicies.Configure(o);
            DirectoryPolicies.Configure(o);
            SourcingPolicies.Configure(o);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "cnht.af";
            // Secure whenever the request is HTTPS, including HTTPS terminated by the reverse proxy (forwarded headers).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddOptions<AttachmentOptions>()
            .BindConfiguration(AttachmentOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<Application.Reports.ReportSizeOptions>()
            .BindConfiguration(Application.Reports.ReportSizeOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddRazorPages(o =>
            {
                o.Conventions.AllowAnonymousToPage("/Account/Login");
                o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
                o.Conventions.AllowAnonymousToPage("/Account/TwoFactor");
                o.Conventions.AllowAnonymousToPage("/Error");
                // The public verification page of issued documents (/xac-thuc/{code}, ADR 0133): anyone holding the paper.
                o.Conventions.AllowAnonymousToFolder("/Verification");
                o.Conventions.AuthorizeFolder("/Admin", Policies.ManageUsers);
                o.Conventions.AuthorizeFolder("/Catalog", Policies.ReadProgramData);
                o.Conventions.AuthorizeFolder("/Disbursements", Policies.ReadProgramData);
                o.Conventions.AuthorizeFolder("/Estimates", Policies.ReadProgramData);
                // Proposals and lead units: read by every business role; forms for DOIT specialists;
                // lifecycle steps and files are checked per handler (Policies.WorkOnProposals) and by the domain.
                o.Conventions.AuthorizeFolder("/Proposals", Policies.ReadProgramData);
                o.Conventions.AuthorizePage("/Proposals/Create", Policies.EditProposals);
                o.Conventions.AuthorizePage("/Proposals/Edit", Policies.EditProposals);
                o.Conventions.AuthorizeFolder("/Organizations", Policies.ReadProgramData);
                o.Conventions.AuthorizePage("/Organizations/Create", Policies.EditProposals);
                o.Conventions.AuthorizePage("/Organizations/Edit", Policies.EditProposals);
                o.Conventions.AuthorizeFolder("/Audit", Policies.ViewAudit);
                o.Conventions.AuthorizeFolder("/Reports", Policies.ReadProgramData);
                o.Conventions.AuthorizePage("/Reports/Narratives", Policies.EditNarratives);
                o.Conventions.AuthorizePage("/Reports/Issued/Create", Policies.IssueReports);
                o.Conventions.AuthorizePage("/Reports/Downloads", Policies.ViewAudit);
                o.Conventions.AuthorizeFolder("/Import", Policies.ImportData);
                o.Conventions.AuthorizeFolder("/Export", Policies.ReadProgramData);
                o.Conventions.AuthorizeFolder("/SupportRules", Policies.ReadProgramData);
                o.Conventions.AuthorizeFolder("/Plans", Policies.ReadProgramData);
                o.Conventions.AuthorizeFolder("/Indicators", Policies.ReadProgramData);
                o.Conventions.AuthorizeFolder("/Outcomes", Policies.ReadProgramData);
                o.Conventions.AuthorizeFolder("/FundingRequests", Policies.ReadProgramData);
                // Every signed-in user (the fallback policy): their own notices, the user guide.
                o.Conventions.AuthorizeFolder("/Notifications");
                o.Conventions.AuthorizeFolder("/Guide", EnterprisePolicies.Staff);
                // Enterprises apply online (issue 16): its own folders and policies.
                EnterprisePolicies.Configure(o.Conventions);
                // The public CNHT portal (issue 17): anonymous pages in two languages, the directory's management pages.
                Portal.PortalSetup.Configure(o.Conventions);
                DirectoryPolicies.Configure(o.Conventions);
                SourcingPolicies.Configure(o.Conventions);
                PublicContent.PublicContentSetup.Configure(o.Conventions);
            })
            .ConfigureApplicationPartManager(parts =>
            {
                // Pages only, no MVC controllers: the start does not search every assembly for them (ADR 0242).
                foreach (var controllers in parts.FeatureProviders.OfType<Microsoft.AspNetCore.Mvc.Controllers.ControllerFeatureProvider>().ToList())
                {
                    parts.FeatureProviders.Remove(controllers);
                }
            })
            .AddMvcOptions(o =>
            {
                // Required means an explicit [Required(ErrorMessage = "…")] in Vietnamese, never an implicit English one.
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                VietnameseBindingMessages(o.ModelBindingMessageProvider);
            });

        // Pages' kept pieces (ADR 0223) and the signed-in user's request token kept per browser cookie and user (ADR 0224).
        services.AddSingleton<Rendering.KeptHtml>();
        services.AddSingleton<Rendering.LayoutLinks>();
        Security.KeptAntiforgeryRegistration.Decorate(services);

        // Value types keep their implicit required rule; its client-side text is Vietnamese.
        services.AddSingleton<Microsoft.AspNetCore.Mvc.DataAnnotations.IValidationAttributeAdapterProvider, Forms.VietnameseValidationAdapters>();

        // Vietnamese everywhere; English only on the public portal's /en/ addresses (issue 17, ADR 0180).
        services.AddPublicPortal();
        services.AddPublicContentWeb();
        CultureInfo.DefaultThreadCurrentCulture = VnFormat.Culture;
        CultureInfo.DefaultThreadCurrentUICulture = VnFormat.Culture;
        return services;
    }

    /// <summary>Messages of model binding (a value that is not a number, a missing value) in Vietnamese.</summary>
    private static void VietnameseBindingMessages(Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.DefaultModelBindingMessageProvider m)
    {
        m.SetAttemptedValueIsInvalidAccessor((value, field) => $"Giá trị \"{value}\" không hợp lệ cho trường {field}.");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Giá trị \"{value}\" không hợp lệ.");
        m.SetValueIsInvalidAccessor(value => $"Giá trị \"{value}\" không hợp lệ.");
        m.SetValueMustBeANumberAccessor(field => $"Trường {field} phải là số.");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "Giá trị phải là số.");
        m.SetMissingBindRequiredValueAccessor(field => $"Thiếu giá trị cho trường {field}.");
        m.SetMissingKeyOrValueAccessor(() => "Thiếu giá trị.");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "Thiếu nội dung yêu cầu.");
        m.SetValueMustNotBeNullAccessor(value => $"Vui lòng nhập giá trị (\"{value}\" không hợp lệ).");
        m.SetUnknownValueIsInvalidAccessor(field => $"Giá trị không hợp lệ cho trường {field}.");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị không hợp lệ.");
    }

    /// <summary>Migrates on start (creating the SQLite file on first run) and seeds demo data where configured.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        var options = app.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        if (!options.MigrateOnStartup)
        {
            return;
        }

        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<UserSeeder>().EnsureRolesAsync();
        if (options.SeedDemoData)
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
            // Demo accounts have published passwords: never outside Development.
            if (app.Environment.IsDevelopment())
            {
                await scope.ServiceProvider.GetRequiredService<UserSeeder>().EnsureDemoUsersAsync();
                // The 2026-2030 items and illustrative yearly plans first: the enterprise demo activates that program (issue 19).
                await scope.ServiceProvider.GetRequiredService<NgheAn.CNHT.Infrastructure.Plans.ProgramPlanDemoSeeder>().SeedAsync();
                await scope.ServiceProvider.GetRequiredService<NgheAn.CNHT.Infrastructure.Enterprises.EnterpriseDemoSeeder>().SeedAsync();
                await scope.ServiceProvider.GetRequiredService<NgheAn.CNHT.Infrastructure.Suppliers.DirectoryDemoSeeder>().SeedAsync();
                await scope.ServiceProvider.GetRequiredService<NgheAn.CNHT.Infrastructure.Sourcing.SourcingDemoSeeder>().SeedAsync();
                await scope.ServiceProvider.GetRequiredService<NgheAn.CNHT.Infrastructure.PublicContent.PublicContentDemoSeeder>().SeedAsync();
            }
        }
    }

    public static WebApplication UseWebPipeline(this WebApplication app)
    {
        app.UseOperations();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
        }

        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseApiErrors();
        app.UseRequestLogging();
        // The rest of the pipeline, kept for the start's page warm-up (ADR 0240): its requests enter here, after the
        // database gate, the exception page and request logging, so no request log line shows a request nobody made.
        var warmUp = app.Services.GetRequiredService<Operations.WarmUpPipeline>();
        app.Use(warmUp.Keep);
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseTwoFactorEnforcement();
        app.UseAuthorization();
        // After authentication: signed-in requests are never served from or stored in the cache (PortalCaching).
        app.UseOutputCache();
        // After authorization: the API's limit counts per key or user (ApiRateLimit).
        app.UseRateLimiter();
        app.UseImportUploadLimit();
        app.UseProfileImageUploadLimit();
        // Stylesheets, scripts and images are public: the sign-in page needs them before anyone signs in.
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapPortalHealthChecks();
        app.MapApiV1();
        Portal.OpenDataEndpoints.MapOpenData(app);
        Portal.ProfileImageEndpoints.MapProfileImages(app);
        app.MapPublicContent();
        // The description of a read-only API is public; the data behind it is not.
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }
}

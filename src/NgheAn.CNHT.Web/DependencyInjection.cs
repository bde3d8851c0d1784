using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Infrastructure.Seeding;
using NgheAn.CNHT.Web.Api;
using NgheAn.CNHT.Web.Authorization;
using NgheAn.CNHT.Web.Services;
using Serilog;

namespace NgheAn.CNHT.Web;

public static class DependencyInjection
{
    public static IServiceCollection AddWebServices(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section).ValidateDataAnnotations().ValidateOnStart();

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
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "cnht.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorization(Policies.Configure);
        services.AddAntiforgery(o => o.Cookie.Name = "cnht.af");

        services.AddRazorPages(o =>
        {
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AuthorizeFolder("/Catalog", Policies.ReadProgramData);
            o.Conventions.AuthorizeFolder("/Import", Policies.ImportData);
            o.Conventions.AuthorizeFolder("/Export", Policies.ReadProgramData);
            o.Conventions.AuthorizeFolder("/Admin", Policies.ManageUsers);
        });

        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(VnFormat.Culture);
            o.SupportedCultures = [VnFormat.Culture];
            o.SupportedUICultures = [VnFormat.Culture];
            o.RequestCultureProviders.Clear();
        });
        CultureInfo.DefaultThreadCurrentCulture = VnFormat.Culture;
        CultureInfo.DefaultThreadCurrentUICulture = VnFormat.Culture;
        return services;
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
            }
        }
    }

    public static WebApplication UseWebPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseSerilogRequestLogging();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseImportUploadLimit();
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapApiV1();
        // The description of a read-only API is public; the data behind it is not.
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }
}

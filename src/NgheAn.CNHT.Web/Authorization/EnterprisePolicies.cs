using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using NgheAn.CNHT.Domain;

namespace NgheAn.CNHT.Web.Authorization;

/// <summary>
/// Who reaches the enterprise portal's pages (issue 16, ADR 0154). The fallback policy admits staff only, so every
/// existing page without a policy of its own (home, account, guide, files) is closed to enterprise accounts by
/// default; an enterprise reaches only what is opened to it here.
/// </summary>
public static class EnterprisePolicies
{
    /// <summary>An enterprise's own pages: its home, its applications, its proposals.</summary>
    public const string Enterprise = nameof(Enterprise);
    /// <summary>Intake, calls and account verification: the Support Center.</summary>
    public const string Intake = nameof(Intake);
    /// <summary>Any signed-in account, staff or enterprise (sign-out, password, notices).</summary>
    public const string AnySignedIn = nameof(AnySignedIn);
    /// <summary>Department staff: any signed-in account but an enterprise's (the staff user guide).</summary>
    public const string Staff = nameof(Staff);

    /// <summary>The fallback: signed in, and not an enterprise account.</summary>
    public static AuthorizationPolicy StaffFallback { get; } = new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireAssertion(c => !c.User.IsInRole(Roles.Enterprise))
        .Build();

    public static void Configure(AuthorizationOptions options)
    {
        options.FallbackPolicy = StaffFallback;
        options.AddPolicy(Enterprise, p => p.RequireRole(Roles.Enterprise));
        options.AddPolicy(Intake, p => p.RequireRole(Roles.SupportCenter));
        options.AddPolicy(AnySignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Staff, StaffFallback);
    }

    public static void Configure(PageConventionCollection pages)
    {
        // Public: registration, e-mail confirmation, open calls. The development outbox answers 404 in Production.
        pages.AllowAnonymousToPage("/DoanhNghiep/DangKy");
        pages.AllowAnonymousToPage("/DoanhNghiep/XacNhan");
        pages.AllowAnonymousToPage("/DoanhNghiep/HopThu");
        pages.AllowAnonymousToPage("/Calls/Index");
        pages.AllowAnonymousToPage("/Calls/Details");
        pages.AuthorizePage("/DoanhNghiep/Index", Enterprise);
        pages.AuthorizePage("/DoanhNghiep/DeAn", Enterprise);
        pages.AuthorizeFolder("/Applications", Enterprise);
        pages.AuthorizePage("/Calls/Manage", Intake);
        pages.AuthorizePage("/Calls/Edit", Intake);
        pages.AuthorizeFolder("/Intake", Intake);
        // Shared pages both kinds of account use: home (sends an enterprise to its own page), sign-out, password, notices.
        // The home page is public since issue 17: an anonymous visitor gets the public portal's home (ADR 0180).
        pages.AllowAnonymousToPage("/Index");
        pages.AuthorizePage("/Account/Logout", AnySignedIn);
        pages.AuthorizePage("/Account/Security", AnySignedIn);
    }
}

using NgheAn.CNHT.Domain;

namespace NgheAn.CNHT.Web.Security;

/// <summary>Section <c>Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Roles that must sign in with two-factor authentication (authenticator app).</summary>
    public static IReadOnlyList<string> TwoFactorRoles { get; } = [Roles.Admin, Roles.DoitLeader];

    /// <summary>
    /// Require two-factor for <see cref="TwoFactorRoles"/>: on by default; off in Development so the
    /// published demo accounts work without an authenticator app.
    /// </summary>
    public bool EnforceTwoFactor { get; set; } = true;
}

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

    /// <summary>
    /// How long, at most, a session check read from the database is reused on this node (ADR 0205): the delay before a
    /// sign-out or a disabled account made through ANOTHER node (or the command line) ends a session here. A change made
    /// through this node ends it on the next request whatever this says. 0 reads on every request.
    /// </summary>
    public double SessionCheckSeconds { get; set; } = 1;
}

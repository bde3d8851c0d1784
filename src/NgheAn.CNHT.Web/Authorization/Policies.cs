using Microsoft.AspNetCore.Authorization;
using NgheAn.CNHT.Domain;

namespace NgheAn.CNHT.Web.Authorization;

/// <summary>Policy names and the roles behind them (domain.md, "Who does what"). Everything else is denied.</summary>
public static class Policies
{
    /// <summary>Read business data: registers, reports, dashboards.</summary>
    public const string ReadProgramData = nameof(ReadProgramData);
    public const string EditProposals = nameof(EditProposals);
    public const string ApproveProposals = nameof(ApproveProposals);
    public const string RecordDisbursements = nameof(RecordDisbursements);
    public const string ManageCatalog = nameof(ManageCatalog);
    public const string ManageEstimates = nameof(ManageEstimates);
    public const string ApproveEstimates = nameof(ApproveEstimates);
    public const string ManageUsers = nameof(ManageUsers);
    public const string ViewAudit = nameof(ViewAudit);
    /// <summary>Bring history in from workbooks (docs/decisions/0041-who-imports.md).</summary>
    public const string ImportData = nameof(ImportData);
    /// <summary>The read-only JSON API: an API key, or a signed-in business role.</summary>
    public const string ReadApi = nameof(ReadApi);

    public static readonly string[] ReadRoles = [Roles.DoitSpecialist, Roles.DoitLeader, Roles.SupportCenter, Roles.Viewer];
    /// <summary>Take lifecycle steps and add dossier files; which step each role may take is the domain's rule.</summary>
    public const string WorkOnProposals = nameof(WorkOnProposals);
    /// <summary>Type the explanations (giải trình) of the report document.</summary>
    public const string EditNarratives = nameof(EditNarratives);
    /// <summary>Issue a report (number, date, signer) and so freeze it.</summary>
    public const string IssueReports = nameof(IssueReports);

    public static void Configure(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(ReadProgramData, p => p.RequireRole(ReadRoles));
        options.AddPolicy(EditProposals, p => p.RequireRole(Roles.DoitSpecialist));
        options.AddPolicy(ApproveProposals, p => p.RequireRole(Roles.DoitLeader));
        options.AddPolicy(RecordDisbursements, p => p.RequireRole(Roles.SupportCenter));
        options.AddPolicy(ManageCatalog, p => p.RequireRole(Roles.DoitSpecialist));
        options.AddPolicy(ManageEstimates, p => p.RequireRole(Roles.DoitSpecialist));
        options.AddPolicy(ApproveEstimates, p => p.RequireRole(Roles.DoitLeader));
        options.AddPolicy(ManageUsers, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(ViewAudit, p => p.RequireRole(Roles.Admin, Roles.DoitLeader));
        options.AddPolicy(ImportData, p => p.RequireRole(Roles.DoitSpecialist, Roles.SupportCenter, Roles.DoitLeader));
        options.AddPolicy(ReadApi, p => p
            .AddAuthenticationSchemes(Api.ApiKeyAuthenticationHandler.ApiOrCookieScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(c => c.User.HasClaim(x => x.Type == Api.ApiKeyAuthenticationHandler.KeyIdClaim) || ReadRoles.Any(c.User.IsInRole)));
        options.AddPolicy(WorkOnProposals, p => p.RequireRole(Roles.DoitSpecialist, Roles.DoitLeader, Roles.SupportCenter));
        options.AddPolicy(EditNarratives, p => p.RequireRole(Roles.DoitSpecialist));
        options.AddPolicy(IssueReports, p => p.RequireRole(Roles.DoitLeader));
    }
}

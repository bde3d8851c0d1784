using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using NgheAn.CNHT.Domain;

namespace NgheAn.CNHT.Web.Authorization;

/// <summary>
/// Who reaches sourcing requests (issue 17 item 4, ADR 0185): DOIT specialists see every request, post on a buyer's
/// behalf and read the linkage statistics (/Sourcing); an enterprise reaches its own requests and the requests that
/// match it (/DoanhNghiep/NhuCau, policy Enterprise), the organization always taken from its account.
/// </summary>
public static class SourcingPolicies
{
    public const string ManageSourcing = nameof(ManageSourcing);

    public static void Configure(AuthorizationOptions options) =>
        options.AddPolicy(ManageSourcing, p => p.RequireRole(Roles.DoitSpecialist));

    public static void Configure(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Sourcing", ManageSourcing);
        pages.AuthorizeFolder("/DoanhNghiep/NhuCau", EnterprisePolicies.Enterprise);
    }
}

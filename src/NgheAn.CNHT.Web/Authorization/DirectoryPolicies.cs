using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using NgheAn.CNHT.Domain;

namespace NgheAn.CNHT.Web.Authorization;

/// <summary>
/// Who reaches the directory's non-public pages (issue 17, ADR 0182): DOIT specialists moderate profile changes and
/// mark capability verified; an enterprise edits only its own profile (/DoanhNghiep/HoSo, policy Enterprise).
/// </summary>
public static class DirectoryPolicies
{
    public const string ModerateDirectory = nameof(ModerateDirectory);

    public static void Configure(AuthorizationOptions options) =>
        options.AddPolicy(ModerateDirectory, p => p.RequireRole(Roles.DoitSpecialist));

    public static void Configure(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Directory", ModerateDirectory);
        pages.AuthorizePage("/DoanhNghiep/HoSo", EnterprisePolicies.Enterprise);
    }
}

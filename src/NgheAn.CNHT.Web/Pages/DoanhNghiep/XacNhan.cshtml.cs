using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Infrastructure.Enterprises;

namespace NgheAn.CNHT.Web.Pages.DoanhNghiep;

/// <summary>The link in the confirmation e-mail lands here.</summary>
public sealed class XacNhanModel(EnterpriseRegistration registration) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? token) => Confirmed = await registration.ConfirmAsync(userId, token);
}

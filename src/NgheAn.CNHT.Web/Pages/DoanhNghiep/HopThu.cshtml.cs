using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Application.Common;

namespace NgheAn.CNHT.Web.Pages.DoanhNghiep;

/// <summary>
/// Development and test hosts only (404 in Production): the mail the portal queued for one address, so the
/// registration journey works without a mail server (the confirmation link is also in the log).
/// </summary>
public sealed class HopThuModel(IAppDbContext db, IWebHostEnvironment environment) : PageModel
{
    [FromQuery(Name = "email")]
    public string? Email { get; set; }

    public IReadOnlyList<(string Subject, string Body, DateTime At)> Mails { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (environment.IsProduction())
        {
            return NotFound();
        }

        if (!string.IsNullOrWhiteSpace(Email))
        {
            var to = Email.Trim();
            Mails = (await db.OutgoingEmails.AsNoTracking().Where(m => m.To == to).OrderByDescending(m => m.Id).Take(20)
                .Select(m => new { m.Subject, m.Body, m.CreatedAt }).ToListAsync(ct))
                .Select(m => (m.Subject, m.Body, m.CreatedAt)).ToList();
        }

        return Page();
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using NgheAn.CNHT.Application.PublicContent;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Portal;
using NgheAn.CNHT.Web.PublicContent;

namespace NgheAn.CNHT.Web.Pages.Portal.PublicContent;

/// <summary>
/// The contact form to an enterprise (/danh-ba/{slug}/lien-he, /en/directory/{slug}/contact; issue 17 item 8, ADR 0191):
/// rate-limited per address, with a honeypot field a person never sees (a filled one is thanked and dropped), delivered
/// through the mail outbox to an address the visitor never sees. Not output-cached: the form carries an antiforgery token.
/// </summary>
[EnableRateLimiting(ContactRateLimit.Policy)]
public sealed class ContactModel(EnterpriseContact contact) : PortalPage
{
    public ContactTarget Target { get; private set; } = null!;

    public bool Sent { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "Họ và tên")]
        public string? Name { get; set; }

        [Display(Name = "Thư điện tử của bạn")]
        public string? Email { get; set; }

        [Display(Name = "Đơn vị")]
        public string? Company { get; set; }

        [Display(Name = "Nội dung")]
        public string? Message { get; set; }

        /// <summary>The honeypot: hidden from people (and from assistive technology), filled by form-filling robots.</summary>
        [Display(Name = "Số fax")]
        public string? Fax { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string slug, bool sent, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        Sent = sent;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }

        // A robot filled the field no person sees: thanked like anyone, and nothing is sent.
        if (!string.IsNullOrEmpty(Input.Fax))
        {
            return Redirect(PublicContentUrls.Contact(English, slug) + "?sent=true");
        }

        if (!Target.CanReceive)
        {
            return Page();
        }

        try
        {
            if (ModelState.IsValid && await contact.SendAsync(slug, new ContactMessage(Input.Name, Input.Email, Input.Company, Input.Message), English, ct))
            {
                return Redirect(PublicContentUrls.Contact(English, slug) + "?sent=true");
            }
        }
        catch (DomainException ex)
        {
            foreach (var e in ex.Errors)
            {
                ModelState.AddModelError(e.Field is null ? string.Empty : "Input." + e.Field, e.Message);
            }
        }

        return Page();
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var target = await contact.TargetAsync(slug, ct);
        if (target is null)
        {
            return false;
        }

        Target = target;
        Describe(PublicContentUrls.Contact(false, slug), PublicContentUrls.Contact(true, slug),
            (English ? "Contact " : "Liên hệ ") + target.Name(English));
        return true;
    }
}

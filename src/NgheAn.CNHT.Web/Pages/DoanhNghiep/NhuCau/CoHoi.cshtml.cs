using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Sourcing;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Web.Pages.DoanhNghiep.NhuCau;

/// <summary>
/// A supplier's view: open requests of other buyers that match its published profile, each explained, and the form
/// to say it is interested (once per request); below, the requests it already said it is interested in.
/// </summary>
public sealed class CoHoiModel(SourcingService sourcing) : PageModel
{
    public OpportunityPage Opportunities { get; private set; } = null!;
    public SourcingPage Mine { get; private set; } = null!;

    [FromQuery(Name = "page")]
    [Display(Name = "Trang")]
    public int PageNumber { get; set; } = 1;

    [FromQuery(Name = "mine")]
    [Display(Name = "Trang nhu cầu đã quan tâm")]
    public int MinePage { get; set; } = 1;

    [BindProperty]
    [Display(Name = "Nhu cầu")]
    public int RequestId { get; set; }

    [BindProperty]
    [Display(Name = "Phiên bản")]
    public Guid? Stamp { get; set; }

    [BindProperty]
    [Display(Name = "Lời nhắn gửi bên mua")]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostInterestAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await sourcing.ExpressInterestAsync(RequestId, Stamp, Message, ct);
                TempData["Success"] = "Đã gửi quan tâm; bên mua thấy doanh nghiệp của bạn, hồ sơ danh bạ công khai và lời nhắn.";
                return RedirectToPage();
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
            catch (DomainException ex)
            {
                ModelState.AddModelError(ex.Field == "Message" ? nameof(Message) : string.Empty, ex.Message);
            }
            catch (ConcurrencyConflictException ex)
            {
                ModelState.AddModelError(string.Empty, ex.Message);
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Opportunities = await sourcing.OpportunitiesAsync(PageNumber, ct);
        Mine = await sourcing.MyInterestsAsync(MinePage, ct);
    }
}

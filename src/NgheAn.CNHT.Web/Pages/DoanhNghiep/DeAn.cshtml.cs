using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Enterprises;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Web.Pages.DoanhNghiep;

/// <summary>One of the enterprise's proposals: timeline, approved amounts, payments; after approval, the report upload.</summary>
public sealed class DeAnModel(EnterpriseHomeQuery home, EnterpriseReportService reports) : PageModel
{
    public EnterpriseProposalView Proposal { get; private set; } = null!;

    [BindProperty]
    [Display(Name = "Loại hồ sơ")]
    public string? Kind { get; set; }

    [BindProperty(Name = "File")]
    [Display(Name = "Tệp")]
    public IFormFile? UploadFile { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var proposal = await home.ProposalAsync(id, ct);
        if (proposal is null)
        {
            return NotFound();
        }

        Proposal = proposal;
        return Page();
    }

    public async Task<IActionResult> OnPostReportAsync(int id, CancellationToken ct)
    {
        try
        {
            if (UploadFile is null || UploadFile.Length == 0)
            {
                throw new DomainException("Vui lòng chọn tệp.", "File");
            }

            await using var stream = UploadFile.OpenReadStream();
            await reports.UploadAsync(id, Kind, UploadFile.FileName, stream, ct);
            TempData["Success"] = $"Đã nộp tệp {UploadFile.FileName}.";
            return RedirectToPage(new { id });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(ex.Field == "Kind" ? nameof(Kind) : "File", ex.Message);
            return await OnGetAsync(id, ct);
        }
    }
}

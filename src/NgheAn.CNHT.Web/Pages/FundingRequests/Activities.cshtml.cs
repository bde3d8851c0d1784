using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.FundingRequests;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.FundingRequests;
using NgheAn.CNHT.Web.Authorization;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.FundingRequests;

/// <summary>
/// Department-run lines of a year's funding request (ADR 0179): management cost, events…, each with an amount and a
/// justification. Chuyên viên Sở adds, changes (with the line's version) and removes them (after a confirmation).
/// </summary>
[Authorize(Policy = Policies.ManageEstimates)]
public sealed class ActivitiesModel(FundingRequestQuery query, DepartmentActivityService service, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "program")]
    [Display(Name = "Chương trình")]
    public string? Program { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    [Display(Name = "Năm")]
    public int? Year { get; set; }

    /// <summary>The line loaded into the form for a change (?edit=id).</summary>
    [BindProperty(SupportsGet = true, Name = "edit")]
    [Display(Name = "Dòng cần sửa")]
    public int? Edit { get; set; }

    [BindProperty]
    public ActivityForm Input { get; set; } = new();

    public FundingRequest Funding { get; private set; } = null!;

    public sealed class ActivityForm
    {
        [Display(Name = "Dòng")]
        public int Id { get; set; }

        [Display(Name = "Loại hoạt động")]
        public DepartmentActivityKind Kind { get; set; }

        [StringLength(500, ErrorMessage = "Nội dung hoạt động dài tối đa 500 ký tự.")]
        [Display(Name = "Nội dung hoạt động")]
        public string? Description { get; set; }

        [Display(Name = "Kinh phí đề nghị (đồng)")]
        public string? Amount { get; set; }

        [StringLength(1000, ErrorMessage = "Thuyết minh, căn cứ dài tối đa 1000 ký tự.")]
        [Display(Name = "Thuyết minh, căn cứ")]
        public string? Justification { get; set; }

        [Display(Name = "Mã phiên bản")]
        public Guid? ConcurrencyStamp { get; set; }
    }

    private string Code => string.IsNullOrWhiteSpace(Program) ? "2026-2030" : Program;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Edit is { } id && Funding.Activities.FirstOrDefault(a => a.Id == id) is { } line)
        {
            Input = new ActivityForm
            {
                Id = line.Id, Kind = line.Kind, Description = line.Description, Amount = VnFormat.Dong(line.Amount), Justification = line.Justification,
                ConcurrencyStamp = line.Stamp,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        // Every field's mistake at once (ADR 0120): the amount read here, the other rules by the domain in one pass.
        var amount = ModelState.ReadAmount("Input.Amount", Input.Amount, "Kinh phí đề nghị");
        try
        {
            if (amount is null)
            {
                DepartmentActivity.Check(Input.Kind, Input.Description, null, Input.Justification);
                return Page();
            }

            var input = new ActivityInput(Input.Kind, Input.Description, amount.Value, Input.Justification);
            if (Input.Id == 0)
            {
                await service.AddAsync(Code, Funding.Year, input, ct);
            }
            else
            {
                await service.UpdateAsync(Input.Id, Input.ConcurrencyStamp, input, ct);
            }
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ConcurrencyConflictException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return Page();
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex);
            return Page();
        }

        TempData["Success"] = Input.Id == 0 ? "Đã thêm hoạt động do Sở thực hiện vào nhu cầu kinh phí." : "Đã lưu hoạt động do Sở thực hiện.";
        return RedirectToPage(new { program = Code, year = Funding.Year });
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        try
        {
            await service.DeleteAsync(Input.Id, Input.ConcurrencyStamp, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ConcurrencyConflictException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            Input = new ActivityForm();
            ModelState.Remove("Input.Id");
            return Page();
        }

        TempData["Success"] = "Đã xóa dòng hoạt động khỏi nhu cầu kinh phí.";
        return RedirectToPage(new { program = Code, year = Funding.Year });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var year = Year ?? VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime).Year + 1;
        try
        {
            var request = await query.BuildAsync(Code, year, ct);
            if (request is null)
            {
                return false;
            }

            Funding = request;
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }
}

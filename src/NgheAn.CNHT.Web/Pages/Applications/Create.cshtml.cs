using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Applications;
using NgheAn.CNHT.Application.Calls;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Services;

namespace NgheAn.CNHT.Web.Pages.Applications;

/// <summary>A new application (saved as a draft) to one item of an open call.</summary>
public sealed class CreateModel(ApplicationService applications, CallService calls, TimeProvider clock) : PageModel
{
    public static readonly HashSet<string> FormFields =
        ["Title", "Objectives", "ExpectedOutputs", "StartYear", "EndYear", "RequestedSupport", "Counterpart", "Lines"];

    [BindProperty]
    public ApplicationForm Input { get; set; } = new();

    public string CallTitle { get; private set; } = "";
    public string ItemLabel { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int callItemId, CancellationToken ct)
    {
        if (!await DescribeAsync(callItemId, ct))
        {
            return NotFound();
        }

        var year = VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime).Year;
        Input = new ApplicationForm { CallItemId = callItemId, StartYear = year, EndYear = year };
        Input.OfferIndicators(await applications.IndicatorsOfCallItemAsync(callItemId, ct));
        Input.PadLines();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await DescribeAsync(Input.CallItemId, ct))
        {
            return NotFound();
        }

        Input.OfferIndicators(await applications.IndicatorsOfCallItemAsync(Input.CallItemId, ct));
        var input = Input.Read(ModelState, "Input");
        if (input is null || !ModelState.IsValid)
        {
            Input.PadLines();
            return Page();
        }

        try
        {
            var id = await applications.CreateAsync(input, ct);
            TempData["Success"] = "Đã lưu hồ sơ nháp. Tải lên các giấy tờ theo danh mục rồi nộp hồ sơ.";
            return RedirectToPage("./Details", new { id });
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, "Input.", null, Input.FieldNames(FormFields));
            Input.PadLines();
            return Page();
        }
    }

    private async Task<bool> DescribeAsync(int callItemId, CancellationToken ct)
    {
        var callId = await calls.CallOfItemAsync(callItemId, ct);
        var call = callId is null ? null : await calls.ViewAsync(callId.Value, ct);
        var item = call?.Items.FirstOrDefault(i => i.Id == callItemId);
        if (call is null || item is null)
        {
            return false;
        }

        CallTitle = call.Title;
        ItemLabel = $"{item.ItemCode} {item.ItemName}";
        return true;
    }
}

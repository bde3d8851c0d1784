using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Estimates;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Authorization;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.Estimates;

public sealed class DetailsModel(EstimateService estimates, IAuthorizationService auth, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    /// <summary>One row per content item: amount typed the Vietnamese way, and a note.</summary>
    [BindProperty]
    public List<LineInput> Lines { get; set; } = [];

    [BindProperty]
    public ApproveInput Approval { get; set; } = new();

    /// <summary>The estimate's version when the page was opened (EstimateService.VersionAsync), sent by every form.</summary>
    [BindProperty]
    [Display(Name = "Phiên bản")]
    public string? Version { get; set; }

    public EstimateDetail Estimate { get; private set; } = null!;

    public sealed class LineInput
    {
        [Display(Name = "Nội dung hỗ trợ")] public int ItemId { get; set; }
        [Display(Name = "Số tiền")] public string? Amount { get; set; }
        [Display(Name = "Ghi chú")] public string? Note { get; set; }
    }

    public sealed class ApproveInput
    {
        [Display(Name = "Số quyết định")]
        public string? DecisionNumber { get; set; }

        [Display(Name = "Ngày quyết định")]
        public DateOnly? DecisionDate { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Approval.DecisionDate = VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => Act(Policies.ManageEstimates, async () =>
    {
        var lines = new Dictionary<int, (decimal, string?)>();
        for (var i = 0; i < Lines.Count; i++)
        {
            var line = Lines[i];
            var amount = string.IsNullOrWhiteSpace(line.Amount) ? 0m : ModelState.ReadAmount($"Lines[{i}].Amount", line.Amount, "Số dự toán");
            if (amount is not null)
            {
                lines[line.ItemId] = (amount.Value, line.Note);
            }
        }

        if (!ModelState.IsValid)
        {
            return false;
        }

        await estimates.SaveLinesAsync(Id, Version, lines, ct);
        TempData["Success"] = "Đã lưu số liệu dự toán.";
        return true;
    }, ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => Act(Policies.ManageEstimates, async () =>
    {
        await estimates.SubmitAsync(Id, Version, ct);
        TempData["Success"] = "Đã trình dự toán lên Lãnh đạo Sở.";
        return true;
    }, ct);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) => Act(Policies.ApproveEstimates, async () =>
    {
        await estimates.ReturnAsync(Id, Version, ct);
        TempData["Success"] = "Đã trả lại dự toán để chỉnh sửa.";
        return true;
    }, ct);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => Act(Policies.ApproveEstimates, async () =>
    {
        if (string.IsNullOrWhiteSpace(Approval.DecisionNumber))
        {
            ModelState.AddModelError("Approval.DecisionNumber", "Vui lòng nhập số quyết định.");
        }

        if (Approval.DecisionDate is null)
        {
            ModelState.AddModelError("Approval.DecisionDate", "Vui lòng nhập ngày quyết định.");
        }

        if (!ModelState.IsValid)
        {
            return false;
        }

        await estimates.ApproveAsync(Id, Version, Approval.DecisionNumber!, Approval.DecisionDate!.Value, ct);
        TempData["Success"] = "Đã phê duyệt dự toán.";
        return true;
    }, ct);

    private async Task<IActionResult> Act(string policy, Func<Task<bool>> action, CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, policy)).Succeeded)
        {
            return Forbid();
        }

        try
        {
            if (await action())
            {
                return RedirectToPage(new { Id });
            }
        }
        catch (ConcurrencyConflictException ex)
        {
            // The page shows the estimate as it is now, with its new version: acting again is a deliberate choice.
            ModelState.AddModelError(string.Empty, ex.Message);
            return await LoadAsync(ct, refreshVersion: true) ? Page() : NotFound();
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex, prefix: "Approval");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct, bool refreshVersion = false)
    {
        var estimate = await estimates.GetAsync(Id, ct);
        if (estimate is null)
        {
            return false;
        }

        Estimate = estimate;
        // A refused form keeps the version it was made on; only a fresh page (or a conflict) takes the current one.
        if (Version is null || refreshVersion)
        {
            ModelState.Remove(nameof(Version));
            Version = await estimates.VersionAsync(Id, ct);
        }

        return true;
    }
}

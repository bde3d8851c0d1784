using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Outcomes;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Authorization;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.Outcomes;

/// <summary>
/// Sets the target of one program outcome (ADR 0197): Chuyên viên Sở only, with the version the form saw (a stale or
/// missing one is refused), audited by the interceptor. Saving an approved target removes the "giá trị minh họa" label.
/// </summary>
[Authorize(Policy = Policies.ManageCatalog)]
public sealed class TargetModel(OutcomeQueries queries, OutcomeService service) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public OutcomeOfProgram Outcome { get; private set; } = null!;

    public sealed class InputModel
    {
        [Display(Name = "Mục tiêu")]
        public string? Target { get; set; }

        [Display(Name = "Mã phiên bản")]
        public Guid? ConcurrencyStamp { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Input.Target = Outcome.Indicator.Target is { } t ? TrendChart.Number(t) : "";
        Input.ConcurrencyStamp = Outcome.Indicator.Stamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        decimal? target = null;
        var text = (Input.Target ?? "").Trim();
        if (text.Length > 0)
        {
            var invariant = text.Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
            if (!decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                ModelState.AddModelError("Input.Target", "Mục tiêu phải là số, ví dụ 9,5 hoặc 120 (để trống nếu chưa đặt).");
            }
            else if (value != decimal.Round(value, 4))
            {
                ModelState.AddModelError("Input.Target", "Mục tiêu có tối đa bốn chữ số thập phân.");
            }
            else
            {
                target = value;
            }
        }

        if (Input.ConcurrencyStamp is null)
        {
            ModelState.AddModelError(string.Empty, "Biểu mẫu thiếu mã phiên bản (có thể là trang cũ); vui lòng tải lại trang rồi nhập lại. Chưa có gì được lưu.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await service.SetTargetAsync(Id, Input.ConcurrencyStamp, target, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ConcurrencyConflictException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message + " Mục tiêu hiện tại được hiển thị ở trên; vui lòng tải lại trang rồi sửa tiếp.");
            await LoadAsync(ct);
            return Page();
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex);
            return Page();
        }

        TempData["Success"] = target is null
            ? $"Đã xóa mục tiêu của chỉ tiêu \"{Outcome.Indicator.Name}\" (chưa đặt)."
            : $"Đã lưu mục tiêu {Outcome.Indicator.TargetYear} của chỉ tiêu \"{Outcome.Indicator.Name}\": {TrendChart.Number(target.Value)} {Outcome.Indicator.Unit}.";
        return RedirectToPage("./Index", new { program = Outcome.ProgramCode });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var outcome = await queries.IndicatorAsync(Id, ct);
        if (outcome is null)
        {
            return false;
        }

        Outcome = outcome;
        return true;
    }
}

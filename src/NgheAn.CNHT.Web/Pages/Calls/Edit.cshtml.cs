using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Calls;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.Calls;

/// <summary>A call being prepared: its fields, the items it opens with their checklists, and publication.</summary>
public sealed class EditModel(CallService calls, CatalogQueries catalog) : PageModel
{
    public const string DefaultChecklist = "Đơn đề nghị hỗ trợ\nGiấy chứng nhận đăng ký doanh nghiệp\nThuyết minh đề án\nDự toán kinh phí\nBáo giá";

    public CallView Call { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Label)> Items { get; private set; } = [];

    [BindProperty]
    public CallForm Input { get; set; } = new();

    [BindProperty]
    [Display(Name = "Phiên bản")]
    public Guid? Stamp { get; set; }

    [BindProperty]
    [Display(Name = "Nội dung hỗ trợ")]
    public int ContentItemId { get; set; }

    [BindProperty]
    [Display(Name = "Danh mục hồ sơ")]
    public string? Checklist { get; set; } = DefaultChecklist;

    [BindProperty]
    [Display(Name = "Nội dung hỗ trợ")]
    public int CallItemId { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Fill();
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct) =>
        RunAsync(id, ModelState.IsValid ? () => calls.UpdateAsync(id, Stamp, Input.ToInput(), ct) : null, "Đã lưu thông báo.", ct, keepInput: true);

    public Task<IActionResult> OnPostAddItemAsync(int id, CancellationToken ct) =>
        RunAsync(id, () => calls.AddItemAsync(id, Stamp, ContentItemId, Checklist, ct), "Đã thêm nội dung vào thông báo.", ct);

    public Task<IActionResult> OnPostRemoveItemAsync(int id, CancellationToken ct) =>
        RunAsync(id, () => calls.RemoveItemAsync(id, Stamp, CallItemId, ct), "Đã bỏ nội dung khỏi thông báo.", ct);

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        RunAsync(id, () => calls.PublishAsync(id, Stamp, ct), "Đã công bố thông báo: doanh nghiệp xem được và nộp hồ sơ trong thời gian nhận.", ct);

    private async Task<IActionResult> RunAsync(int id, Func<Task>? work, string success, CancellationToken ct, bool keepInput = false)
    {
        if (!keepInput)
        {
            // The fields form was not posted: its empty inputs are not errors.
            foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal)).ToList())
            {
                ModelState.Remove(key);
            }
        }

        try
        {
            if (work is not null)
            {
                await work();
                TempData["Success"] = success;
                return RedirectToPage(new { id });
            }
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex);
        }
        catch (ConcurrencyConflictException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!keepInput)
        {
            Fill();
        }

        return Page();
    }

    private void Fill() => Input = new CallForm
    {
        ProgramCode = Call.ProgramCode, Year = Call.Year, Title = Call.Title, Guidance = Call.Guidance, Contact = Call.Contact,
        OpensAt = VnFormat.ToVietnamTime(Call.OpensAt), ClosesAt = VnFormat.ToVietnamTime(Call.ClosesAt),
    };

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var call = await calls.ViewAsync(id, ct);
        if (call is null)
        {
            return false;
        }

        Call = call;
        var program = await catalog.GetAsync(call.ProgramCode, ct);
        Items = program is null ? [] : program.Groups.SelectMany(g => g.Items.Select(i => (i.Id, $"{i.Code} {i.Name}"))).ToList();
        return true;
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Calls;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.Calls;

/// <summary>The Support Center's calls: every call, and a form for a new one (a draft, completed on its own page).</summary>
public sealed class ManageModel(CallService calls, CatalogQueries catalog, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CallRow> Calls { get; private set; } = [];
    public IReadOnlyList<ProgramSummary> Programs { get; private set; } = [];

    [BindProperty]
    public CallForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime);
        Input.Year = today.Year;
        Input.OpensAt = today.ToDateTime(new TimeOnly(8, 0));
        Input.ClosesAt = today.AddDays(30).ToDateTime(new TimeOnly(17, 0));
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        try
        {
            var id = await calls.CreateAsync(Input.ToInput(), ct);
            TempData["Success"] = "Đã lập thông báo (bản nháp). Thêm nội dung và danh mục hồ sơ rồi công bố.";
            return RedirectToPage("./Edit", new { id });
        }
        catch (DomainException ex)
        {
            ModelState.AddDomainError(ex);
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Calls = await calls.AllCallsAsync(100, ct);
        Programs = await catalog.ListProgramsAsync(ct);
    }
}

/// <summary>The fields of a call as typed (times in Vietnam time).</summary>
public sealed class CallForm
{
    [Required(ErrorMessage = "Vui lòng chọn chương trình.")]
    [Display(Name = "Chương trình")]
    public string ProgramCode { get; set; } = "";

    [Range(2000, 2100, ErrorMessage = "Năm không hợp lệ.")]
    [Display(Name = "Năm")]
    public int Year { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập tiêu đề thông báo.")]
    [StringLength(300, ErrorMessage = "Tiêu đề dài tối đa 300 ký tự.")]
    [Display(Name = "Tiêu đề thông báo")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập thời điểm bắt đầu nhận hồ sơ.")]
    [Display(Name = "Bắt đầu nhận hồ sơ (giờ Việt Nam)")]
    public DateTime? OpensAt { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập thời điểm kết thúc nhận hồ sơ.")]
    [Display(Name = "Kết thúc nhận hồ sơ (giờ Việt Nam)")]
    public DateTime? ClosesAt { get; set; }

    [StringLength(8000, ErrorMessage = "Hướng dẫn dài tối đa 8000 ký tự.")]
    [Display(Name = "Hướng dẫn")]
    public string? Guidance { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập thông tin liên hệ.")]
    [StringLength(1000, ErrorMessage = "Thông tin liên hệ dài tối đa 1000 ký tự.")]
    [Display(Name = "Liên hệ")]
    public string Contact { get; set; } = "";

    public CallInput ToInput() => new(ProgramCode, Year, Title, OpensAt!.Value, ClosesAt!.Value, Guidance, Contact);
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Catalog;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Reports;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Authorization;

namespace NgheAn.CNHT.Web.Pages.Reports;

/// <summary>Chuyên viên Sở types the explanation of each group and item for one reporting period.</summary>
public sealed class NarrativesModel(NarrativeService narratives, CatalogQueries catalog, IAuthorizationService auth, TimeProvider clock) : PageModel
{
    public const int MaxLength = 4000;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public NarrativeSheet Sheet { get; private set; } = null!;
    public ReportFilter Filter { get; private set; } = null!;

    public sealed class InputModel
    {
        [Display(Name = "Chương trình")] public string ProgramCode { get; set; } = "";
        [Display(Name = "Từ năm")] public int FromYear { get; set; }
        [Display(Name = "Đến năm")] public int ToYear { get; set; }
        public List<RowInput> Rows { get; set; } = [];
    }

    public sealed class RowInput
    {
        [Display(Name = "Mục giải trình")] public string Key { get; set; } = "";
        [Display(Name = "Nội dung giải trình")] public string? Text { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string? program, int? from, int? to, CancellationToken ct)
    {
        program ??= await catalog.DefaultProgramCodeAsync(VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime).Year, ct);
        if (program is null)
        {
            return NotFound();
        }

        try
        {
            await LoadAsync(program, from, to, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            TempData["Error"] = ex.Message;
            await LoadAsync(program, null, null, ct);
        }

        Input = new InputModel
        {
            ProgramCode = Sheet.ProgramCode,
            FromYear = Sheet.FromYear,
            ToYear = Sheet.ToYear,
            Rows = Sheet.Rows.Select(r => new RowInput { Key = r.Key, Text = r.Text }).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, Policies.EditNarratives)).Succeeded)
        {
            return Forbid();
        }

        for (var i = 0; i < Input.Rows.Count; i++)
        {
            if ((Input.Rows[i].Text?.Trim().Length ?? 0) > MaxLength)
            {
                ModelState.AddModelError($"Input.Rows[{i}].Text", $"Nội dung giải trình dài tối đa {MaxLength:N0} ký tự.");
            }
        }

        if (ModelState.IsValid)
        {
            try
            {
                var changed = await narratives.SaveAsync(Input.ProgramCode, Input.FromYear, Input.ToYear,
                    Input.Rows.Where(r => !string.IsNullOrEmpty(r.Key)).ToDictionary(r => r.Key, r => r.Text), ct);
                TempData["Success"] = changed == 0 ? "Không có thay đổi nào." : $"Đã lưu {changed} nội dung giải trình.";
                return RedirectToPage(new { program = Input.ProgramCode, from = Input.FromYear, to = Input.ToYear });
            }
            catch (DomainException ex)
            {
                ModelState.AddModelError(string.Empty, ex.Message);
            }
            catch (NotFoundException ex)
            {
                ModelState.AddModelError(string.Empty, ex.Message);
            }
        }

        try
        {
            await LoadAsync(Input.ProgramCode, Input.FromYear, Input.ToYear, ct);
        }
        catch (Exception ex) when (ex is NotFoundException or DomainException)
        {
            // A post without a program or period that exists (made by hand): back to the page, with the reason.
            TempData["Error"] = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault(m => m.Length > 0) ?? ex.Message;
            return RedirectToPage();
        }

        return Page();
    }

    private async Task LoadAsync(string program, int? from, int? to, CancellationToken ct)
    {
        Sheet = await narratives.GetAsync(program, from, to, ct);
        Filter = new ReportFilter(await catalog.ListProgramsAsync(ct), Sheet.ProgramCode, Sheet.FromYear, Sheet.ToYear, "Chọn kỳ");
    }
}

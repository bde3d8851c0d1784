using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Indicators;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Web.Authorization;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.Indicators;

/// <summary>
/// A proposal's outputs against its item's indicators (ADR 0171): expected (before acceptance, Chuyên viên Sở or
/// Trung tâm) and actual (recorded with the acceptance step; corrected here afterwards by the Trung tâm).
/// </summary>
public sealed class ProposalModel(IndicatorQueries queries, IndicatorService service, IAuthorizationService auth) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ProposalOutputs Outputs { get; private set; } = null!;
    public bool MayWork { get; private set; }

    public sealed class InputModel
    {
        [Display(Name = "Phiên bản")]
        public string? Version { get; set; }

        [Display(Name = "Kết quả")]
        public List<OutputInput> Rows { get; set; } = [];
    }

    public sealed class OutputInput
    {
        [Display(Name = "Chỉ tiêu")]
        public int IndicatorId { get; set; }

        [Display(Name = "Số lượng")]
        public string? Value { get; set; }
    }

    public bool Accepted => Outputs.Status is ProposalStatus.Accepted or ProposalStatus.Settled;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(fill: true, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostExpectedAsync(CancellationToken ct) =>
        SaveAsync((values, c) => service.SetExpectedAsync(Id, Input.Version, values, c), "Đã lưu kết quả dự kiến của đề án.", ct);

    public Task<IActionResult> OnPostActualAsync(CancellationToken ct) =>
        SaveAsync((values, c) => service.RecordActualsAsync(Id, Input.Version, values, c), "Đã lưu kết quả đạt được khi nghiệm thu.", ct);

    private async Task<IActionResult> SaveAsync(Func<IReadOnlyDictionary<int, decimal>, CancellationToken, Task> save, string success, CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, Policies.WorkOnProposals)).Succeeded)
        {
            return Forbid();
        }

        if (!await LoadAsync(fill: false, ct))
        {
            return NotFound();
        }

        var values = OutputValues.Read(ModelState, "Input.Rows", Input.Rows.Select(r => (r.IndicatorId, r.Value)).ToList(), Outputs.Rows);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await save(values, ct);
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

        TempData["Success"] = success;
        return RedirectToPage(new { id = Id });
    }

    private async Task<bool> LoadAsync(bool fill, CancellationToken ct)
    {
        var outputs = await queries.ForProposalAsync(Id, ct);
        if (outputs is null)
        {
            return false;
        }

        Outputs = outputs;
        MayWork = (await auth.AuthorizeAsync(User, Policies.WorkOnProposals)).Succeeded;
        if (fill)
        {
            Input.Version = outputs.Version;
            Input.Rows = outputs.Rows.Select(r => new OutputInput
            {
                IndicatorId = r.IndicatorId,
                Value = (Accepted ? r.Actual : r.Expected)?.ToString("#,##0", VnFormat.Culture),
            }).ToList();
        }

        return true;
    }
}

/// <summary>Reads the numbers typed against indicators (blank = not stated); shared by the outputs page and the acceptance step.</summary>
public static class OutputValues
{
    public static IReadOnlyDictionary<int, decimal> Read(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string prefix,
        IReadOnlyList<(int IndicatorId, string? Value)> rows, IReadOnlyList<ProposalOutputView> indicators)
    {
        var values = new Dictionary<int, decimal>();
        for (var i = 0; i < rows.Count; i++)
        {
            var text = (rows[i].Value ?? "").Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
            if (text.Length == 0)
            {
                continue;
            }

            var label = indicators.FirstOrDefault(x => x.IndicatorId == rows[i].IndicatorId)?.Label ?? "Chỉ tiêu";
            if (!decimal.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                state.AddModelError($"{prefix}[{i}].Value", $"{label}: phải là số nguyên không âm.");
                continue;
            }

            values[rows[i].IndicatorId] = value;
        }

        return values;
    }
}

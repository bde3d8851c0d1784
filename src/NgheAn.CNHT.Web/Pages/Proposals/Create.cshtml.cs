using Microsoft.AspNetCore.Mvc;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Web.Pages.Proposals;

public sealed class CreateModel(ProposalQueries queries, ProposalService proposals, TimeProvider clock) : ProposalFormModel(queries)
{
    public override bool IsEdit => false;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        // Default years: this year, kept inside the period of the program that has items to choose from.
        var year = VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime).Year;
        var withItems = Choices.Groups.Where(g => g.Items.Count > 0).Select(g => g.ProgramId).ToHashSet();
        var program = Choices.Programs.Where(p => withItems.Contains(p.Id)).OrderByDescending(p => p.StartYear <= year && year <= p.EndYear).ThenByDescending(p => p.StartYear).FirstOrDefault();
        if (program is not null)
        {
            year = Math.Clamp(year, program.StartYear, program.EndYear);
        }

        Input.StartYear = year;
        Input.EndYear = year;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = await ReadInputAsync(proposals, null, ct);
        if (input is not null)
        {
            try
            {
                var id = await proposals.CreateAsync(input, ct);
                TempData["Success"] = "Đã tạo đề án (dự thảo). Kiểm tra lại, đính kèm hồ sơ rồi nộp hồ sơ.";
                return RedirectToPage("./Details", new { id });
            }
            catch (DomainException ex)
            {
                AddDomainError(ex);
            }
        }

        await LoadChoicesAsync(ct);
        return Page();
    }
}

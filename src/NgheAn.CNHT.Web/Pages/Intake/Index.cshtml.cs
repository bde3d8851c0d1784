using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Applications;
using NgheAn.CNHT.Domain.Applications;

namespace NgheAn.CNHT.Web.Pages.Intake;

/// <summary>The Support Center's intake queue: submitted applications, oldest first, with their age and completeness.</summary>
public sealed class IndexModel(ApplicationQueries queries, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "status")]
    public ApplicationStatus? Status { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public QueuePage Queue { get; private set; } = null!;
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Status is { } s && !Enum.IsDefined(s))
        {
            Status = null;
        }

        Now = clock.GetUtcNow().UtcDateTime;
        Queue = await queries.QueueAsync(Status, PageNumber, ct);
    }
}

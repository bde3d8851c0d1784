using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Applications;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Enterprises;
using NgheAn.CNHT.Application.SupportRules;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Web.Pages.Intake;

/// <summary>One submitted application at the Support Center: request a supplement, decline with a reason, or accept into a proposal.</summary>
public sealed class DetailsModel(ApplicationQueries queries, IntakeService intake, DossierFileStore files, IApplicationReceiptWriter receipts, TimeProvider clock,
    SupportRuleChecks rules) : PageModel
{
    public ApplicationView Application { get; private set; } = null!;

    /// <summary>The support rules checked on the application's figures (issue 18), before it becomes a proposal.</summary>
    public ProposalRulePanel? RulePanel { get; private set; }

    [BindProperty]
    [Display(Name = "Phiên bản")]
    public Guid? Stamp { get; set; }

    [BindProperty]
    [Display(Name = "Nội dung yêu cầu")]
    public string? Message { get; set; }

    [BindProperty]
    [Display(Name = "Hạn bổ sung")]
    public DateOnly? Deadline { get; set; }

    [BindProperty]
    [Display(Name = "Lý do")]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Deadline = VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime).AddDays(10);
        return Page();
    }

    public Task<IActionResult> OnPostSupplementAsync(int id, CancellationToken ct) =>
        RunAsync(id, async () => { await intake.RequestSupplementAsync(id, Stamp, Message, Deadline, ct); return RedirectToPage(new { id }); }, "Đã gửi yêu cầu bổ sung hồ sơ tới doanh nghiệp.", ct);

    public Task<IActionResult> OnPostDeclineAsync(int id, CancellationToken ct) =>
        RunAsync(id, async () => { await intake.DeclineAsync(id, Stamp, Reason, ct); return RedirectToPage(new { id }); }, "Đã ghi không tiếp nhận hồ sơ và báo doanh nghiệp.", ct);

    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct) =>
        RunAsync(id, async () =>
        {
            var proposalId = await intake.AcceptAsync(id, Stamp, ct);
            return RedirectToPage("/Proposals/Details", new { id = proposalId });
        }, "Đã tiếp nhận hồ sơ thành đề án (trạng thái Hồ sơ đã nộp).", ct);

    public async Task<IActionResult> OnGetFileAsync(int id, int documentId, CancellationToken ct)
    {
        var file = await queries.DocumentFileAsync(id, documentId, files, ct);
        return file is null ? NotFound() : File(file.Data, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnGetReceiptAsync(int id, CancellationToken ct)
    {
        var view = await queries.ViewAsync(id, ct);
        return view?.Code is null ? NotFound() : File(receipts.Receipt(view, clock.GetUtcNow().UtcDateTime), "application/pdf", $"giay-bien-nhan-{view.Code}.pdf");
    }

    private async Task<IActionResult> RunAsync(int id, Func<Task<IActionResult>> work, string success, CancellationToken ct)
    {
        try
        {
            var result = await work();
            TempData["Success"] = success;
            return result;
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(ex.Field is "Message" or "Deadline" or "Reason" ? ex.Field : string.Empty, ex.Message);
        }
        catch (ConcurrencyConflictException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var view = await queries.ViewAsync(id, ct);
        if (view is null)
        {
            return false;
        }

        Application = view;
        var referenceDate = DateOnly.FromDateTime(NgheAn.CNHT.Domain.Common.VnFormat.ToVietnamTime(view.SubmittedAt ?? clock.GetUtcNow().UtcDateTime));
        RulePanel = await rules.ApplicationPanelAsync(view.CallItemId, view.OrganizationId, referenceDate, view.StartYear, view.TotalCost, view.RequestedSupport, view.Counterpart,
            view.Lines.Select(l => new NgheAn.CNHT.Domain.SupportRules.CostLine(l.Description, l.Unit, l.Quantity, l.UnitPrice)).ToList(), ct);
        return true;
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Web.Authorization;
using NgheAn.CNHT.Web.Services;

namespace NgheAn.CNHT.Web.Pages.Proposals;

/// <summary>The lifecycle steps of the proposal page: each a named handler that reads its form and makes one application call.</summary>
public sealed partial class DetailsModel
{
    /// <summary>Where the domain's field names land in the step forms.</summary>
    private static readonly Dictionary<string, string> ActionFieldMap = new()
    {
        ["AppraisalOpinion"] = nameof(ActionInput.Comment),
        ["AcceptanceResult"] = nameof(ActionInput.Comment),
        ["AppraisalDate"] = nameof(ActionInput.Date),
        ["DecisionDate"] = nameof(ActionInput.Date),
        ["AcceptanceDate"] = nameof(ActionInput.Date),
        ["RecommendedTotalCost"] = nameof(ActionInput.TotalCost),
        ["ApprovedTotalCost"] = nameof(ActionInput.TotalCost),
        ["RecommendedProvincialShare"] = nameof(ActionInput.ProvincialShare),
        ["ApprovedProvincialShare"] = nameof(ActionInput.ProvincialShare),
    };

    private static readonly HashSet<string> ActionFields =
        [nameof(ActionInput.Comment), nameof(ActionInput.Date), nameof(ActionInput.DecisionNumber), nameof(ActionInput.TotalCost), nameof(ActionInput.ProvincialShare),
         nameof(ActionInput.OverrideReason)];

    /// <summary>The fields of every step form; each form shows the ones its step needs.</summary>
    public sealed class ActionInput
    {
        [Display(Name = "Phiên bản")]
        public Guid? Stamp { get; set; }

        [Display(Name = "Ý kiến")]
        public string? Comment { get; set; }

        [Display(Name = "Ngày")]
        public DateOnly? Date { get; set; }

        [Display(Name = "Số quyết định")]
        public string? DecisionNumber { get; set; }

        [Display(Name = "Tổng kinh phí")]
        public string? TotalCost { get; set; }

        [Display(Name = "Ngân sách tỉnh hỗ trợ")]
        public string? ProvincialShare { get; set; }

        /// <summary>A leader approving above a cap says why (recorded and audited with the violations).</summary>
        [Display(Name = "Lý do phê duyệt vượt định mức")]
        public string? OverrideReason { get; set; }
    }

    [BindProperty]
    public ActionInput Act { get; set; } = new();

    /// <summary>The step whose form is open (after a refusal, so the user sees the message in it).</summary>
    public ProposalAction? OpenAction { get; private set; }
    public ConcurrencyConflictException? Conflict { get; private set; }
    /// <summary>Today in Vietnam, the default date of the step forms.</summary>
    public DateOnly Today => VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime);

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) =>
        StepAsync(id, ProposalAction.Submit, () => proposals.SubmitAsync(id, Act.Stamp, Act.Comment, ct), "Đã nộp hồ sơ đề án.", ct);

    public Task<IActionResult> OnPostAppraiseAsync(int id, CancellationToken ct)
    {
        var date = RequireDate("Vui lòng nhập ngày thẩm định.");
        var amounts = ReadAmounts("Tổng kinh phí đề nghị hỗ trợ", "Ngân sách tỉnh đề nghị hỗ trợ");
        return StepAsync(id, ProposalAction.Appraise,
            date is null || amounts is null ? null : () => proposals.AppraiseAsync(id, Act.Stamp, date.Value, Act.Comment ?? "", amounts.Value.Total, amounts.Value.Share, ct),
            "Đã ghi kết quả thẩm định.", ct);
    }

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct)
    {
        var date = RequireDate("Vui lòng nhập ngày quyết định phê duyệt.");
        var amounts = ReadAmounts("Tổng kinh phí được duyệt", "Ngân sách tỉnh được duyệt");
        return StepAsync(id, ProposalAction.Approve,
            date is null || amounts is null ? null : () => proposals.ApproveAsync(id, Act.Stamp, Act.DecisionNumber ?? "", date.Value, amounts.Value.Total, amounts.Value.Share, Act.Comment, Act.OverrideReason, ct),
            "Đã phê duyệt đề án.", ct);
    }

    public Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct) =>
        StepAsync(id, ProposalAction.Reject, () => proposals.RejectAsync(id, Act.Stamp, Act.Comment ?? "", ct), "Đã ghi quyết định không phê duyệt đề án.", ct);

    public Task<IActionResult> OnPostStartImplementationAsync(int id, CancellationToken ct) =>
        StepAsync(id, ProposalAction.StartImplementation, () => proposals.StartImplementationAsync(id, Act.Stamp, Act.Comment, ct), "Đề án đã chuyển sang đang thực hiện.", ct);

    /// <summary>The acceptance minutes (biên bản nghiệm thu), attached with the acceptance step.</summary>
    [Display(Name = "Biên bản nghiệm thu")] [BindProperty]
    public IFormFile? Minutes { get; set; }

    /// <summary>The actual outputs typed with the acceptance step, per indicator of the item (issue 19, ADR 0171).</summary>
    [Display(Name = "Kết quả đạt được theo chỉ tiêu")] [BindProperty]
    public List<Indicators.ProposalModel.OutputInput> Outputs { get; set; } = [];

    public async Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct)
    {
        var date = RequireDate("Vui lòng nhập ngày nghiệm thu.");
        var minutes = Minutes is { Length: > 0 } file ? file : null;
        var actuals = Indicators.OutputValues.Read(ModelState, "Outputs", Outputs.Select(o => (o.IndicatorId, o.Value)).ToList(), []);
        return await StepAsync(id, ProposalAction.Accept,
            date is null ? null : async () =>
            {
                if (actuals.Count > 0)
                {
                    // Acceptance, minutes and outputs in one transaction: any refusal leaves the proposal as it was.
                    await using var content = minutes?.OpenReadStream();
                    await indicators.AcceptWithOutputsAsync(id, Act.Stamp, date.Value, Act.Comment ?? "", actuals, minutes?.FileName, content, ct);
                    return;
                }

                if (minutes is null)
                {
                    await proposals.AcceptAsync(id, Act.Stamp, date.Value, Act.Comment ?? "", ct);
                    return;
                }

                // One transaction with its minutes: a refused file leaves the proposal as it was.
                await using var stream = minutes.OpenReadStream();
                await proposals.AcceptWithMinutesAsync(id, Act.Stamp, date.Value, Act.Comment ?? "", minutes.FileName, stream, ct);
            },
            minutes is null ? "Đã ghi kết quả nghiệm thu." : "Đã ghi kết quả nghiệm thu và đính kèm biên bản.", ct);
    }

    public Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct) =>
        StepAsync(id, ProposalAction.Cancel, () => proposals.CancelAsync(id, Act.Stamp, Act.Comment ?? "", ct), "Đã hủy đề án.", ct);

    public Task<IActionResult> OnPostReturnForRevisionAsync(int id, CancellationToken ct) =>
        StepAsync(id, ProposalAction.ReturnForRevision, () => proposals.ReturnForRevisionAsync(id, Act.Stamp, Act.Comment ?? "", ct), "Đã trả lại hồ sơ để chỉnh sửa.", ct);

    private async Task<IActionResult> StepAsync(int id, ProposalAction action, Func<Task>? step, string success, CancellationToken ct)
    {
        if (!await MayAsync(Policies.WorkOnProposals))
        {
            return Forbid();
        }

        OpenAction = action;
        if (step is not null && ModelState.IsValid)
        {
            try
            {
                await step();
                TempData["Success"] = success;
                return RedirectToPage(new { id });
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
            catch (ConcurrencyConflictException ex)
            {
                Conflict = ex;
                OpenAction = null;
            }
            catch (DomainException ex)
            {
                ModelState.AddDomainError(ex, "Act.", ActionFieldMap, ActionFields);
            }
        }

        return await ShowAsync(id, ct);
    }

    private DateOnly? RequireDate(string message)
    {
        if (Act.Date is null && !ModelState.ContainsKey("Act.Date"))
        {
            ModelState.AddModelError("Act.Date", message);
        }

        return Act.Date;
    }

    private (decimal Total, decimal Share)? ReadAmounts(string totalLabel, string shareLabel)
    {
        var okTotal = ModelState.TryReadAmount("Act.TotalCost", Act.TotalCost, totalLabel, out var total);
        var okShare = ModelState.TryReadAmount("Act.ProvincialShare", Act.ProvincialShare, shareLabel, out var share);
        return okTotal && okShare ? (total, share) : null;
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;
using NgheAn.CNHT.Web.Authorization;
using NgheAn.CNHT.Web.Services;

namespace NgheAn.CNHT.Web.Pages.Proposals;

/// <summary>
/// One proposal: its fields, amounts, history, files and ledger, and the lifecycle steps the user's role
/// may take now (each a small form posting to a named handler). Whether a step is allowed is decided by
/// the domain, so a step posted by hand with the wrong role or in the wrong state is refused with a message.
/// </summary>
public sealed class DetailsModel(
    ProposalQueries queries,
    ProposalService proposals,
    AttachmentService attachments,
    IAuthorizationService auth,
    ICurrentUser currentUser,
    Application.SupportRules.SupportRuleChecks supportRules,
    IUserDirectory people,
    DossierChecklist checklist,
    Application.Indicators.IndicatorService indicators,
    TimeProvider clock) : PageModel
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

    public sealed class UploadInput
    {
        [Display(Name = "Loại hồ sơ")]
        public DocumentType DocumentType { get; set; } = DocumentType.Application;

        [Display(Name = "Mô tả")]
        public string? Description { get; set; }

        [Display(Name = "Tệp")]
        public IFormFile? File { get; set; }
    }

    [BindProperty]
    public ActionInput Act { get; set; } = new();

    [BindProperty]
    [Display(Name = "Hồ sơ tải lên")]
    public UploadInput Upload { get; set; } = new();

    public ProposalDetails Proposal { get; private set; } = null!;
    /// <summary>The support rules checked against the proposal's current figures (the domain's one checker).</summary>
    public Application.SupportRules.ProposalRulePanel? RulePanel { get; private set; }
    public IReadOnlyList<ProposalAction> Actions { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanUpload { get; private set; }
    public bool CanViewAudit { get; private set; }
    public bool IsLeader { get; private set; }
    public string UserName { get; private set; } = "";
    /// <summary>The step whose form is open (after a refusal, so the user sees the message in it).</summary>
    public ProposalAction? OpenAction { get; private set; }
    public bool UploadOpen { get; private set; }
    public ConcurrencyConflictException? Conflict { get; private set; }
    public long MaxBytes => attachments.MaxBytes;
    /// <summary>Today in Vietnam, the default date of the step forms.</summary>
    public DateOnly Today => VnFormat.TodayInVietnam(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await ShowAsync(id, ct);

    /// <summary>Streams a dossier file as a download, never rendered inline.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(int id, int attachmentId, CancellationToken ct)
    {
        var file = await attachments.DownloadAsync(id, attachmentId, ct);
        if (file is null)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return File(file.Data, file.ContentType, file.FileName);
    }

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

    public async Task<IActionResult> OnPostUploadAsync(int id, CancellationToken ct)
    {
        if (!await MayAsync(Policies.WorkOnProposals))
        {
            return Forbid();
        }

        UploadOpen = true;
        // A document type that is not in the list (a hand-made post) is refused, never filed under the first type.
        if (ModelState.GetFieldValidationState("Upload.DocumentType") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            || !Enum.IsDefined(Upload.DocumentType))
        {
            ModelState.Remove("Upload.DocumentType");
            ModelState.AddModelError("Upload.DocumentType", "Vui lòng chọn loại hồ sơ trong danh sách.");
            return await ShowAsync(id, ct);
        }

        if (Upload.File is not { Length: > 0 } file)
        {
            ModelState.AddModelError("Upload.File", "Vui lòng chọn tệp cần đính kèm.");
            return await ShowAsync(id, ct);
        }

        try
        {
            await using var stream = file.OpenReadStream();
            await attachments.UploadAsync(id, Upload.DocumentType, file.FileName, stream, Upload.Description, ct);
            TempData["Success"] = "Đã đính kèm tệp vào hồ sơ đề án.";
            return RedirectToPage(new { id });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(ex.Field == "File" ? "Upload.File" : ex.Field is null ? string.Empty : "Upload." + ex.Field, ex.Message);
            return await ShowAsync(id, ct);
        }
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, int attachmentId, CancellationToken ct)
    {
        if (!await MayAsync(Policies.WorkOnProposals))
        {
            return Forbid();
        }

        try
        {
            await attachments.WithdrawAsync(id, attachmentId, ct);
            TempData["Success"] = "Đã rút tệp khỏi hồ sơ (tệp vẫn được lưu trong nhật ký).";
            return RedirectToPage(new { id });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return await ShowAsync(id, ct);
        }
    }

    /// <summary>Large uploads: lift Kestrel's body limit for this handler only, to the configured file size plus the form.</summary>
    [NonHandler]
    public override Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        if ((string.Equals(context.HandlerMethod?.Name, "Upload", StringComparison.Ordinal) || string.Equals(context.HandlerMethod?.Name, "Accept", StringComparison.Ordinal))
            && context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = attachments.MaxBytes + (1024 * 1024);
        }

        return Task.CompletedTask;
    }

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

    private async Task<bool> MayAsync(string policy) => (await auth.AuthorizeAsync(User, policy)).Succeeded;

    private async Task<IActionResult> ShowAsync(int id, CancellationToken ct)
    {
        var details = await queries.DetailsAsync(id, ct);
        if (details is null)
        {
            return NotFound();
        }

        Proposal = details;
        RulePanel = await supportRules.PanelAsync(id, ct);
        Checklist = await checklist.ForProposalAsync(id, ct);
        SubmitRefusal = DossierChecklist.Refusal(Checklist)?.Message;
        if (!UploadOpen && Checklist.FirstOrDefault(c => c.Document.IsMandatory && !c.IsMet) is { } firstMissing)
        {
            Upload.DocumentType = firstMissing.Document.DocumentType;
        }

        People = await people.NamesWithTitlesAsync(
            new[] { details.CreatedBy, details.UpdatedBy }.Concat(details.Attachments.Select(a => a.UploadedBy)).OfType<string>().ToList(), ct);
        var actor = currentUser.Actor;
        UserName = actor.UserName;
        IsLeader = actor.IsIn(Roles.DoitLeader);
        // Settlement is recorded with the ledger (the disbursement feature), not from this list.
        Actions = ProposalWorkflow.AvailableActions(details.Status, actor).Where(a => a != ProposalAction.Settle).ToList();
        CanEdit = details.Status == ProposalStatus.Draft && await MayAsync(Policies.EditProposals);
        CanUpload = AttachmentService.UploadRoles.Any(actor.IsIn);
        CanViewAudit = await MayAsync(Policies.ViewAudit);
        return Page();
    }

    /// <summary>The item's dossier checklist against the files attached (empty for department-run items).</summary>
    public IReadOnlyList<ChecklistEntry> Checklist { get; private set; } = [];

    /// <summary>Why "Nộp hồ sơ" would be refused now (missing mandatory documents), or null.</summary>
    public string? SubmitRefusal { get; private set; }

    /// <summary>Names and titles of the people the page names (never an account's e-mail when a name is known).</summary>
    public IReadOnlyDictionary<string, string> People { get; private set; } = new Dictionary<string, string>();

    public string Person(string? userName) => userName is null ? "" : People.TryGetValue(userName, out var name) ? name : userName;

    public bool CanWithdraw(AttachmentRow a) => !a.IsDeleted && attachments.MayWithdraw(a.UploadedBy);
}

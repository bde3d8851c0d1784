using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
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
/// This file shows the page; the step handlers are in Details.Steps.cs, the dossier's files in Details.Files.cs.
/// </summary>
public sealed partial class DetailsModel(
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
    public ProposalDetails Proposal { get; private set; } = null!;
    /// <summary>The support rules checked against the proposal's current figures (the domain's one checker).</summary>
    public Application.SupportRules.ProposalRulePanel? RulePanel { get; private set; }
    public IReadOnlyList<ProposalAction> Actions { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanUpload { get; private set; }
    public bool CanViewAudit { get; private set; }
    public bool IsLeader { get; private set; }
    public string UserName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await ShowAsync(id, ct);

    private async Task<bool> MayAsync(string policy) => (await auth.AuthorizeAsync(User, policy)).Succeeded;

    private async Task<IActionResult> ShowAsync(int id, CancellationToken ct)
    {
        var details = await queries.DetailsAsync(id, ct);
        if (details is null)
        {
            return NotFound();
        }

        Proposal = details;
        // The panel and the checklist take what the details read (the proposal, its history and files) instead of reading
        // them again: fewer queries per view, and fewer to compile on the page's first visit (ADR 0235).
        RulePanel = await supportRules.PanelAsync(Application.SupportRules.ProposalRuleSubject.Of(details), ct);
        Checklist = await checklist.ForDetailsAsync(details, ct);
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

}

using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Domain.Applications;

public enum ApplicationStatus
{
    /// <summary>Being written by the enterprise; nobody else sees it.</summary>
    Draft,
    /// <summary>Submitted (or resubmitted): waits in the Support Center's intake queue.</summary>
    Submitted,
    /// <summary>The Support Center asked for more documents or corrections; the enterprise edits and resubmits.</summary>
    SupplementRequested,
    /// <summary>Declined by the Support Center, with a reason.</summary>
    Declined,
    /// <summary>Accepted: a proposal in status Submitted carries it on (<see cref="GrantApplication.ProposalId"/>).</summary>
    Accepted,
}

public enum ApplicationAction
{
    Create,
    Submit,
    RequestSupplement,
    Resubmit,
    Decline,
    Accept,
}

/// <summary>One allowed step of an application: from which statuses, to which, by whom.</summary>
public sealed record ApplicationRule(ApplicationAction Action, IReadOnlySet<ApplicationStatus> From, ApplicationStatus To, string Role);

/// <summary>The application's lifecycle as data, read by the domain, the pages and the tests (like ProposalWorkflow).</summary>
public static class ApplicationWorkflow
{
    public static IReadOnlyList<ApplicationRule> Rules { get; } =
    [
        new(ApplicationAction.Submit, new HashSet<ApplicationStatus> { ApplicationStatus.Draft }, ApplicationStatus.Submitted, Roles.Enterprise),
        new(ApplicationAction.RequestSupplement, new HashSet<ApplicationStatus> { ApplicationStatus.Submitted }, ApplicationStatus.SupplementRequested, Roles.SupportCenter),
        new(ApplicationAction.Resubmit, new HashSet<ApplicationStatus> { ApplicationStatus.SupplementRequested }, ApplicationStatus.Submitted, Roles.Enterprise),
        new(ApplicationAction.Decline, new HashSet<ApplicationStatus> { ApplicationStatus.Submitted, ApplicationStatus.SupplementRequested }, ApplicationStatus.Declined, Roles.SupportCenter),
        new(ApplicationAction.Accept, new HashSet<ApplicationStatus> { ApplicationStatus.Submitted }, ApplicationStatus.Accepted, Roles.SupportCenter),
    ];

    /// <summary>Statuses in which the enterprise may change fields, lines and documents.</summary>
    public static IReadOnlySet<ApplicationStatus> Editable { get; } = new HashSet<ApplicationStatus> { ApplicationStatus.Draft, ApplicationStatus.SupplementRequested };

    public static ApplicationRule Resolve(ApplicationAction action, ApplicationStatus current, Actor actor)
    {
        var rule = Rules.FirstOrDefault(r => r.Action == action && r.From.Contains(current))
            ?? throw new DomainException($"Không thể thực hiện thao tác \"{action.DisplayName()}\" khi hồ sơ đang ở trạng thái \"{current.DisplayName()}\".");
        if (!actor.IsIn(rule.Role))
        {
            throw new DomainException($"Thao tác \"{action.DisplayName()}\" chỉ dành cho: {Roles.DisplayName(rule.Role)}.");
        }

        return rule;
    }

    public static IReadOnlyList<ApplicationAction> Available(ApplicationStatus status, Actor actor) =>
        Rules.Where(r => r.From.Contains(status) && actor.IsIn(r.Role)).Select(r => r.Action).Distinct().ToList();

    public static string DisplayName(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "Đang soạn",
        ApplicationStatus.Submitted => "Đã nộp, chờ tiếp nhận",
        ApplicationStatus.SupplementRequested => "Yêu cầu bổ sung",
        ApplicationStatus.Declined => "Không tiếp nhận",
        ApplicationStatus.Accepted => "Đã tiếp nhận thành đề án",
        _ => status.ToString(),
    };

    public static string DisplayName(this ApplicationAction action) => action switch
    {
        ApplicationAction.Create => "Tạo hồ sơ",
        ApplicationAction.Submit => "Nộp hồ sơ",
        ApplicationAction.RequestSupplement => "Yêu cầu bổ sung hồ sơ",
        ApplicationAction.Resubmit => "Nộp bổ sung",
        ApplicationAction.Decline => "Không tiếp nhận",
        ApplicationAction.Accept => "Tiếp nhận thành đề án",
        _ => action.ToString(),
    };
}

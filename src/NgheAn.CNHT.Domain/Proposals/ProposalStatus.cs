namespace NgheAn.CNHT.Domain.Proposals;

public enum ProposalStatus
{
    Draft,
    Submitted,
    Appraised,
    Approved,
    Rejected,
    Implementing,
    Accepted,
    Settled,
    Cancelled,
}

public enum ProposalAction
{
    Submit,
    Appraise,
    Approve,
    Reject,
    StartImplementation,
    Accept,
    Settle,
    Cancel,
    ReturnForRevision,
}

public static class ProposalStatusText
{
    /// <summary>
    /// Statuses whose proposals count in every report: approved and later. Draft, submitted, appraised,
    /// rejected and cancelled proposals are never counted (docs/decisions/0003-what-the-appendix-counts.md).
    /// </summary>
    public static IReadOnlyList<ProposalStatus> Counted { get; } =
        [ProposalStatus.Approved, ProposalStatus.Implementing, ProposalStatus.Accepted, ProposalStatus.Settled];

    public static bool IsCounted(this ProposalStatus status) => Counted.Contains(status);

    public static string DisplayName(this ProposalStatus status) => status switch
    {
        ProposalStatus.Draft => "Dự thảo",
        ProposalStatus.Submitted => "Hồ sơ đã nộp",
        ProposalStatus.Appraised => "Đã thẩm định",
        ProposalStatus.Approved => "Đã phê duyệt",
        ProposalStatus.Rejected => "Không phê duyệt",
        ProposalStatus.Implementing => "Đang thực hiện",
        ProposalStatus.Accepted => "Đã nghiệm thu",
        ProposalStatus.Settled => "Đã quyết toán",
        ProposalStatus.Cancelled => "Đã hủy",
        _ => status.ToString(),
    };

    public static string DisplayName(this ProposalAction action) => action switch
    {
        ProposalAction.Submit => "Nộp hồ sơ",
        ProposalAction.Appraise => "Ghi kết quả thẩm định",
        ProposalAction.Approve => "Phê duyệt",
        ProposalAction.Reject => "Không phê duyệt",
        ProposalAction.StartImplementation => "Bắt đầu thực hiện",
        ProposalAction.Accept => "Nghiệm thu",
        ProposalAction.Settle => "Quyết toán",
        ProposalAction.Cancel => "Hủy đề án",
        ProposalAction.ReturnForRevision => "Trả lại để chỉnh sửa",
        _ => action.ToString(),
    };
}

using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.Enterprises;

/// <summary>What the lead enterprise is told at each step of its proposal (none for steps it does not see).</summary>
public static class EnterpriseStepNotice
{
    public static async Task AddAsync(EnterpriseNotices notices, Proposal proposal, ProposalAction action, CancellationToken ct)
    {
        var text = action switch
        {
            ProposalAction.Appraise => $"Đề án {proposal.Code} đã có kết quả thẩm định, chờ Lãnh đạo Sở phê duyệt.",
            ProposalAction.Approve => $"Đề án {proposal.Code} đã được phê duyệt (quyết định số {proposal.DecisionNumber}): tổng kinh phí {VnFormat.Dong(proposal.ApprovedTotalCost ?? 0)} đồng, ngân sách tỉnh hỗ trợ {VnFormat.Dong(proposal.ApprovedProvincialShare ?? 0)} đồng.",
            ProposalAction.Reject => $"Đề án {proposal.Code} không được phê duyệt: {proposal.ClosingReason}",
            ProposalAction.StartImplementation => $"Đề án {proposal.Code} chuyển sang thực hiện; khi hoàn thành, doanh nghiệp nộp báo cáo kết quả và hồ sơ nghiệm thu trên cổng.",
            ProposalAction.Accept => $"Đề án {proposal.Code} đã được nghiệm thu.",
            ProposalAction.Settle => $"Đề án {proposal.Code} đã được quyết toán.",
            ProposalAction.Cancel => $"Đề án {proposal.Code} đã bị hủy: {proposal.ClosingReason}",
            ProposalAction.ReturnForRevision => $"Đề án {proposal.Code} được trả lại để chỉnh sửa, bổ sung; Trung tâm sẽ liên hệ doanh nghiệp.",
            _ => null,
        };
        if (text is null || proposal.Id == 0)
        {
            return;
        }

        await notices.ToOrganizationAsync(proposal.LeadOrganizationId, proposal.Id, text, $"Đề án {proposal.Code}: {action.DisplayName().ToLower(VnFormat.Culture)}",
            $"/DoanhNghiep/DeAn/{proposal.Id}", ct);
    }
}

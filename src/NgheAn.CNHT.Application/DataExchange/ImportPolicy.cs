using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Application.DataExchange;

/// <summary>
/// Who may bring what in through a workbook (ADR 0041): a file never carries a decision further than the importer's
/// own powers. The import walks rows with <see cref="ImportActors.Import"/>, which holds every step's role, so this
/// policy is what keeps the real person's limits.
/// </summary>
internal static class ImportPolicy
{
    /// <summary>
    /// Why <paramref name="importer"/> may not import a proposal already at <paramref name="target"/>, or null when they
    /// may. Appraised rows need the Support Center or leadership; approved-and-later rows (and rejected ones, and
    /// cancelled ones that carry an approval, <paramref name="approved"/>) need DOIT leadership. The command line (an
    /// operator on the server, <see cref="Actor.System"/>) may import everything.
    /// </summary>
    public static string? MayNotImport(Actor importer, ProposalStatus target, bool approved)
    {
        if (importer == Actor.System || importer.IsIn(Roles.DoitLeader))
        {
            return null;
        }

        var status = target.DisplayName();
        if (approved || target is ProposalStatus.Rejected)
        {
            return $"Đề án ở trạng thái \"{status}\" mang theo quyết định của Lãnh đạo Sở: chỉ tài khoản Lãnh đạo Sở nhập được dòng này. Chuyên viên và Trung tâm nhập đề án ở trạng thái \"Dự thảo\" hoặc \"Hồ sơ đã nộp\".";
        }

        return target == ProposalStatus.Appraised && !importer.IsIn(Roles.SupportCenter)
            ? $"Đề án ở trạng thái \"{status}\" mang theo kết quả thẩm định: chỉ Trung tâm Hỗ trợ hoặc Lãnh đạo Sở nhập được dòng này."
            : null;
    }

    /// <summary>Plan targets are DOIT's: specialists, leadership and the command line may revise them from a file.</summary>
    public static bool MayRevisePlan(Actor importer) =>
        importer == Actor.System || importer.IsIn(Roles.DoitSpecialist) || importer.IsIn(Roles.DoitLeader);
}

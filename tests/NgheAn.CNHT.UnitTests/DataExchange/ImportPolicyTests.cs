using NgheAn.CNHT.Application.DataExchange;
using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.UnitTests.DataExchange;

/// <summary>
/// Who may import a row at which status (ADR 0041), written out as a literal table: each cell is what the policy must
/// answer, not something derived from the policy or from the workflow table. Who may open the import at all is the
/// pages' policy (AuthorizationMatrixTests).
/// </summary>
public sealed class ImportPolicyTests
{
    private static Actor As(string role) => new(role.ToLowerInvariant() + "@cnht.test", role, new HashSet<string> { role });

    private static Actor Importer(string who) => who == "System" ? Actor.System : As(who);

    // Row: target status, whether the row carries an approval; then System, DoitLeader, SupportCenter, DoitSpecialist.
    // "ok" may import; "leader" refused as leadership's decision; "appraisal" refused as the appraisal's result.
    public static TheoryData<ProposalStatus, bool, string, string, string, string> Table() => new()
    {
        { ProposalStatus.Draft, false, "ok", "ok", "ok", "ok" },
        { ProposalStatus.Submitted, false, "ok", "ok", "ok", "ok" },
        { ProposalStatus.Appraised, false, "ok", "ok", "ok", "appraisal" },
        { ProposalStatus.Approved, true, "ok", "ok", "leader", "leader" },
        { ProposalStatus.Implementing, true, "ok", "ok", "leader", "leader" },
        { ProposalStatus.Accepted, true, "ok", "ok", "leader", "leader" },
        { ProposalStatus.Settled, true, "ok", "ok", "leader", "leader" },
        { ProposalStatus.Rejected, false, "ok", "ok", "leader", "leader" },
        { ProposalStatus.Cancelled, false, "ok", "ok", "ok", "ok" },
        { ProposalStatus.Cancelled, true, "ok", "ok", "leader", "leader" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_importer_brings_in_a_row_only_as_far_as_their_own_powers(ProposalStatus target, bool approved,
        string system, string leader, string center, string specialist)
    {
        foreach (var (who, expected) in new[] { ("System", system), (Roles.DoitLeader, leader), (Roles.SupportCenter, center), (Roles.DoitSpecialist, specialist) })
        {
            var refusal = ImportPolicy.MayNotImport(Importer(who), target, approved);
            var status = $"\"{target.DisplayName()}\"";
            switch (expected)
            {
                case "ok":
                    Assert.True(refusal is null, $"{who} imports {target}: {refusal}");
                    break;
                case "leader":
                    Assert.Equal($"Đề án ở trạng thái {status} mang theo quyết định của Lãnh đạo Sở: chỉ tài khoản Lãnh đạo Sở nhập được dòng này. Chuyên viên và Trung tâm nhập đề án ở trạng thái \"Dự thảo\" hoặc \"Hồ sơ đã nộp\".", refusal);
                    break;
                default:
                    Assert.Equal($"Đề án ở trạng thái {status} mang theo kết quả thẩm định: chỉ Trung tâm Hỗ trợ hoặc Lãnh đạo Sở nhập được dòng này.", refusal);
                    break;
            }
        }
    }

    [Theory]
    [InlineData("System", true)]
    [InlineData(Roles.DoitLeader, true)]
    [InlineData(Roles.DoitSpecialist, true)]
    [InlineData(Roles.SupportCenter, false)]
    public void Plan_targets_are_revised_from_a_file_only_by_DOIT_and_the_command_line(string who, bool may) =>
        Assert.Equal(may, ImportPolicy.MayRevisePlan(Importer(who)));
}

using NgheAn.CNHT.Domain;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.UnitTests.Domain;

internal static class TestData
{
    public static readonly DateTime Now = new(2026, 6, 1, 3, 0, 0, DateTimeKind.Utc);
    public static readonly Actor Specialist = new("cv", "Chuyên viên", new HashSet<string> { Roles.DoitSpecialist });
    public static readonly Actor Leader = new("ld", "Lãnh đạo", new HashSet<string> { Roles.DoitLeader });
    public static readonly Actor Center = new("tt", "Trung tâm", new HashSet<string> { Roles.SupportCenter });
    public static readonly Actor Viewer = new("xem", "Xem", new HashSet<string> { Roles.Viewer });
    public static readonly ProposalContext Context = new(1, new YearRange(2018, 2025), 10, 20);

    public static ProposalDraft Draft(decimal total = 1_000_000_000m, decimal share = 300_000_000m, int start = 2024, int end = 2025) =>
        new("DA-01", "Đổi mới công nghệ ép nhựa", "Mục tiêu", null, start, end, total, share);

    public static Proposal NewProposal() => new(Draft(), Context, Specialist, Now.AddDays(-60));

    public static Proposal Approved()
    {
        var p = NewProposal();
        p.Submit(Specialist, Now.AddDays(-50), null);
        p.Appraise(Center, Now.AddDays(-40), DateOnly.FromDateTime(Now.AddDays(-40)), "Đồng ý", 1_000_000_000m, 300_000_000m);
        p.Approve(Leader, Now.AddDays(-30), "12/QĐ-SCT", DateOnly.FromDateTime(Now.AddDays(-30)), 900_000_000m, 270_000_000m, null);
        return p;
    }
}

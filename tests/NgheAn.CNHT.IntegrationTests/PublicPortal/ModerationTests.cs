using System.Net;
using Microsoft.EntityFrameworkCore;
using NgheAn.CNHT.Domain.Suppliers;
using NgheAn.CNHT.IntegrationTests.Support;

namespace NgheAn.CNHT.IntegrationTests.PublicPortal;

/// <summary>Enterprise-maintained, department-verified (issue 17 item 3, ADR 0182): a change is public only after approval.</summary>
public sealed class ModerationTests(DirectoryPortal portal) : IClassFixture<DirectoryPortal>
{
    private async Task<string> SlugOfAsync(int organizationId) =>
        await portal.ReadAsync(db => db.SupplierProfiles.Where(p => p.OrganizationId == organizationId).Select(p => p.Slug).SingleAsync());

    [Fact]
    public async Task A_change_goes_public_only_after_a_specialist_approves_it_and_the_reviewer_sees_the_diff()
    {
        var (enterprise, organizationId) = await portal.EnterpriseAsync();
        var html = await enterprise.GetStringAsync("/DoanhNghiep/HoSo");
        var first = await enterprise.PostFormAsync("/DoanhNghiep/HoSo", DirectoryPortal.ProfileForm(html, "Công ty Đúc Lam Sơn Kiểm thử", new Dictionary<string, string>
        {
            ["Input.NameEn"] = "Lam Son Casting Test Co.",
            ["Input.Certifications[0].Code"] = "iso-9001",
            ["Input.Certifications[0].Held"] = "true",
            ["Input.Certifications[0].ValidUntil"] = DateTime.Today.AddYears(1).ToString("yyyy-MM-dd"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var slug = await SlugOfAsync(organizationId);
        var visitor = portal.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/danh-ba/{slug}")).StatusCode);

        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var queue = await specialist.GetStringAsync("/Directory");
        Assert.Contains("Công ty kiểm thử danh bạ", queue);
        var changeId = await portal.PendingChangeOfAsync(organizationId);
        var review = await specialist.GetStringAsync($"/Directory/Review/{changeId}");
        Assert.Contains("Công ty Đúc Lam Sơn Kiểm thử", review);
        Assert.Contains("ISO 9001", review);
        var approve = await specialist.PostFormAsync($"/Directory/Review/{changeId}", new Dictionary<string, string> { ["Stamp"] = DirectoryPortal.Stamp(review) }, $"/Directory/Review/{changeId}?handler=Approve");
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);

        var page = await visitor.GetStringAsync($"/danh-ba/{slug}");
        Assert.Contains("Công ty Đúc Lam Sơn Kiểm thử", page);
        Assert.Contains("Lam Son Casting Test Co.", await visitor.GetStringAsync($"/en/directory/{slug}"));

        // A second change: the published profile keeps its approved name until the next approval.
        html = await enterprise.GetStringAsync("/DoanhNghiep/HoSo");
        var second = await enterprise.PostFormAsync("/DoanhNghiep/HoSo", DirectoryPortal.ProfileForm(html, "Công ty Đúc Lam Sơn Đổi Tên"));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        page = await visitor.GetStringAsync($"/danh-ba/{slug}");
        Assert.Contains("Công ty Đúc Lam Sơn Kiểm thử", page);
        Assert.DoesNotContain("Đổi Tên", page);
        changeId = await portal.PendingChangeOfAsync(organizationId);
        review = await specialist.GetStringAsync($"/Directory/Review/{changeId}");
        Assert.Contains("<del>Công ty Đúc Lam Sơn Kiểm thử</del>", review);
        Assert.Contains("<ins>Công ty Đúc Lam Sơn Đổi Tên</ins>", review);

        // Rejected without a reason: refused with a Vietnamese message, nothing changes.
        var noReason = await specialist.PostFormAsync($"/Directory/Review/{changeId}", new Dictionary<string, string> { ["Stamp"] = DirectoryPortal.Stamp(review) }, $"/Directory/Review/{changeId}?handler=Reject");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Lý do không duyệt không được để trống.", await noReason.Content.ReadAsStringAsync());
        var reject = await specialist.PostFormAsync($"/Directory/Review/{changeId}", new Dictionary<string, string> { ["Stamp"] = DirectoryPortal.Stamp(review), ["Reason"] = "Tên mới chưa khớp giấy chứng nhận đăng ký." }, $"/Directory/Review/{changeId}?handler=Reject");
        Assert.Equal(HttpStatusCode.Redirect, reject.StatusCode);
        Assert.DoesNotContain("Đổi Tên", await visitor.GetStringAsync($"/danh-ba/{slug}"));
        Assert.Contains("Tên mới chưa khớp giấy chứng nhận đăng ký.", await enterprise.GetStringAsync("/DoanhNghiep/HoSo"));
    }

    [Fact]
    public async Task A_stale_or_missing_stamp_is_refused_and_nothing_is_saved()
    {
        var (enterprise, organizationId) = await portal.EnterpriseAsync();
        var html = await enterprise.GetStringAsync("/DoanhNghiep/HoSo");
        var form = DirectoryPortal.ProfileForm(html, "Công ty Thiếu Dấu Kiểm thử");
        form.Remove("Stamp");
        var response = await enterprise.PostBareFormAsync("/DoanhNghiep/HoSo", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("thiếu dấu phiên bản", await response.Content.ReadAsStringAsync());
        Assert.False(await portal.ReadAsync(db => db.SupplierProfiles.AnyAsync(p => p.OrganizationId == organizationId)));
    }

    [Fact]
    public async Task An_unverified_account_cannot_submit_and_broken_rules_are_all_shown()
    {
        var (unverified, organizationId) = await portal.EnterpriseAsync(verified: false);
        var html = await unverified.GetStringAsync("/DoanhNghiep/HoSo");
        var response = await unverified.PostFormAsync("/DoanhNghiep/HoSo", DirectoryPortal.ProfileForm(html, "Công ty Chưa Xác Minh"));
        Assert.Contains("chưa được Trung tâm xác minh", await response.Content.ReadAsStringAsync());
        Assert.False(await portal.ReadAsync(db => db.SupplierProfiles.AnyAsync(p => p.OrganizationId == organizationId)));

        var (verified, _) = await portal.EnterpriseAsync();
        html = await verified.GetStringAsync("/DoanhNghiep/HoSo");
        var bad = await verified.PostFormAsync("/DoanhNghiep/HoSo", DirectoryPortal.ProfileForm(html, "", new Dictionary<string, string>
        {
            ["Input.Sectors"] = "",
            ["Input.Website"] = "javascript:alert(1)",
            ["Input.ContactEmail"] = "khong-hop-le",
        }));
        var text = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Tên doanh nghiệp (tiếng Việt) không được để trống.", text);
        Assert.Contains("Chọn ít nhất một lĩnh vực CNHT.", text);
        Assert.Contains("Trang web phải là địa chỉ bắt đầu bằng https:// hoặc http://.", text);
        Assert.Contains("Địa chỉ thư điện tử liên hệ không hợp lệ.", text);
    }

    [Fact]
    public async Task A_specialist_marks_capability_verified_with_date_and_proposal_and_the_badge_shows()
    {
        var (slug, profileId, verifiedBefore) = await portal.ReadAsync(async db =>
            await db.SupplierProfiles.Where(p => p.IsPublished && p.CapabilityVerifiedOn == null).Select(p => new ValueTuple<string, int, bool>(p.Slug, p.Id, false)).FirstAsync());
        Assert.False(verifiedBefore);
        var proposalCode = await portal.ReadAsync(db => db.Proposals.Select(p => p.Code).FirstAsync());
        var specialist = await portal.SignInAsAsync("DoitSpecialist");
        var form = await specialist.GetStringAsync($"/Directory/Capability/{profileId}");
        var on = DateTime.Today.AddDays(-3);
        var response = await specialist.PostFormAsync($"/Directory/Capability/{profileId}", new Dictionary<string, string>
        {
            ["Stamp"] = DirectoryPortal.Stamp(form),
            ["VerifiedOn"] = on.ToString("yyyy-MM-dd"),
            ["ProposalCode"] = proposalCode,
        }, $"/Directory/Capability/{profileId}?handler=Verify");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await portal.NewClient().GetStringAsync($"/danh-ba/{slug}");
        Assert.Contains("Đã được Sở Công Thương xác nhận năng lực", page);
        Assert.Contains(on.ToString("dd/MM/yyyy"), page);
        Assert.Contains(proposalCode, page);

        // A date in the future is refused.
        form = await specialist.GetStringAsync($"/Directory/Capability/{profileId}");
        var future = await specialist.PostFormAsync($"/Directory/Capability/{profileId}", new Dictionary<string, string>
        {
            ["Stamp"] = DirectoryPortal.Stamp(form),
            ["VerifiedOn"] = DateTime.Today.AddDays(5).ToString("yyyy-MM-dd"),
        }, $"/Directory/Capability/{profileId}?handler=Verify");
        Assert.Contains("không được sau hôm nay", await future.Content.ReadAsStringAsync());
    }
}

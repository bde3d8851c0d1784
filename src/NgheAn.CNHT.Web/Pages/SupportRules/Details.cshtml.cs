using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.SupportRules;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Domain.SupportRules;
using NgheAn.CNHT.Web.Authorization;
using NgheAn.CNHT.Web.Forms;

namespace NgheAn.CNHT.Web.Pages.SupportRules;

/// <summary>
/// One rule set: its legal basis, the support level of each content item and the unit norms. While a draft, a specialist
/// adds and removes lines; a leader puts it in force; once in force, a change starts a new version. The domain decides.
/// </summary>
public sealed class DetailsModel(SupportRuleQueries queries, SupportRuleService rules, IAuthorizationService auth) : PageModel
{
    public sealed class RuleInput
    {
        [Display(Name = "Phiên bản")]
        public Guid Stamp { get; set; }
        [Display(Name = "Nội dung hỗ trợ")]
        public string? ItemCode { get; set; }
        [Display(Name = "Điều khoản căn cứ")]
        public string? Citation { get; set; }
        [Display(Name = "Phạm vi áp dụng")]
        public string? Scope { get; set; }
        [Display(Name = "Tỷ lệ ngân sách tỉnh hỗ trợ tối đa (%)")]
        public string? MaxSharePercent { get; set; }
        [Display(Name = "Tỷ lệ vốn đối ứng tối thiểu (%)")]
        public string? MinCounterpartPercent { get; set; }
        [Display(Name = "Mức tối đa mỗi đề án (đồng)")]
        public string? MaxPerProposal { get; set; }
        [Display(Name = "Mức tối đa mỗi doanh nghiệp mỗi năm (đồng)")]
        public string? MaxPerEnterpriseYear { get; set; }
        [Display(Name = "Mức tối đa mỗi doanh nghiệp cả giai đoạn (đồng)")]
        public string? MaxPerEnterprisePeriod { get; set; }
        public List<OrganizationKind> Kinds { get; set; } = [];
        public List<EnterpriseSize> Sizes { get; set; } = [];
        [Display(Name = "Chỉ doanh nghiệp trên địa bàn tỉnh")]
        public bool RequireInProvince { get; set; }
        [Display(Name = "Giá trị minh họa")]
        public bool Illustrative { get; set; }
    }

    public sealed class NormInput
    {
        [Display(Name = "Phiên bản")]
        public Guid Stamp { get; set; }
        [Display(Name = "Quy định")]
        public int RuleId { get; set; }
        [Display(Name = "Tên định mức")]
        public string? Name { get; set; }
        [Display(Name = "Đơn vị tính")]
        public string? Unit { get; set; }
        [Display(Name = "Đơn giá tối đa (đồng)")]
        public string? MaxUnitPrice { get; set; }
        [Display(Name = "Điều khoản căn cứ")]
        public string? Citation { get; set; }
        [Display(Name = "Giá trị minh họa")]
        public bool Illustrative { get; set; }
    }

    [BindProperty]
    public RuleInput Rule { get; set; } = new();

    [BindProperty]
    public NormInput Norm { get; set; } = new();

    public RuleSetView View { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool CanApprove { get; private set; }
    public bool CanNewVersion { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await ShowAsync(id, ct);

    public async Task<IActionResult> OnPostAddRuleAsync(int id, CancellationToken ct)
    {
        var maxShare = Percent("Rule.MaxSharePercent", Rule.MaxSharePercent, "Tỷ lệ ngân sách tỉnh tối đa");
        var minCounterpart = Percent("Rule.MinCounterpartPercent", Rule.MinCounterpartPercent, "Tỷ lệ đối ứng tối thiểu");
        var perProposal = Amount("Rule.MaxPerProposal", Rule.MaxPerProposal, "Mức tối đa mỗi đề án");
        var perYear = Amount("Rule.MaxPerEnterpriseYear", Rule.MaxPerEnterpriseYear, "Mức tối đa mỗi doanh nghiệp mỗi năm");
        var perPeriod = Amount("Rule.MaxPerEnterprisePeriod", Rule.MaxPerEnterprisePeriod, "Mức tối đa mỗi doanh nghiệp cả giai đoạn");
        return await ActAsync(id, Policies.ManageCatalog, () => rules.AddRuleAsync(id, Rule.Stamp, new RuleLineInput(Rule.ItemCode ?? "", Rule.Citation ?? "", Rule.Scope,
            maxShare, minCounterpart, perProposal, perYear, perPeriod, Rule.Kinds, Rule.Sizes, Rule.RequireInProvince, Rule.Illustrative), ct),
            "Đã thêm mức hỗ trợ cho nội dung.", "Rule.", ct);
    }

    public Task<IActionResult> OnPostRemoveRuleAsync(int id, int ruleId, CancellationToken ct) =>
        ActAsync(id, Policies.ManageCatalog, () => rules.RemoveRuleAsync(id, Rule.Stamp, ruleId, ct), "Đã xóa dòng mức hỗ trợ.", "Rule.", ct);

    public async Task<IActionResult> OnPostAddNormAsync(int id, CancellationToken ct)
    {
        var price = ModelState.ReadAmount("Norm.MaxUnitPrice", Norm.MaxUnitPrice, "Định mức đơn giá");
        return await ActAsync(id, Policies.ManageCatalog, price is null ? null : () => rules.AddUnitNormAsync(id, Norm.Stamp,
            new UnitNormInput(Norm.RuleId, Norm.Name ?? "", Norm.Unit ?? "", price.Value, Norm.Citation, Norm.Illustrative), ct),
            "Đã thêm định mức chi.", "Norm.", ct);
    }

    public Task<IActionResult> OnPostRemoveNormAsync(int id, int ruleId, int normId, CancellationToken ct) =>
        ActAsync(id, Policies.ManageCatalog, () => rules.RemoveUnitNormAsync(id, Norm.Stamp, ruleId, normId, ct), "Đã xóa định mức chi.", "Norm.", ct);

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) =>
        ActAsync(id, Policies.ApproveProposals, () => rules.ApproveAsync(id, Rule.Stamp, ct), "Quy định đã được phê duyệt và có hiệu lực.", "Rule.", ct);

    public async Task<IActionResult> OnPostNewVersionAsync(int id, CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, Policies.ManageCatalog)).Succeeded)
        {
            return Forbid();
        }

        try
        {
            var next = await rules.NewVersionAsync(id, ct);
            TempData["Success"] = "Đã lập phiên bản mới (dự thảo) từ quy định đang có hiệu lực; quy định cũ giữ nguyên.";
            return RedirectToPage(new { id = next });
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

    private async Task<IActionResult> ActAsync(int id, string policy, Func<Task>? act, string success, string prefix, CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, policy)).Succeeded)
        {
            return Forbid();
        }

        if (act is not null && ModelState.IsValid)
        {
            try
            {
                await act();
                TempData["Success"] = success;
                return RedirectToPage(new { id });
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
            catch (DomainException ex)
            {
                ModelState.AddModelError(ex.Field is null ? string.Empty : prefix + ex.Field, ex.Message);
                if (ex.Field is not null)
                {
                    ModelState.AddModelError(string.Empty, ex.Message);
                }
            }
        }

        return await ShowAsync(id, ct);
    }

    private decimal? Amount(string key, string? text, string label) =>
        string.IsNullOrWhiteSpace(text) ? null : ModelState.ReadAmount(key, text, label);

    private decimal? Percent(string key, string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = text.Trim().TrimEnd('%').Trim();
        if (decimal.TryParse(s, NumberStyles.AllowDecimalPoint, VnFormat.Culture, out var value))
        {
            return value;
        }

        ModelState.AddModelError(key, $"{label} phải là số phần trăm, ví dụ 70 hoặc 70,5.");
        return null;
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken ct)
    {
        var view = await queries.DetailsAsync(id, ct);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        var draft = view.Set.Status == RuleSetStatus.Draft;
        CanEdit = draft && (await auth.AuthorizeAsync(User, Policies.ManageCatalog)).Succeeded;
        CanApprove = draft && (await auth.AuthorizeAsync(User, Policies.ApproveProposals)).Succeeded;
        CanNewVersion = !draft && (await auth.AuthorizeAsync(User, Policies.ManageCatalog)).Succeeded;
        return Page();
    }
}

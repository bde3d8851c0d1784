using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Organizations;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Organizations;
using NgheAn.CNHT.Web.Services;

namespace NgheAn.CNHT.Web.Pages.Proposals;

/// <summary>What the create and edit forms post. Amounts are text typed the Vietnamese way (1.250.000.000).</summary>
public sealed class ProposalInputModel
{
    [Display(Name = "Mã đề án")]
    [StringLength(30, ErrorMessage = "Mã đề án dài tối đa 30 ký tự.")]
    public string? Code { get; set; }

    [Display(Name = "Nội dung hỗ trợ")]
    public int? ContentItemId { get; set; }

    [Display(Name = "Đơn vị chủ trì")]
    public int? LeadOrganizationId { get; set; }

    /// <summary>The lead unit is not in the list yet: create it from <see cref="NewOrganization"/>.</summary>
    [Display(Name = "Đơn vị chưa có trong danh sách: thêm đơn vị mới")]
    public bool CreateOrganization { get; set; }

    public NewOrganizationModel NewOrganization { get; set; } = new();

    [Display(Name = "Tên đề án")]
    public string? Title { get; set; }

    [Display(Name = "Mục tiêu")]
    public string? Objectives { get; set; }

    [Display(Name = "Sản phẩm dự kiến")]
    public string? ExpectedOutputs { get; set; }

    [Display(Name = "Năm bắt đầu")]
    [Range(2000, 2100, ErrorMessage = "Năm bắt đầu phải trong khoảng 2000-2100.")]
    public int? StartYear { get; set; }

    [Display(Name = "Năm kết thúc")]
    [Range(2000, 2100, ErrorMessage = "Năm kết thúc phải trong khoảng 2000-2100.")]
    public int? EndYear { get; set; }

    [Display(Name = "Tổng kinh phí (đồng)")]
    public string? TotalCost { get; set; }

    [Display(Name = "Ngân sách tỉnh hỗ trợ (đồng)")]
    public string? ProvincialShare { get; set; }

    public Guid ConcurrencyStamp { get; set; }
}

/// <summary>A lead unit typed inside the proposal form.</summary>
public sealed class NewOrganizationModel
{
    [Display(Name = "Tên đơn vị")]
    public string? Name { get; set; }

    [Display(Name = "Loại đơn vị")]
    public OrganizationKind Kind { get; set; } = OrganizationKind.SupportingIndustryEnterprise;

    [Display(Name = "Mã số thuế")]
    public string? TaxCode { get; set; }

    [Display(Name = "Lĩnh vực")]
    public string? Sector { get; set; }

    [Display(Name = Organization.CommuneLabel)]
    public string? CommuneCode { get; set; }
}

/// <summary>The create and edit pages of a proposal share their form, its choices and its error mapping.</summary>
public abstract class ProposalFormModel(ProposalQueries queries) : PageModel
{
    private static readonly Dictionary<string, string> FieldMap = new()
    {
        ["RequestedTotalCost"] = nameof(ProposalInputModel.TotalCost),
        ["RequestedProvincialShare"] = nameof(ProposalInputModel.ProvincialShare),
    };

    private static readonly HashSet<string> FormFields =
    [
        "Code", "ContentItemId", "LeadOrganizationId", "Title", "Objectives", "ExpectedOutputs", "StartYear", "EndYear",
        "TotalCost", "ProvincialShare", "NewOrganization.Name", "NewOrganization.Kind", "NewOrganization.TaxCode",
        "NewOrganization.Sector", "NewOrganization.CommuneCode",
    ];

    [BindProperty]
    public ProposalInputModel Input { get; set; } = new();

    public ProposalChoices Choices { get; private set; } = null!;

    /// <summary>Items of this program only (editing cannot move a proposal to another program); null for all.</summary>
    public int? ProgramId { get; protected set; }

    public abstract bool IsEdit { get; }

    public ConcurrencyConflictException? Conflict { get; protected set; }

    protected async Task LoadChoicesAsync(CancellationToken ct) => Choices = await queries.ChoicesAsync(ct);

    /// <summary>
    /// Reads the posted form into the application's input; null (with errors in ModelState) when it cannot. Every
    /// field and every rule is checked in one pass: when a field cannot be read, the rules the application can still
    /// check are run too (nothing is saved), so one submit shows every mistake (ADR 0120).
    /// </summary>
    protected async Task<ProposalInput?> ReadInputAsync(ProposalService proposals, int? editedId, CancellationToken ct)
    {
        var okTotal = ModelState.TryReadAmount("Input.TotalCost", Input.TotalCost, "Tổng kinh phí", out var total);
        var okShare = ModelState.TryReadAmount("Input.ProvincialShare", Input.ProvincialShare, "Ngân sách tỉnh hỗ trợ", out var share);
        if (string.IsNullOrWhiteSpace(Input.Title))
        {
            ModelState.AddModelError("Input.Title", "Tên đề án không được để trống.");
        }

        if (Input.ContentItemId is null or <= 0)
        {
            ModelState.AddModelError("Input.ContentItemId", "Vui lòng chọn nội dung hỗ trợ.");
        }

        if (Input.StartYear is null && !ModelState.ContainsKey("Input.StartYear"))
        {
            ModelState.AddModelError("Input.StartYear", "Vui lòng nhập năm bắt đầu.");
        }

        if (Input.EndYear is null && !ModelState.ContainsKey("Input.EndYear"))
        {
            ModelState.AddModelError("Input.EndYear", "Vui lòng nhập năm kết thúc.");
        }

        if (!Input.CreateOrganization && Input.LeadOrganizationId is null or <= 0)
        {
            ModelState.AddModelError("Input.LeadOrganizationId", "Vui lòng chọn đơn vị chủ trì, hoặc đánh dấu \"thêm đơn vị mới\" và nhập thông tin đơn vị.");
        }

        var org = Input.NewOrganization;
        var input = new ProposalInput(
            Input.Code, Input.ContentItemId ?? 0, Input.CreateOrganization ? 0 : Input.LeadOrganizationId ?? 0,
            Input.CreateOrganization ? new OrganizationInput(org.Name ?? "", org.Kind, org.TaxCode, org.Sector, org.CommuneCode) : null,
            Input.Title ?? "", Input.Objectives, Input.ExpectedOutputs, Input.StartYear ?? 0, Input.EndYear ?? 0, total, share);
        if (ModelState.IsValid && okTotal && okShare)
        {
            return input;
        }

        try
        {
            await proposals.CheckAsync(input, editedId, ct);
        }
        catch (DomainException ex)
        {
            AddDomainError(ex);
        }

        return null;
    }

    protected void AddDomainError(DomainException ex) => ModelState.AddDomainError(ex, "Input.", FieldMap, FormFields);

    /// <summary>Shows what changed and arms the form with the current version, so saving again is a deliberate choice.</summary>
    protected void ShowConflict(ConcurrencyConflictException ex)
    {
        Conflict = ex;
        Input.ConcurrencyStamp = ex.CurrentStamp;
        ModelState.Remove("Input.ConcurrencyStamp");
    }

    /// <summary>"1.250.000.000" → "1,25 tỷ đồng" for the echo beside an amount (ADR 0121); empty when not a number.</summary>
    public static string MillionHint(string? text) =>
        VnFormat.TryParseDong(text, out var amount) && amount >= 0 ? VnFormat.Prose(amount) : "";
}

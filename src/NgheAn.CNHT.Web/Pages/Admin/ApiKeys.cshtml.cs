using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NgheAn.CNHT.Application.Access;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Authorization;

namespace NgheAn.CNHT.Web.Pages.Admin;

/// <summary>Admin issues and revokes read-only API keys; a new key is shown once, on the response to its issue.</summary>
[Authorize(Policy = Policies.ManageUsers)]
public sealed class ApiKeysModel(ApiKeyService keys, ILogger<ApiKeysModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<ApiKeyRow> Keys { get; private set; } = [];

    /// <summary>The secret of the key just issued; never stored, never shown again.</summary>
    public string? NewSecret { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Vui lòng nhập tên (hệ thống sẽ dùng khóa).")]
        [StringLength(200, ErrorMessage = "Tên dài tối đa 200 ký tự.")]
        [Display(Name = "Tên khóa (hệ thống sử dụng)")]
        public string Name { get; set; } = "";
    }

    public async Task OnGetAsync(CancellationToken ct) => Keys = await keys.ListAsync(ct);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Keys = await keys.ListAsync(ct);
            return Page();
        }

        try
        {
            var issued = await keys.IssueAsync(Input.Name, ct);
            logger.LogInformation("API key {Prefix} issued by {User}", issued.Key.Prefix, User.Identity?.Name);
            NewSecret = issued.Secret;
            ModelState.Clear();
            Input = new InputModel();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("Input." + (ex.Field ?? nameof(InputModel.Name)), ex.Message);
        }

        // The secret is rendered on this response only (no redirect, no TempData cookie holding it).
        Response.Headers.CacheControl = "no-store";
        Keys = await keys.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        try
        {
            await keys.RevokeAsync(id, ct);
            logger.LogInformation("API key {KeyId} revoked by {User}", id, User.Identity?.Name);
            TempData["Success"] = "Đã thu hồi khóa API; hệ thống dùng khóa này không đọc được dữ liệu nữa.";
        }
        catch (DomainException ex)
        {
            TempData["Error"] = ex.Message;
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        return RedirectToPage();
    }
}

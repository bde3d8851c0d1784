using Microsoft.AspNetCore.Mvc;
using NgheAn.CNHT.Application.Common;
using NgheAn.CNHT.Application.Proposals;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Domain.Proposals;

namespace NgheAn.CNHT.Web.Pages.Proposals;

/// <summary>Editing a draft, guarded by the version the user opened (optimistic concurrency).</summary>
public sealed class EditModel(ProposalQueries queries, ProposalService proposals) : ProposalFormModel(queries)
{
    private readonly ProposalQueries _queries = queries;

    public override bool IsEdit => true;

    public string Code { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var form = await _queries.FormAsync(id, ct);
        if (form is null)
        {
            return NotFound();
        }

        if (form.Status != ProposalStatus.Draft)
        {
            TempData["Error"] = $"Chỉ sửa được đề án ở trạng thái \"Dự thảo\"; đề án {form.Code} đang ở trạng thái \"{form.Status.DisplayName()}\".";
            return RedirectToPage("./Details", new { id });
        }

        Code = form.Code;
        ProgramId = form.ProgramId;
        Input = new ProposalInputModel
        {
            Code = form.Code,
            ContentItemId = form.ContentItemId,
            LeadOrganizationId = form.LeadOrganizationId,
            Title = form.Title,
            Objectives = form.Objectives,
            ExpectedOutputs = form.ExpectedOutputs,
            StartYear = form.StartYear,
            EndYear = form.EndYear,
            TotalCost = VnFormat.Dong(form.TotalCost),
            ProvincialShare = VnFormat.Dong(form.ProvincialShare),
            ConcurrencyStamp = form.ConcurrencyStamp,
        };
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var form = await _queries.FormAsync(id, ct);
        if (form is null)
        {
            return NotFound();
        }

        Code = form.Code;
        ProgramId = form.ProgramId;
        // The version the user opened travels in a hidden field; without a readable one nothing can be compared.
        var stampUnreadable = ModelState.GetFieldValidationState("Input.ConcurrencyStamp") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            || Input.ConcurrencyStamp == Guid.Empty;
        if (stampUnreadable)
        {
            ModelState.Remove("Input.ConcurrencyStamp");
            ModelState.AddModelError(string.Empty, "Biểu mẫu thiếu thông tin phiên bản của đề án (trang đã cũ hoặc bị sửa); chưa lưu gì. Hãy mở lại trang sửa đề án rồi nhập lại.");
        }

        // The other fields are still checked, so every problem shows at once; nothing is saved without the version.
        var input = await ReadInputAsync(proposals, id, ct);
        if (stampUnreadable)
        {
            input = null;
        }
        if (input is not null)
        {
            try
            {
                await proposals.UpdateAsync(id, Input.ConcurrencyStamp, input, ct);
                TempData["Success"] = "Đã lưu thay đổi của đề án.";
                return RedirectToPage("./Details", new { id });
            }
            catch (ConcurrencyConflictException ex)
            {
                ShowConflict(ex);
            }
            catch (DomainException ex)
            {
                AddDomainError(ex);
            }
        }

        await LoadChoicesAsync(ct);
        return Page();
    }
}

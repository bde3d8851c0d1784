using Microsoft.AspNetCore.Mvc.ModelBinding;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Web.Services;

/// <summary>Puts domain refusals and parsing errors next to the field they are about.</summary>
public static class FormErrors
{
    /// <summary>
    /// Adds the refusal under <paramref name="prefix"/> + its field, renamed by <paramref name="fieldMap"/>;
    /// a refusal about no field, or a field the form does not show, goes to the summary at the top.
    /// </summary>
    public static void AddDomainError(this ModelStateDictionary modelState, DomainException ex, string prefix,
        IReadOnlyDictionary<string, string>? fieldMap = null, IReadOnlySet<string>? formFields = null)
    {
        // Every broken rule of the pass (ADR 0120); a field whose value could not even be read keeps that message only.
        foreach (var error in ex.Errors)
        {
            var field = error.Field;
            if (field is not null && fieldMap is not null && fieldMap.TryGetValue(field, out var mapped))
            {
                field = mapped;
            }

            var shown = field is not null && (formFields is null || formFields.Contains(field));
            var key = shown ? prefix + field : string.Empty;
            if (shown && modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                continue;
            }

            if (modelState.TryGetValue(key, out var same) && same.Errors.Any(e => e.ErrorMessage == error.Message))
            {
                continue;
            }

            modelState.AddModelError(key, error.Message);
        }
    }

    /// <summary>Reads an amount typed the Vietnamese way (1.250.000.000); adds a Vietnamese error when it cannot.</summary>
    public static bool TryReadAmount(this ModelStateDictionary modelState, string key, string? text, string label, out decimal amount, bool required = true)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                modelState.AddModelError(key, $"Vui lòng nhập {label.ToLower(VnFormat.Culture)}.");
            }

            return !required;
        }

        if (!VnFormat.TryParseDong(text, out amount) || amount < 0)
        {
            modelState.AddModelError(key, $"{label} phải là số đồng nguyên, viết như 1.250.000.000.");
            return false;
        }

        return true;
    }
}

using Microsoft.AspNetCore.Mvc.ModelBinding;
using NgheAn.CNHT.Domain.Common;

namespace NgheAn.CNHT.Web.Forms;

/// <summary>Small helpers shared by forms: Vietnamese amounts and domain errors shown next to their field.</summary>
public static class FormHelpers
{
    /// <summary>Reads an amount typed the Vietnamese way (1.250.000.000); adds a field error when it is not one.</summary>
    public static decimal? ReadAmount(this ModelStateDictionary modelState, string key, string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            modelState.AddModelError(key, $"Vui lòng nhập {label.ToLowerInvariant()}.");
            return null;
        }

        if (!VnFormat.TryParseDong(text, out var amount))
        {
            modelState.AddModelError(key, $"{label} phải là số đồng nguyên, ví dụ 1.250.000.000.");
            return null;
        }

        return amount;
    }

    /// <summary>Shows a broken rule next to its field (or at the top of the form when it names none).</summary>
    public static void AddDomainError(this ModelStateDictionary modelState, DomainException ex, string prefix = "Input", IReadOnlyDictionary<string, string>? fieldMap = null)
    {
        var field = ex.Field;
        if (field is not null && fieldMap is not null && fieldMap.TryGetValue(field, out var mapped))
        {
            field = mapped;
        }

        modelState.AddModelError(field is null ? string.Empty : $"{prefix}.{field}", ex.Message);
    }
}

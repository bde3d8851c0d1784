using Microsoft.AspNetCore.Mvc.ModelBinding;
using NgheAn.CNHT.Domain.Common;
using NgheAn.CNHT.Web.Services;

namespace NgheAn.CNHT.Web.Forms;

/// <summary>Shorthands over <see cref="FormErrors"/> for forms whose inputs sit under one prefix (Input.…).</summary>
public static class FormHelpers
{
    /// <summary>Reads a required amount typed the Vietnamese way (1.250.000.000); null, with a field error, when it is not one.</summary>
    public static decimal? ReadAmount(this ModelStateDictionary modelState, string key, string? text, string label) =>
        FormErrors.TryReadAmount(modelState, key, text, label, out var amount) ? amount : null;

    /// <summary>Shows a broken rule next to its field (or at the top of the form when it names none).</summary>
    public static void AddDomainError(this ModelStateDictionary modelState, DomainException ex, string prefix = "Input", IReadOnlyDictionary<string, string>? fieldMap = null) =>
        FormErrors.AddDomainError(modelState, ex, prefix + ".", fieldMap);
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.Extensions.Localization;

namespace NgheAn.CNHT.Web.Forms;

/// <summary>
/// The messages client-side validation would show (<c>data-val-*</c>) in Vietnamese. MVC gives a non-nullable
/// value type (a select of an enum, a number, a check box) an implicit required rule whose default text is English
/// ("The … field is required."); it is created inside MVC's client validator provider, which asks this provider
/// for its adapter, so that is where it gets its Vietnamese text. Server-side refusals of missing or unreadable
/// values come from the model-binding messages, already Vietnamese (DependencyInjection).
/// </summary>
public sealed class VietnameseValidationAdapters : IValidationAttributeAdapterProvider
{
    private readonly ValidationAttributeAdapterProvider _inner = new();

    public IAttributeAdapter? GetAttributeAdapter(ValidationAttribute attribute, IStringLocalizer? stringLocalizer)
    {
        if (attribute is RequiredAttribute { ErrorMessage: null, ErrorMessageResourceName: null } required)
        {
            required.ErrorMessage = "Vui lòng nhập hoặc chọn {0}.";
        }

        return _inner.GetAttributeAdapter(attribute, stringLocalizer);
    }
}

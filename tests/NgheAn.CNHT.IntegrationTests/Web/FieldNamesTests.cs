using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NgheAn.CNHT.IntegrationTests.Web;

/// <summary>
/// Issue 24 (7): no message names an internal field. Model binding's messages name the field by its display name
/// ("Giá trị … không hợp lệ cho trường {0}"), which falls back to the C# property name (e.g. "DocumentType") when
/// none is given; so every value a page binds from a form carries a Vietnamese [Display(Name)].
/// </summary>
public sealed class FieldNamesTests
{
    private static readonly HashSet<Type> Leaves =
    [
        typeof(string), typeof(int), typeof(long), typeof(decimal), typeof(bool), typeof(DateOnly), typeof(DateTime), typeof(Guid), typeof(IFormFile),
    ];

    private static bool IsLeaf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsEnum || Leaves.Contains(t);
    }

    private static IEnumerable<string> Unnamed(Type type, string path, int depth)
    {
        if (depth > 3)
        {
            yield break;
        }

        // A list of rows (estimate lines) binds each row's fields.
        if (type.IsGenericType && type.GetGenericArguments() is [var element] && typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
        {
            foreach (var inner in Unnamed(element, path + "[]", depth + 1))
            {
                yield return inner;
            }

            yield break;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var name = $"{path}.{property.Name}";
            if (IsLeaf(property.PropertyType))
            {
                // A hidden version stamp and the like are never typed by a person and never named in a message.
                if (property.PropertyType == typeof(Guid) || property.Name is "Id" or "ConcurrencyStamp" or "Stamp")
                {
                    continue;
                }

                if (property.GetCustomAttribute<DisplayAttribute>()?.Name is not { Length: > 0 })
                {
                    yield return name;
                }
            }
            else if ((property.PropertyType.IsClass && property.PropertyType.Namespace?.StartsWith("NgheAn.CNHT", StringComparison.Ordinal) == true)
                || (property.PropertyType.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(property.PropertyType)))
            {
                foreach (var inner in Unnamed(property.PropertyType, name, depth + 1))
                {
                    yield return inner;
                }
            }
        }
    }

    [Fact]
    public void Every_field_a_page_binds_from_a_form_has_a_vietnamese_name()
    {
        var pages = typeof(Program).Assembly.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract);
        var unnamed = new List<string>();
        foreach (var page in pages)
        {
            foreach (var property in page.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var bind = property.GetCustomAttribute<BindPropertyAttribute>();
                if (bind is null || bind.SupportsGet)
                {
                    continue; // query-string filters are links, not forms typed by a person
                }

                var path = $"{page.Name}.{property.Name}";
                if (IsLeaf(property.PropertyType))
                {
                    if (property.GetCustomAttribute<DisplayAttribute>()?.Name is not { Length: > 0 } && property.PropertyType != typeof(Guid))
                    {
                        unnamed.Add(path);
                    }
                }
                else
                {
                    unnamed.AddRange(Unnamed(property.PropertyType, path, 0));
                }
            }
        }

        Assert.True(unnamed.Count == 0, "fields without a Vietnamese [Display(Name)]:\n" + string.Join("\n", unnamed));
    }
}
